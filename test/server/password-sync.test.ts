/**
 * 已在税局修改，仅更新发票云 (F13): the bureau checks the password before anything is saved; a wrong
 * one changes nothing; the right one updates the same person's accounts of the tenant and lifts
 * their locks. Passwords never appear in clear in the database or in an answer.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
  anotherEnterprise,
  bindTo,
  bureauPerson,
  member,
  relate,
  rows,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
} from '../support/etax';
import {
  addHostedAccount,
  lockByWrongPassword,
  storedAccounts,
  storedPassword,
  tablesContaining,
  whileStoringFails,
} from '../support/passwords';

describe('#passwords.sync (F13)', () => {
  const server = suiteServer();

  /** A tenant of its own with one person's accounts in two enterprises (one hosted) and alice, who added them. */
  const personWithAccounts = async () => {
    const world = await tenantWithEnterprise(server);
    const second = await anotherEnterprise(server, world);
    const alice = await member(server, world);
    const person = await bureauPerson(server, world.taxId, { hostedBy: 'huameng' });
    await relate(server, second.taxId, person.idNumber, '办税员', ['issue', 'receive']);
    const manual = await addAccount(server, alice.token, world.enterpriseId, person);
    const hosted = await addHostedAccount(server, alice.token, second.enterpriseId, person, { loginType: 'huameng' });
    return { world, alice, person, manual, hosted };
  };
  const sync = (who: Member, accountId: string, password: string) =>
    server.call('POST', `/api/v1/accounts/${accountId}/password`, { token: who.token, body: { password } });
  const changeCount = async (accountId: string) => {
    const [row] = await rows<{ n: number }>(
      server,
      sql`select count(*)::int as n from password_changes where account_id = ${accountId}`,
    );
    return Number(row.n);
  };

  it('should change nothing for a password the bureau refuses, and say so in its words', async () => {
    const { alice, person, manual, hosted } = await personWithAccounts();
    await lockByWrongPassword(server, alice.token, hosted, person, 'Latest#2026');
    const before = await storedAccounts(server, [manual, hosted]);

    const res = await sync(alice, manual, 'Wrong#2026');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'etax_wrong_password');
    assert.match(res.body.error.message, /^用户名或密码错误，您还可以尝试\d次/);
    assert.deepEqual(await storedAccounts(server, [manual, hosted]), before, 'ciphertexts and the lock unchanged');
    assert.equal(await changeCount(manual), 0);
  });

  it('should save the bureau’s latest password for every related account and lift their locks', async () => {
    const { world, alice, person, manual, hosted } = await personWithAccounts();
    await lockByWrongPassword(server, alice.token, hosted, person, 'Latest#2026');
    const before = await storedAccounts(server, [manual, hosted]);

    const res = await sync(alice, manual, 'Latest#2026');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.kind, 'sync');
    assert.equal(res.body.step, 'done');
    assert.equal(res.body.sms, undefined);
    assert.deepEqual(
      res.body.items.map((i: { accountId: string; state: string; current: boolean }) => [
        i.accountId,
        i.state,
        i.current,
      ]),
      [
        [manual, 'done', true],
        [hosted, 'done', false],
      ],
    );
    assert.equal(res.body.items[0].enterpriseName, world.enterpriseName);

    const after = await storedAccounts(server, [manual, hosted]);
    for (const id of [manual, hosted]) {
      assert.notEqual(after[id].password_enc, before[id].password_enc);
      assert.equal(storedPassword(server, after[id]), 'Latest#2026');
      assert.equal(after[id].locked_at, null);
    }
    const detail = await server.call('GET', `/api/v1/accounts/${hosted}`, { token: alice.token });
    assert.equal(detail.body.locked, undefined);
    // The hosted account logs in by itself again.
    const login = await server.call('POST', `/api/v1/accounts/${hosted}/flows`, {
      token: alice.token,
      body: { purpose: 'login', channel: 'issue' },
    });
    assert.equal(login.body.step, 'hosted_wait');
    assert.equal(
      (await server.call('GET', `/api/v1/flows/${login.body.flowId}`, { token: alice.token })).body.step,
      'done',
    );

    assert.deepEqual(await tablesContaining(server, 'Latest#2026'), []);
    assert.ok(!JSON.stringify(res.body).includes('Latest#2026'));
    const polled = await server.call('GET', `/api/v1/password-changes/${res.body.changeId}`, { token: alice.token });
    assert.equal(polled.body.step, 'done');
  });

  it('should never let a late retry of an older change overwrite a newer password', async () => {
    const { alice, person, manual, hosted } = await personWithAccounts();
    await patchPassword(person, 'Older#2026');
    const older = (await whileStoringFails(server, hosted, () => sync(alice, manual, 'Older#2026'))).body;
    assert.equal(older.items.find((i: { accountId: string }) => i.accountId === hosted).state, 'failed');

    await patchPassword(person, 'Newer#2026');
    const newer = (await sync(alice, hosted, 'Newer#2026')).body;
    assert.ok(newer.items.every((i: { state: string }) => i.state === 'done'));

    const retried = await server.call('POST', `/api/v1/password-changes/${older.changeId}/items/${hosted}/retry`, {
      token: alice.token,
    });
    assert.equal(retried.status, 200);
    assert.equal(retried.body.step, 'done');
    const stored = await storedAccounts(server, [manual, hosted]);
    assert.equal(storedPassword(server, stored[hosted]), 'Newer#2026');
    assert.equal(storedPassword(server, stored[manual]), 'Newer#2026');
  });

  it('should refuse a retry once the password is no longer kept', async () => {
    const { alice, person, manual, hosted } = await personWithAccounts();
    await patchPassword(person, 'Latest#2026');
    const res = (await sync(alice, manual, 'Latest#2026')).body;
    await server.ctx.db.execute(
      sql`update password_change_items set state = 'failed', error = 'x' where change_id = ${res.changeId} and account_id = ${hosted}`,
    );
    await server.ctx.db.execute(
      sql`update password_changes set expires_at = now() - interval '1 second' where id = ${res.changeId}`,
    );
    const late = await server.call('POST', `/api/v1/password-changes/${res.changeId}/items/${hosted}/retry`, {
      token: alice.token,
    });
    assert.equal(late.status, 410);
    assert.equal(late.body.error.message, '已超过可重试的时间，请使用“已在税局修改，仅更新发票云”重新保存密码');
  });

  it('should let only the bound user update a bound account, and validate the form', async () => {
    const { world, alice, person, manual } = await personWithAccounts();
    await bindTo(server, alice, manual);
    const bob = await member(server, world);
    const refused = await sync(bob, manual, person.password);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.message, '该账号已绑定其他微信，仅绑定的微信用户可以修改密码');
    const outsider = await member(server, await tenantWithEnterprise(server));
    assert.equal((await sync(outsider, manual, person.password)).status, 404);
    const empty = await sync(alice, manual, '');
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.message, '请输入税局最新密码');
    assert.equal(await changeCount(manual), 0);
  });

  const patchPassword = async (person: BureauPerson, password: string) => {
    const res = await server.call('PATCH', `/sandbox/etax/control/persons/${person.idNumber}`, { body: { password } });
    assert.equal(res.status, 200);
    person.password = password;
  };
});
