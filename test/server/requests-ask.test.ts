/**
 * The invoice system asks for a live session (POST /ops/v1/tax-sessions): ready when the bureau
 * confirms it, otherwise a login request whose bound WeChat user gets one 登录通知 (F15, F20);
 * the request page for that user only; finishing the login completes the request.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import { makeTaxId } from '../support/factories';
import { confirmTicket, latestSmsCode, member, rows, tenantWithEnterprise } from '../support/etax';
import {
  accept,
  ask,
  boundAccount,
  dropSessions,
  finishBySms,
  messagesOf,
  statusOf,
  type BoundAccount,
} from '../support/requests';
import { LOGIN_REQUEST_PAGE } from '../../types/requests';

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('#tax-sessions.ask', () => {
  const server = suiteServer();

  describe('#errors', () => {
    it('should refuse a call without the operator token', async () => {
      const res = await server.call('POST', '/ops/v1/tax-sessions', {
        body: { taxId: '91350100M000100Y43', channel: 'issue', purpose: 'login' },
      });
      assert.equal(res.status, 401);
    });

    it('should answer clear 4xx for a bad or unknown 税号, a missing account or default, a lacking permission', async () => {
      const { world, person } = await boundAccount(server);
      const bad = await ask(server, { taxId: '91350100M000100Y44', channel: 'issue' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation_error');
      // A valid 税号 no tenant has (random: suites share one PostgreSQL database).
      const unknown = await ask(server, { taxId: makeTaxId(), channel: 'issue' });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'enterprise_not_found');
      const noDefault = await ask(server, { taxId: world.taxId, channel: 'issue' });
      assert.equal(noDefault.status, 404);
      assert.equal(noDefault.body.error.code, 'no_default_account');
      assert.match(noDefault.body.error.message, /未设置默认开票账号/);
      const noAccount = await ask(server, { taxId: world.taxId, channel: 'issue', account: '13900000000' });
      assert.equal(noAccount.status, 404);
      assert.equal(noAccount.body.error.code, 'account_not_found');
      assert.match(noAccount.body.error.message, /139\*\*\*\*0000/);
      const badPurpose = await server.ops('POST', '/ops/v1/tax-sessions', {
        taxId: world.taxId,
        channel: 'issue',
        purpose: 'sleep',
        account: person.phone,
      });
      assert.equal(badPurpose.status, 400);
    });

    it('should refuse a 税号 under two tenants unless the tenantId says which', async () => {
      const { world, person } = await boundAccount(server);
      const other = await server.ops('POST', '/ops/v1/tenants', { name: '另一租户' });
      const dup = await server.ops('POST', `/ops/v1/tenants/${other.body.id}/enterprises`, {
        name: world.enterpriseName,
        taxId: world.taxId,
        region: world.region,
      });
      assert.equal(dup.status, 201);
      const ambiguous = await ask(server, { taxId: world.taxId, channel: 'issue', account: person.phone });
      assert.equal(ambiguous.status, 409);
      assert.equal(ambiguous.body.error.code, 'ambiguous_tax_id');
      const chosen = await ask(server, {
        taxId: world.taxId,
        channel: 'issue',
        account: person.phone,
        tenantId: world.tenantId,
      });
      assert.equal(chosen.status, 200);
    });

    it('should refuse a channel the account has no permission for', async () => {
      const world = await tenantWithEnterprise(server);
      const alice = await member(server, world);
      const { bureauPerson, addAccount } = await import('../support/etax');
      const person = await bureauPerson(server, world.taxId, { role: '开票员', permissions: ['issue'] });
      await addAccount(server, alice.token, world.enterpriseId, person, { role: '开票员' });
      const res = await ask(server, { taxId: world.taxId, channel: 'receive', account: person.phone });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'no_channel_permission');
      assert.equal(res.body.error.message, `电子税局账号${masked(person.phone)}没有收票权限`);
    });
  });

  describe('#ready or pending', () => {
    let a: BoundAccount;
    before(async () => {
      a = await boundAccount(server, { credits: 3 });
    });

    it('should answer ready for the session the 新增账号 login left, checked with the bureau', async () => {
      const res = await ask(server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'ready');
      assert.equal(res.body.account, masked(a.person.phone));
      assert.ok(Date.parse(res.body.expiresAt) > Date.now());
      assert.deepEqual(await messagesOf(server, a.alice.user), [], 'no notice when ready');
    });

    it('should use the default account for the channel when the caller names none (F8)', async () => {
      const set = await server.call('PUT', `/api/v1/accounts/${a.accountId}/defaults`, {
        token: a.alice.token,
        body: { channels: ['issue', 'receive'] },
      });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const res = await ask(server, { taxId: a.world.taxId, channel: 'issue' });
      assert.equal(res.status, 200);
      assert.equal(res.body.account, masked(a.person.phone));
    });

    it('should open one request for two concurrent asks and send exactly one 登录通知 (F15)', async () => {
      const before = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
      assert.equal(before.notificationsLeft, 3);
      const asks = await Promise.all([0, 1, 2].map(() => ask(server, { taxId: a.world.taxId, channel: 'receive' })));
      for (const res of asks) {
        assert.equal(res.status, 202, JSON.stringify(res.body));
        assert.equal(res.body.status, 'pending');
        assert.equal(res.body.loginUrl, undefined);
        assert.equal(
          res.body.message,
          `请${masked(a.person.phone)}绑定的微信用户，前往发票云小程序点击收到的登录通知进行操作`,
        );
      }
      const ids = new Set(asks.map((r) => r.body.requestId));
      assert.equal(ids.size, 1, 'the asks joined one request');
      const [requestId] = ids;
      const messages = await messagesOf(server, a.alice.user);
      assert.equal(messages.length, 1);
      const [m] = messages;
      assert.equal(m.template_id, server.config.WECHAT_LOGIN_TEMPLATE_ID);
      assert.equal(m.page, `${LOGIN_REQUEST_PAGE}?id=${requestId}`);
      assert.equal(m.data.character_string2.value, a.world.taxId);
      assert.equal(m.data.phrase3.value, '收票登录');
      assert.match(m.data.time4.value, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      assert.equal(m.data.thing5.value, `${masked(a.person.phone)} 请点击完成登录`);
      const after = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
      assert.equal(after.notificationsLeft, 2, 'one credit spent (F20)');
      assert.equal((await statusOf(server, requestId as string)).status, 'pending');
    });

    it('should show the request only to the bound user, and complete it with the SMS login', async () => {
      const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      const { requestId } = asked.body;
      const list = await server.call('GET', '/api/v1/login-requests', { token: a.alice.token });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.requests.map((r: { id: string }) => r.id),
        [requestId],
      );
      const page = await server.call('GET', `/api/v1/login-requests/${requestId}`, { token: a.alice.token });
      assert.equal(page.status, 200);
      assert.deepEqual(
        { ...page.body, createdAt: undefined, expiresAt: undefined },
        {
          id: requestId,
          enterprise: { name: a.world.enterpriseName, taxId: a.world.taxId, region: a.world.region },
          channel: 'receive',
          purpose: 'login',
          title: '收票登录',
          maskedAccount: masked(a.person.phone),
          loginType: 'manual',
          status: 'pending',
          next: 'login',
          createdAt: undefined,
          expiresAt: undefined,
        },
      );
      const ttl = Date.parse(page.body.expiresAt) - Date.parse(page.body.createdAt);
      assert.ok(Math.abs(ttl - 600_000) < 2000, `expires in 10 min, not ${ttl} ms`);

      // Another member of the same tenant, and a stranger, see nothing of it.
      const bob = await member(server, a.world);
      const stranger = await member(server, null);
      for (const who of [bob, stranger]) {
        const seen = await server.call('GET', `/api/v1/login-requests/${requestId}`, { token: who.token });
        assert.equal(seen.status, 404);
        assert.doesNotMatch(JSON.stringify(seen.body), new RegExp(a.world.taxId));
        const started = await server.call('POST', `/api/v1/login-requests/${requestId}/flows`, {
          token: who.token,
          body: {},
        });
        assert.equal(started.status, 404);
        assert.deepEqual((await server.call('GET', '/api/v1/login-requests', { token: who.token })).body.requests, []);
      }

      const done = await finishBySms(server, a.alice, requestId, a.person.phone);
      assert.equal(done.step, 'done');
      assert.equal((await statusOf(server, requestId)).status, 'done');
      const again = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      assert.equal(again.status, 200);
      assert.equal(again.body.status, 'ready');
      assert.deepEqual(
        (await server.call('GET', '/api/v1/login-requests', { token: a.alice.token })).body.requests,
        [],
      );
      const closed = await server.call('POST', `/api/v1/login-requests/${requestId}/flows`, {
        token: a.alice.token,
        body: {},
      });
      assert.equal(closed.status, 410);
      assert.equal(closed.body.error.code, 'request_closed');
    });

    it('should open a request again once the bureau dropped the session (the person logged in elsewhere)', async () => {
      assert.equal((await ask(server, { taxId: a.world.taxId, channel: 'issue' })).status, 200);
      await dropSessions(server, a.person);
      const res = await ask(server, { taxId: a.world.taxId, channel: 'issue' });
      assert.equal(res.status, 202);
      assert.equal(res.body.status, 'pending');
      const view = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
      assert.equal(view.sessions.issue, undefined, 'no more 已登录 for the dropped session');
    });
  });

  describe('#认证', () => {
    it('should ask 认证 when the session is live but 认证 is not, and be ready once the face check is done', async () => {
      const a = await boundAccount(server, { credits: 2 });
      const asked = await ask(server, {
        taxId: a.world.taxId,
        channel: 'issue',
        purpose: 'auth',
        account: a.person.phone,
      });
      assert.equal(asked.status, 202);
      const [m] = await messagesOf(server, a.alice.user);
      assert.equal(m.data.phrase3.value, '开票认证');
      const page = await server.call('GET', `/api/v1/login-requests/${asked.body.requestId}`, { token: a.alice.token });
      assert.equal(page.body.purpose, 'auth');
      assert.equal(page.body.next, 'auth');
      const face = await server.call('POST', `/api/v1/login-requests/${asked.body.requestId}/flows`, {
        token: a.alice.token,
        body: {},
      });
      assert.equal(face.status, 201);
      assert.equal(face.body.step, 'face');
      await confirmTicket(server, a.person.idNumber, 'auth');
      const done = await server.call('GET', `/api/v1/flows/${face.body.flowId}`, { token: a.alice.token });
      assert.equal(done.body.step, 'done');
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'done');
      const ready = await ask(server, {
        taxId: a.world.taxId,
        channel: 'issue',
        purpose: 'auth',
        account: a.person.phone,
      });
      assert.equal(ready.status, 200);
    });

    it('should log in first, by QR, when a 认证 request finds no live session', async () => {
      const a = await boundAccount(server, { credits: 1 });
      const asked = await ask(server, {
        taxId: a.world.taxId,
        channel: 'receive',
        purpose: 'auth',
        account: a.person.phone,
      });
      const url = `/api/v1/login-requests/${asked.body.requestId}`;
      assert.equal((await server.call('GET', url, { token: a.alice.token })).body.next, 'login');
      const qr = await server.call('POST', `${url}/flows`, {
        token: a.alice.token,
        body: { method: 'qr', qrApp: 'iit' },
      });
      assert.equal(qr.body.step, 'qr');
      assert.equal(qr.body.qr.app, 'iit');
      await confirmTicket(server, a.person.idNumber, 'login');
      assert.equal(
        (await server.call('GET', `/api/v1/flows/${qr.body.flowId}`, { token: a.alice.token })).body.step,
        'done',
      );
      const between = await server.call('GET', url, { token: a.alice.token });
      assert.equal(between.body.status, 'pending', 'logged in, 认证 still to do');
      assert.equal(between.body.next, 'auth');
      const face = await server.call('POST', `${url}/flows`, { token: a.alice.token, body: {} });
      assert.equal(face.body.step, 'face');
      await confirmTicket(server, a.person.idNumber, 'auth');
      await server.call('GET', `/api/v1/flows/${face.body.flowId}`, { token: a.alice.token });
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'done');
    });
  });

  describe('#flow troubles', () => {
    it('should keep the request open after a wrong code, and fail it when the bureau refuses for good', async () => {
      const a = await boundAccount(server, { credits: 1 });
      const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      const started = await server.call('POST', `/api/v1/login-requests/${asked.body.requestId}/flows`, {
        token: a.alice.token,
        body: {},
      });
      const code = await latestSmsCode(server, a.person.phone);
      const wrong = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: a.alice.token,
        body: { code: code === '000000' ? '111111' : '000000' },
      });
      assert.equal(wrong.status, 400);
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'pending');
      await server.call('DELETE', `/api/v1/flows/${started.body.flowId}`, { token: a.alice.token });
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'pending', 'a cancel ends nothing');

      // The holder changed the password at the bureau: the stored one is refused, for good.
      await server.call('PATCH', `/sandbox/etax/control/persons/${a.person.idNumber}`, {
        body: { password: 'Changed#2026' },
      });
      await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });
      const refused = await server.call('POST', `/api/v1/login-requests/${asked.body.requestId}/flows`, {
        token: a.alice.token,
        body: {},
      });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'etax_wrong_password');
      const ended = await statusOf(server, asked.body.requestId);
      assert.equal(ended.status, 'failed');
      assert.equal(ended.reason, refused.body.error.message);
    });

    it('should fail a pending request whose account was deleted', async () => {
      const a = await boundAccount(server, { credits: 1 });
      const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      await server.call('DELETE', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token });
      const s = await statusOf(server, asked.body.requestId);
      assert.equal(s.status, 'failed');
      assert.equal(s.reason, '该电子税局账号已被删除');
      const left = await rows(server, sql`select account_id from login_requests where id = ${asked.body.requestId}`);
      assert.deepEqual(left, [{ account_id: null }], 'the request stays for its caller');
    });

    it('should keep a second credit for the next request', async () => {
      const a = await boundAccount(server, { credits: 1 });
      await accept(server, a.alice, 1);
      await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      const detail = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
      assert.equal(detail.notificationsLeft, 1);
    });
  });
});
