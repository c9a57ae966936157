/**
 * 主动登录和认证 (F16), 扫码登录 (F17) of existing accounts, locks of hosted accounts and 解锁 (F14),
 * and the recent logins offered on login pages (F19), through the app API with the real e-tax sandbox.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
  anotherEnterprise,
  bureauPerson,
  confirmTicket,
  latestSmsCode,
  member,
  relate,
  rows,
  tenantWithEnterprise,
  type Member,
  type World,
} from '../support/etax';

describe('#accounts.login', () => {
  const server = suiteServer();
  let world: World;
  let alice: Member;

  before(async () => {
    world = await tenantWithEnterprise(server);
    alice = await member(server, world);
  });

  const startFlow = (accountId: string, body: Record<string, unknown>, who = alice) =>
    server.call('POST', `/api/v1/accounts/${accountId}/flows`, { token: who.token, body });
  const poll = (flowId: string, who = alice) => server.call('GET', `/api/v1/flows/${flowId}`, { token: who.token });
  const detail = async (accountId: string, who = alice) =>
    (await server.call('GET', `/api/v1/accounts/${accountId}`, { token: who.token })).body;

  describe('#登录 (F16)', () => {
    it('should ask 开票业务 or 收票业务 when the account has both, then log in with the stored password', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person, { business: 'issue' });
      assert.equal((await detail(accountId)).sessions.receive, undefined);
      const unchosen = await startFlow(accountId, { purpose: 'login' });
      assert.equal(unchosen.status, 400);
      assert.deepEqual(unchosen.body.error, { code: 'channel_required', message: '请选择开票业务或收票业务' });
      const started = await startFlow(accountId, { purpose: 'login', channel: 'receive' });
      assert.equal(started.status, 201);
      assert.equal(started.body.step, 'sms');
      const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: alice.token,
        body: { code: await latestSmsCode(server, person.phone) },
      });
      assert.equal(done.body.step, 'done');
      assert.equal(done.body.accountId, accountId);
      const after = await detail(accountId);
      assert.ok(Date.parse(after.sessions.issue) > Date.now(), '开票 stays logged in');
      assert.ok(Date.parse(after.sessions.receive) > Date.now(), '收票 now 已登录');
    });

    it('should log in to the only business of an account without asking, and refuse one it lacks', async () => {
      const person = await bureauPerson(server, world.taxId, { role: '开票员', permissions: ['issue'] });
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person, { role: '开票员' });
      const lacking = await startFlow(accountId, { purpose: 'login', channel: 'receive' });
      assert.equal(lacking.status, 400);
      assert.equal(lacking.body.error.message, '该账号没有收票业务权限');
      await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });
      const started = await startFlow(accountId, { purpose: 'login' });
      assert.equal(started.body.step, 'sms');
    });

    it('should show no 已登录 once the session’s time is over', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
      await server.ctx.db.execute(
        sql`update etax_sessions set expires_at = now() - interval '1 second' where account_id = ${accountId}`,
      );
      assert.deepEqual((await detail(accountId)).sessions, {});
    });

    it('should fail the login when the account was deleted meanwhile', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
      await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });
      const started = await startFlow(accountId, { purpose: 'login', channel: 'issue' });
      await server.call('DELETE', `/api/v1/accounts/${accountId}`, { token: alice.token });
      const code = await latestSmsCode(server, person.phone);
      const res = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: alice.token,
        body: { code },
      });
      // The flow went with the account.
      assert.equal(res.status, 404);
    });
  });

  describe('#认证 (F16)', () => {
    it('should show the face-check QR, notice the confirmation, and show 已认证 until the bureau’s time', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
      assert.equal((await detail(accountId)).authValidUntil, undefined);
      const started = await startFlow(accountId, { purpose: 'auth' });
      assert.equal(started.status, 201);
      assert.equal(started.body.step, 'face');
      assert.equal(started.body.qr.app, 'tax');
      assert.match(started.body.qr.image, /^data:image\/png;base64,/);
      assert.equal((await poll(started.body.flowId)).body.qr.state, 'pending');
      await confirmTicket(server, person.idNumber, 'auth');
      const done = await poll(started.body.flowId);
      assert.equal(done.body.step, 'done');
      const until = Date.parse((await detail(accountId)).authValidUntil);
      assert.ok(until > Date.now() + 23 * 3600_000, '已认证 for about 24 h');
    });

    it('should mark an expired face QR and give a fresh one on 刷新二维码', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
      const started = await startFlow(accountId, { purpose: 'auth' });
      await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 3 * 60_000 } });
      const stale = await poll(started.body.flowId);
      assert.equal(stale.body.step, 'face');
      assert.equal(stale.body.qr.state, 'expired');
      // wx.request sends no body at all when there is nothing to send.
      const fresh = await server.call('POST', `/api/v1/flows/${started.body.flowId}/qr`, { token: alice.token });
      assert.equal(fresh.body.qr.state, 'pending');
      await confirmTicket(server, person.idNumber, 'auth');
      assert.equal((await poll(started.body.flowId)).body.step, 'done');
    });
  });

  describe('#扫码登录 (F17)', () => {
    it('should log in by the 个人所得税APP QR when chosen', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
      const started = await startFlow(accountId, { purpose: 'login', channel: 'receive', method: 'qr', qrApp: 'iit' });
      assert.equal(started.body.step, 'qr');
      assert.equal(started.body.qr.app, 'iit');
      await confirmTicket(server, person.idNumber);
      assert.equal((await poll(started.body.flowId)).body.step, 'done');
      assert.ok((await detail(accountId)).sessions.receive);
    });
  });

  describe('#hosted accounts and 解锁 (F14)', () => {
    it('should log a hosted account in by itself', async () => {
      const person = await bureauPerson(server, world.taxId, { hostedBy: 'huameng' });
      const started = await server.call('POST', `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`, {
        token: alice.token,
        body: {
          business: 'issue',
          account: person.phone,
          password: person.password,
          role: '办税员',
          loginType: 'huameng',
        },
      });
      const accountId = (await poll(started.body.flowId)).body.accountId as string;
      const login = await startFlow(accountId, { purpose: 'login', channel: 'receive' });
      assert.equal(login.body.step, 'hosted_wait');
      assert.equal((await poll(login.body.flowId)).body.step, 'done');
      assert.ok((await detail(accountId)).sessions.receive);
    });

    it('should lock a hosted account whose password the bureau refuses, refuse to log it in, and unlock it', async () => {
      const person = await bureauPerson(server, world.taxId, { hostedBy: 'qixiangyun' });
      const started = await server.call('POST', `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`, {
        token: alice.token,
        body: {
          business: 'issue',
          account: person.phone,
          password: person.password,
          role: '办税员',
          loginType: 'qixiangyun',
        },
      });
      const accountId = (await poll(started.body.flowId)).body.accountId as string;
      // The holder changed the password at the bureau.
      await server.call('PATCH', `/sandbox/etax/control/persons/${person.idNumber}`, {
        body: { password: 'Changed#2026' },
      });
      const refused = await startFlow(accountId, { purpose: 'login', channel: 'issue' });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'etax_wrong_password');
      const locked = await detail(accountId);
      assert.equal(locked.locked.reason, '密码错误');
      assert.equal(locked.locked.byPassword, true);
      assert.ok(Date.parse(locked.locked.at) <= Date.now());
      assert.equal(locked.can.unlock, true);

      const blocked = await startFlow(accountId, { purpose: 'login', channel: 'issue' });
      assert.equal(blocked.status, 423);
      assert.equal(blocked.body.error.code, 'account_locked');
      assert.match(blocked.body.error.message, /请先解锁/);

      const unlocked = await server.call('POST', `/api/v1/accounts/${accountId}/unlock`, { token: alice.token });
      assert.equal(unlocked.status, 200);
      assert.equal(unlocked.body.locked, undefined);
      assert.equal(unlocked.body.can.unlock, false);
      const again = await server.call('POST', `/api/v1/accounts/${accountId}/unlock`, { token: alice.token });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'not_locked');
    });

    it('should not lock a manual account on a wrong stored password: a person sees the error', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
      await server.call('PATCH', `/sandbox/etax/control/persons/${person.idNumber}`, {
        body: { password: 'Changed#2026' },
      });
      const refused = await startFlow(accountId, { purpose: 'login', channel: 'issue' });
      assert.equal(refused.status, 400);
      assert.match(refused.body.error.message, /用户名或密码错误/);
      assert.equal((await detail(accountId)).locked, undefined);
    });
  });

  describe('#recent logins (F19)', () => {
    it("should agree with the bureau's recent logins of the person (seed §3.5 / §4.4): newest first, one per 税号, at most 10", async () => {
      const w = await tenantWithEnterprise(server);
      const dan = await member(server, w);
      const person = await bureauPerson(server, w.taxId);
      const enterprises = [w];
      for (let i = 0; i < 10; i++) {
        const e = await anotherEnterprise(server, w);
        await relate(server, e.taxId, person.idNumber, '办税员', ['issue', 'receive']);
        enterprises.push(e);
      }
      const accounts: string[] = [];
      // Each 新增 is a successful bureau login of the person; named by phone, then by 证件号码 (each
      // name has its own SMS budget in our rate limit).
      for (const [i, e] of enterprises.entries()) {
        const account = i < 6 ? person.phone : person.idNumber;
        accounts.push(await addAccount(server, dan.token, e.enterpriseId, person, { account }));
      }
      // Logging in again to the second moves it to the top, at the bureau and here.
      const started = await startFlow(accounts[1], { purpose: 'login', channel: 'issue' }, dan);
      const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: dan.token,
        body: { code: await latestSmsCode(server, person.phone) },
      });
      assert.equal(done.body.step, 'done', JSON.stringify(done.body));

      const bureau = await server.call('GET', `/sandbox/etax/control/persons/${person.idNumber}/recent-logins`);
      assert.equal(bureau.status, 200);
      const ours = (await server.call('GET', '/api/v1/me/recent-logins', { token: dan.token })).body;
      const taxIds = (list: Array<{ taxId: string }>) => list.map((r) => r.taxId);
      assert.equal(ours.length, 10);
      assert.deepEqual(taxIds(ours), taxIds(bureau.body));
      assert.deepEqual(
        taxIds(ours),
        [enterprises[1], ...enterprises.slice(2).reverse()].slice(0, 10).map((e) => e.taxId),
      );
    });

    it('should offer my last 10 successful logins, newest first, one per account', async () => {
      const w = await tenantWithEnterprise(server);
      const bob = await member(server, w);
      const accounts: { id: string; phone: string }[] = [];
      for (let i = 0; i < 11; i++) {
        const person = await bureauPerson(server, w.taxId);
        accounts.push({ id: await addAccount(server, bob.token, w.enterpriseId, person), phone: person.phone });
      }
      const recent = await server.call('GET', '/api/v1/me/recent-logins', { token: bob.token });
      assert.equal(recent.status, 200);
      assert.equal(recent.body.length, 10);
      const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
      assert.deepEqual(
        recent.body.map((r: { maskedAccount: string }) => r.maskedAccount),
        accounts
          .slice(1)
          .reverse()
          .map((a) => masked(a.phone)),
      );
      assert.deepEqual(Object.keys(recent.body[0]).sort(), [
        'accountId',
        'enterpriseId',
        'enterpriseName',
        'loggedInAt',
        'maskedAccount',
        'region',
        'taxId',
      ]);
      assert.equal(recent.body[0].taxId, w.taxId);
      assert.equal(recent.body[0].enterpriseId, w.enterpriseId);
      assert.equal(recent.body[0].accountId, accounts[10].id);
      assert.equal(recent.body[0].enterpriseName, w.enterpriseName);
      const kept = await rows(server, sql`select 1 from recent_logins where user_id = ${bob.userId}`);
      assert.equal(kept.length, 10, 'no more than 10 kept');

      // Logging in again with a listed account moves it to the top without a duplicate.
      const second = accounts[1];
      const started = await startFlow(second.id, { purpose: 'login', channel: 'receive' }, bob);
      await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: bob.token,
        body: { code: await latestSmsCode(server, second.phone) },
      });
      const after = (await server.call('GET', '/api/v1/me/recent-logins', { token: bob.token })).body;
      assert.equal(after.length, 10);
      assert.equal(after[0].maskedAccount, masked(second.phone));
      assert.equal(after.filter((r: { maskedAccount: string }) => r.maskedAccount === masked(second.phone)).length, 1);

      const carol = await member(server, w);
      assert.deepEqual(
        (await server.call('GET', '/api/v1/me/recent-logins', { token: carol.token })).body,
        [],
        'mine only',
      );
      await server.call('DELETE', `/api/v1/me/tenants/${w.tenantId}`, { token: bob.token });
      assert.deepEqual(
        (await server.call('GET', '/api/v1/me/recent-logins', { token: bob.token })).body,
        [],
        'not of a tenant I left',
      );
    });
  });
});
