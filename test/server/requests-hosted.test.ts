/**
 * Hosted accounts (华盟托管号码, 企享云办税小号) log in by themselves on the job queue (F14), with the
 * seed's lock rules: a wrong password, two wrong codes or three code timeouts lock the account in
 * our system, and a locked account is not tried until it is unlocked. A bureau that is down fails
 * the request with a clear reason and loses nothing.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import { latestSmsCode, rows, type BureauPerson } from '../support/etax';
import {
  ask,
  boundAccount,
  dropSessions,
  finishBySms,
  messagesOf,
  setDelivery,
  settled,
  statusOf,
  type BoundAccount,
} from '../support/requests';

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('#tax-sessions.hosted', () => {
  const server = suiteServer({ env: { HOSTED_CODE_WAIT_SECONDS: '2', HOSTED_CODE_POLL_MS: '200' } });

  const askIssue = (a: BoundAccount) =>
    ask(server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
  const detail = async (a: BoundAccount) =>
    (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
  const strikes = async (a: BoundAccount) =>
    (
      await rows<{ t: number; w: number }>(
        server,
        sql`select auto_login_timeouts as t, auto_login_wrong_codes as w from etax_accounts where id = ${a.accountId}`,
      )
    )[0];
  const flowsOf = async (a: BoundAccount) =>
    (await rows(server, sql`select 1 from login_flows where account_id = ${a.accountId}`)).length;
  const unlock = (a: BoundAccount) =>
    server.call('POST', `/api/v1/accounts/${a.accountId}/unlock`, { token: a.alice.token });
  const setPassword = (person: BureauPerson, password: string) =>
    server.call('PATCH', `/sandbox/etax/control/persons/${person.idNumber}`, { body: { password } });

  it('should log a hosted account in by itself, with no notice, and then answer ready', async () => {
    const a = await boundAccount(server, { loginType: 'huameng', credits: 1 });
    await dropSessions(server, a.person);
    const asked = await askIssue(a);
    assert.equal(asked.status, 202);
    assert.equal(asked.body.loginUrl, undefined);
    assert.equal(
      asked.body.message,
      `电子税局账号${masked(a.person.phone)}为华盟托管号码，正在自动登录，请稍后查询结果`,
    );
    const end = await settled(server, asked.body.requestId);
    assert.equal(end.status, 'done', JSON.stringify(end));
    assert.equal((await askIssue(a)).status, 200);
    assert.deepEqual(await messagesOf(server, a.alice.user), [], 'nobody had to be told');
    assert.ok((await detail(a)).sessions.issue, '已登录');
  });

  it('should lock on a wrong password at once, never try it again, and work once unlocked', async () => {
    const a = await boundAccount(server, { loginType: 'qixiangyun' });
    await dropSessions(server, a.person);
    await setPassword(a.person, 'Changed#2026');
    const asked = await askIssue(a);
    const end = await settled(server, asked.body.requestId);
    assert.equal(end.status, 'failed');
    assert.match(end.reason ?? '', /密码错误/);
    const locked = (await detail(a)).locked;
    assert.equal(locked.reason, '密码错误');
    assert.equal(locked.byPassword, true);

    const tried = await flowsOf(a);
    for (let i = 0; i < 3; i++) {
      const refused = await askIssue(a);
      assert.equal(refused.status, 423);
      assert.equal(refused.body.error.code, 'account_locked');
      assert.equal(
        refused.body.error.message,
        `电子税局账号${masked(a.person.phone)}已锁定（密码错误），请先在发票云小程序中更新密码再解锁，否则会再次锁定`,
      );
    }
    assert.equal(await flowsOf(a), tried, 'a locked account is not tried');
    const state = (await server.call('GET', '/sandbox/etax/control/state')).body;
    const phone = state.phones.find((p: { phone: string }) => p.phone === a.person.phone);
    assert.equal(phone.lockedUntil, null, 'the bureau saw one wrong password, not a lock’s worth');

    await setPassword(a.person, a.person.password);
    assert.equal((await unlock(a)).status, 200);
    const again = await askIssue(a);
    assert.equal(again.status, 202);
    assert.equal((await settled(server, again.body.requestId)).status, 'done');
    assert.equal((await askIssue(a)).status, 200);
  });

  it('should lock after three code timeouts in a row, then work again once unlocked', async () => {
    const a = await boundAccount(server, { loginType: 'huameng', deliver: false });
    await dropSessions(server, a.person);
    const asked = await askIssue(a);
    // Nobody is asked to act meanwhile, and nobody may start a second login beside it.
    assert.deepEqual((await server.call('GET', '/api/v1/login-requests', { token: a.alice.token })).body.requests, []);
    const meddle = await server.call('POST', `/api/v1/login-requests/${asked.body.requestId}/flows`, {
      token: a.alice.token,
      body: {},
    });
    assert.equal(meddle.status, 409);
    assert.equal(meddle.body.error.code, 'auto_login');
    const end = await settled(server, asked.body.requestId, 30_000);
    assert.equal(end.status, 'failed');
    assert.match(end.reason ?? '', /已锁定（获取三次验证码超时）/);
    const attempts = await rows(
      server,
      sql`select 1 from login_flows where login_request_id = ${asked.body.requestId}`,
    );
    assert.equal(attempts.length, 3, 'three attempts, each with its own code');
    const view = await detail(a);
    assert.deepEqual(
      { reason: view.locked.reason, byPassword: view.locked.byPassword },
      { reason: '获取三次验证码超时', byPassword: false },
    );
    assert.deepEqual(await strikes(a), { t: 0, w: 0 }, 'the lock starts the count afresh');
    assert.equal((await askIssue(a)).status, 423);

    assert.equal((await unlock(a)).status, 200);
    await setDelivery(server, a.person, 'huameng', true);
    const again = await askIssue(a);
    assert.equal((await settled(server, again.body.requestId)).status, 'done');
  });

  it('should count timeouts across requests', async () => {
    const a = await boundAccount(server, { loginType: 'qixiangyun', deliver: false });
    await dropSessions(server, a.person);
    // Two earlier automatic logins timed out.
    await server.ctx.db.execute(sql`update etax_accounts set auto_login_timeouts = 2 where id = ${a.accountId}`);
    const asked = await askIssue(a);
    const end = await settled(server, asked.body.requestId, 15_000);
    assert.equal(end.status, 'failed');
    assert.equal((await detail(a)).locked.reason, '获取三次验证码超时');
  });

  it('should lock after two wrong codes in a row', async () => {
    const a = await boundAccount(server, { loginType: 'huameng', deliver: false });
    await dropSessions(server, a.person);
    // An earlier automatic login got a wrong code.
    await server.ctx.db.execute(sql`update etax_accounts set auto_login_wrong_codes = 1 where id = ${a.accountId}`);
    const sent = async () =>
      (await server.call('GET', `/sandbox/etax/control/sms?phone=${a.person.phone}`)).body.length as number;
    const before = await sent();
    const asked = await askIssue(a);
    for (let i = 0; i < 200 && (await sent()) === before; i++) await sleep(50);
    assert.notEqual(await sent(), before, 'the automatic login had its code sent');
    // Another login of the same person sends a newer code, which the provider hands out instead.
    const other = await server.call('POST', '/sandbox/etax/api/login/password', {
      body: { taxId: a.world.taxId, channel: 'receive', account: a.person.phone, password: a.person.password },
    });
    assert.equal(other.status, 200, JSON.stringify(other.body));
    await setDelivery(server, a.person, 'huameng', true);
    const end = await settled(server, asked.body.requestId);
    assert.equal(end.status, 'failed');
    assert.match(end.reason ?? '', /获取两次验证码错误/);
    assert.equal((await detail(a)).locked.reason, '获取两次验证码错误');
  });

  describe('#the bureau down', () => {
    after(async () => {
      await server.call('DELETE', '/sandbox/etax/control/faults');
    });

    it('should fail the automatic login with a clear reason, lose nothing, and work once the bureau is back', async () => {
      const a = await boundAccount(server, { loginType: 'huameng' });
      await dropSessions(server, a.person);
      await server.call('POST', '/sandbox/etax/control/faults', { body: { mode: 'down' } });
      const asked = await askIssue(a);
      assert.equal(asked.status, 202);
      const end = await settled(server, asked.body.requestId);
      assert.deepEqual(
        { status: end.status, reason: end.reason },
        { status: 'failed', reason: '电子税务局暂时无法访问，请稍后再试' },
      );
      const view = await detail(a);
      assert.equal(view.locked, undefined, 'an outage locks nothing');
      assert.deepEqual(await strikes(a), { t: 0, w: 0 });
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'failed', 'the request is kept');

      await server.call('DELETE', '/sandbox/etax/control/faults');
      const again = await askIssue(a);
      assert.equal(again.status, 202);
      assert.notEqual(again.body.requestId, asked.body.requestId);
      assert.equal((await settled(server, again.body.requestId)).status, 'done');
      assert.equal((await askIssue(a)).status, 200);
    });

    it('should keep a person’s request open while the bureau is down, and let them finish once it is back', async () => {
      const a = await boundAccount(server, { credits: 1 });
      const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      await server.call('POST', '/sandbox/etax/control/faults', { body: { mode: 'down' } });
      const refused = await server.call('POST', `/api/v1/login-requests/${asked.body.requestId}/flows`, {
        token: a.alice.token,
        body: {},
      });
      assert.equal(refused.status, 503);
      assert.equal(refused.body.error.code, 'etax_unavailable');
      assert.equal(refused.body.error.message, '电子税务局暂时无法访问，请稍后再试');
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'pending');
      await server.call('DELETE', '/sandbox/etax/control/faults');
      const done = await finishBySms(server, a.alice, asked.body.requestId, a.person.phone);
      assert.equal(done.step, 'done');
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'done');
      assert.ok(await latestSmsCode(server, a.person.phone));
    });
  });
});
