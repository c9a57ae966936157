/**
 * 设置默认账号 (F8): at most one 开票 default and one 收票 default per enterprise, or one account as
 * both; no default without the permission; a lone account only as 开票+收票; a new default replaces
 * the old; refusals explain themselves and change nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import { addAccount, bureauPerson, member, tenantWithEnterprise, type Member, type World } from '../support/etax';
import type { Channel, Role } from '../../types/domain';

describe('#accounts.defaults (F8)', () => {
  const server = suiteServer();

  async function enterpriseWith(...accounts: { role: Role; permissions: Channel[] }[]) {
    const world = await tenantWithEnterprise(server);
    const alice = await member(server, world);
    const ids: string[] = [];
    for (const a of accounts) {
      const person = await bureauPerson(server, world.taxId, a);
      ids.push(
        await addAccount(server, alice.token, world.enterpriseId, person, { role: a.role, business: a.permissions[0] }),
      );
    }
    return { world, alice, ids };
  }
  const both = { role: '办税员' as Role, permissions: ['issue', 'receive'] as Channel[] };
  const issueOnly = { role: '开票员' as Role, permissions: ['issue'] as Channel[] };

  const setDefaults = (who: Member, accountId: string, channels: string[]) =>
    server.call('PUT', `/api/v1/accounts/${accountId}/defaults`, { token: who.token, body: { channels } });
  const defaultsOf = async (who: Member, world: World) => {
    const list = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, { token: who.token });
    return Object.fromEntries(
      (list.body.accounts as { id: string; defaults: string[] }[]).map((a) => [a.id, a.defaults]),
    );
  };

  it('should let a lone account be only the 开票+收票 default', async () => {
    const { world, alice, ids } = await enterpriseWith(both);
    for (const channels of [['issue'], ['receive']]) {
      const res = await setDefaults(alice, ids[0], channels);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error, {
        code: 'defaults_refused',
        message: '企业只有一个账号时，只能设置为“开票+收票”默认账号',
      });
    }
    assert.deepEqual(await defaultsOf(alice, world), { [ids[0]]: [] }, 'a refusal changes nothing');
    const ok = await setDefaults(alice, ids[0], ['receive', 'issue']);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.accounts[0].defaults, ['issue', 'receive'], 'the answer is the updated list');
    const detail = await server.call('GET', `/api/v1/accounts/${ids[0]}`, { token: alice.token });
    assert.equal(detail.body.enterpriseAccountCount, 1);
    assert.deepEqual((await setDefaults(alice, ids[0], [])).body.accounts[0].defaults, [], 'no longer a default');
  });

  it('should refuse a default for a business the account has no permission for', async () => {
    const { world, alice, ids } = await enterpriseWith(issueOnly, both);
    const res = await setDefaults(alice, ids[0], ['receive']);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, '该账号没有收票权限，无法设置为默认收票账号');
    const bothRes = await setDefaults(alice, ids[0], ['issue', 'receive']);
    assert.equal(bothRes.status, 400);
    assert.equal((await setDefaults(alice, ids[0], ['issue'])).status, 200);
    assert.deepEqual(await defaultsOf(alice, world), { [ids[0]]: ['issue'], [ids[1]]: [] });
  });

  it('should let a new default replace the old one, per business', async () => {
    const { world, alice, ids } = await enterpriseWith(both, both, both);
    const [a, b, c] = ids;
    await setDefaults(alice, a, ['issue', 'receive']);
    assert.deepEqual(await defaultsOf(alice, world), { [a]: ['issue', 'receive'], [b]: [], [c]: [] });
    await setDefaults(alice, b, ['receive']);
    assert.deepEqual(await defaultsOf(alice, world), { [a]: ['issue'], [b]: ['receive'], [c]: [] });
    await setDefaults(alice, c, ['issue', 'issue']);
    assert.deepEqual(await defaultsOf(alice, world), { [a]: [], [b]: ['receive'], [c]: ['issue'] });
    await setDefaults(alice, a, ['issue', 'receive']);
    assert.deepEqual(await defaultsOf(alice, world), { [a]: ['issue', 'receive'], [b]: [], [c]: [] });
  });

  it('should end with one default per business when two accounts are set at the same moment', async () => {
    const { world, alice, ids } = await enterpriseWith(both, both);
    const results = await Promise.all(ids.map((id) => setDefaults(alice, id, ['issue'])));
    assert.deepEqual(
      results.map((r) => r.status),
      [200, 200],
    );
    const defaults = Object.values(await defaultsOf(alice, world));
    assert.equal(defaults.filter((d) => d.includes('issue')).length, 1);
  });

  it('should hold one default per business in the database itself', async () => {
    const { world, alice, ids } = await enterpriseWith(both, both);
    await setDefaults(alice, ids[0], ['issue']);
    await assert.rejects(
      server.ctx.db.execute(sql`update etax_accounts set default_issue = true where id = ${ids[1]}`),
    );
    assert.deepEqual(await defaultsOf(alice, world), { [ids[0]]: ['issue'], [ids[1]]: [] });
  });

  it('should refuse an unknown business with a clear message', async () => {
    const { alice, ids } = await enterpriseWith(both);
    const res = await setDefaults(alice, ids[0], ['tax']);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'validation_error');
    assert.equal(res.body.error.message, '请选择开票或收票');
    const missing = await server.call('PUT', `/api/v1/accounts/${ids[0]}/defaults`, { token: alice.token });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.message, '请选择默认的业务');
  });

  it('should drop the default with a deleted account, leaving the business without one', async () => {
    const { world, alice, ids } = await enterpriseWith(both, both);
    await setDefaults(alice, ids[0], ['issue', 'receive']);
    assert.equal((await server.call('DELETE', `/api/v1/accounts/${ids[0]}`, { token: alice.token })).status, 204);
    assert.deepEqual(await defaultsOf(alice, world), { [ids[1]]: [] });
    assert.equal((await setDefaults(alice, ids[1], ['issue', 'receive'])).status, 200);
  });
});
