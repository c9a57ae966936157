/**
 * 电子税局账号管理 (F4) a page at a time: the cursor walks every account exactly once in a stable
 * order (even among accounts saved in the same instant), 搜索 finds by the shown tail, the whole
 * account or the holder's 姓名 (never by the masked part), a bad cursor or limit is refused in
 * Chinese, and a caller passing nothing still gets the whole list.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import { member, rows, tenantWithEnterprise, type Member, type World } from '../support/etax';

describe('#accounts.paging (F4)', () => {
  const server = suiteServer();
  let world: World;
  let alice: Member;
  const TOTAL = 230;

  before(async () => {
    world = await tenantWithEnterprise(server);
    alice = await member(server, world);
    // One statement: all share created_at, so only the id keeps the order stable.
    await rows(
      server,
      sql`insert into etax_accounts (tenant_id, enterprise_id, account, password_enc, password_key_id, role, permissions, login_type, person_name, person_key)
        select ${world.tenantId}, ${world.enterpriseId}, '139' || lpad(n::text, 8, '0'), 'x', 'k', '办税员', array['issue','receive'], 'manual',
          '测试' || n, 'pk' || n
        from generate_series(1, ${TOTAL}) n`,
    );
  });

  const list = (query = '') =>
    server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts${query}`, { token: alice.token });

  it('should walk every account exactly once, in the order of the whole list', async () => {
    const whole = await list();
    assert.equal(whole.status, 200);
    assert.equal(whole.body.accounts.length, TOTAL, 'no limit: the whole list, as before paging');
    assert.equal(whole.body.nextCursor, null);
    const wholeIds = (whole.body.accounts as { id: string }[]).map((a) => a.id);
    // The list's order (created_at, then id), here where all were saved in one instant: by id.
    assert.deepEqual(wholeIds, [...wholeIds].sort(), 'the whole list in its order');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200);
      assert.ok(res.body.accounts.length <= 50);
      seen.push(...(res.body.accounts as { id: string }[]).map((a) => a.id));
      cursor = res.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 20);
    assert.equal(pages, 5);
    assert.deepEqual(seen, wholeIds);
    assert.equal(new Set(seen).size, TOTAL);
    const again = await list('?limit=50');
    assert.deepEqual(
      (again.body.accounts as { id: string }[]).map((a) => a.id),
      seen.slice(0, 50),
      'the same page twice: the same accounts',
    );
  });

  it('should find by the shown tail, the whole account or the holder’s 姓名, never by the masked part', async () => {
    const tail = await list('?q=0007');
    assert.deepEqual(
      (tail.body.accounts as { maskedAccount: string }[]).map((a) => a.maskedAccount),
      ['139****0007'],
    );
    const whole = await list('?q=13900000123');
    assert.deepEqual(
      (whole.body.accounts as { maskedAccount: string }[]).map((a) => a.maskedAccount),
      ['139****0123'],
    );
    const name = await list(`?q=${encodeURIComponent('测试42')}`);
    assert.deepEqual(
      (name.body.accounts as { maskedAccount: string }[]).map((a) => a.maskedAccount),
      ['139****0042'],
    );
    const masked = await list('?q=00000');
    assert.equal(masked.status, 200);
    assert.deepEqual(masked.body.accounts, [], 'digits hidden by the mask find nothing');
    const paged = await list('?q=1&limit=10');
    assert.equal(paged.body.accounts.length, 10);
    assert.ok(paged.body.nextCursor, 'a search pages too');
  });

  it('should refuse a bad cursor or limit in Chinese', async () => {
    for (const query of [
      '?cursor=bm90LWEtY3Vyc29y',
      '?cursor=%25%25',
      `?cursor=${Buffer.from('1.x').toString('base64url')}`,
    ]) {
      const res = await list(query);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.message, '翻页位置无效，请刷新列表', query);
    }
    for (const [query, message] of [
      ['?limit=0', '每页数量至少为1'],
      ['?limit=101', '每页数量最多为100'],
      ['?limit=abc', '每页数量须为数字'],
    ]) {
      const res = await list(query);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.message, message, query);
    }
  });

  it('should not page another tenant’s enterprise', async () => {
    const stranger = await member(server, null);
    const res = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts?limit=5`, {
      token: stranger.token,
    });
    assert.equal(res.status, 404);
  });
});
