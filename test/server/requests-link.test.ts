/**
 * The browser link (F18): when no WeChat user can be told — the account is unbound, its user has no
 * subscribe credit, or WeChat refuses the send (43101, which also zeroes the credit, F20) — the
 * caller gets a loginUrl that logs in with no WeChat sign-in, once, until the request expires.
 */
import crypto from 'node:crypto';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/server';
import { confirmTicket, latestSmsCode, rows } from '../support/etax';
import { ask, boundAccount, messagesOf, statusOf, tokenOf, webhookReceiver } from '../support/requests';
import { LOGIN_LINK_PAGE } from '../../types/requests';
import { sha256 } from '../../server/crypto/secrets';

const FAQ = /^电子税局登录失败，请用浏览器打开该链接：(.+)，完成登录后再操作！$/;

describe('#tax-sessions.link', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  const link = (token: string, path = '', method = 'GET', body?: unknown) =>
    server.call(method, `/api/v1/link/${token}${path}`, body === undefined ? {} : { body });

  it('should give an unbound account a single-use link that logs in with no sign-in', async () => {
    const a = await boundAccount(server, { bound: false });
    const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
    assert.equal(asked.status, 202);
    const { loginUrl, requestId } = asked.body;
    assert.ok(loginUrl.startsWith(`${server.config.publicUrl}/#/${LOGIN_LINK_PAGE}?t=`), loginUrl);
    assert.equal(FAQ.exec(asked.body.message)?.[1], loginUrl);
    const token = tokenOf(loginUrl);
    const stored = await rows<{ link_token_hash: string }>(
      server,
      sql`select link_token_hash from login_requests where id = ${requestId}`,
    );
    assert.equal(stored[0].link_token_hash, sha256(token), 'only the hash finds it');

    // A second ask joins the request and repeats the same link.
    const joined = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
    assert.equal(joined.body.requestId, requestId);
    assert.equal(joined.body.loginUrl, loginUrl);

    const view = await link(token);
    assert.equal(view.status, 200);
    assert.equal(view.body.id, requestId);
    assert.equal(view.body.enterprise.taxId, a.world.taxId);
    assert.equal(view.body.title, '收票登录');
    assert.equal(view.body.next, 'login');

    const started = await link(token, '/flows', 'POST', { method: 'password' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.step, 'sms');
    // Used: nobody else can open it or start another flow with it …
    assert.equal((await link(token)).body.error.code, 'link_used');
    // … but the browser that used it, naming its flow, still reads the request.
    const mine = await link(token, `?flow=${started.body.flowId}`);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(mine.body.status, 'pending');
    const guessed = await link(token, `?flow=${crypto.randomUUID()}`);
    assert.equal(guessed.body.error.code, 'link_used', 'an unknown flow id proves nothing');
    const second = await link(token, '/flows', 'POST', {});
    assert.equal(second.status, 410);
    assert.equal(second.body.error.code, 'link_used');
    // A caller asking again now joins the request without a used-up link.
    const joinedAfterUse = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
    assert.equal(joinedAfterUse.body.requestId, requestId);
    assert.equal(joinedAfterUse.body.loginUrl, undefined);
    assert.equal(
      joinedAfterUse.body.message,
      `电子税局账号${a.person.phone.slice(0, 3)}****${a.person.phone.slice(-4)}正在通过登录链接登录，请稍后查询结果`,
    );
    // The flow answers to this link only, not to a signed-in user's flow routes.
    assert.equal(
      (await server.call('GET', `/api/v1/flows/${started.body.flowId}`, { token: a.alice.token })).status,
      404,
    );

    const code = await latestSmsCode(server, a.person.phone);
    const done = await link(token, `/flows/${started.body.flowId}/sms`, 'POST', { code });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.step, 'done');
    assert.equal((await statusOf(server, requestId)).status, 'done');
    assert.equal((await link(token, `/flows/${started.body.flowId}`)).body.step, 'done', 'the flow can still be read');
    const closed = await link(token);
    assert.equal(closed.status, 410);
    assert.equal(closed.body.error.code, 'request_closed');
    const ended = await link(token, `?flow=${started.body.flowId}`);
    assert.equal(ended.body.status, 'done', 'the browser that used the link sees how it ended');

    const ready = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
    assert.equal(ready.status, 200);
    assert.deepEqual(await messagesOf(server, a.alice.user), [], 'no WeChat message for an unbound account');
  });

  it('should answer 404 for an unknown link and a flow of another link', async () => {
    const a = await boundAccount(server, { bound: false });
    const one = tokenOf(
      (await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone })).body.loginUrl,
    );
    const b = await boundAccount(server, { bound: false });
    const two = tokenOf(
      (await ask(server, { taxId: b.world.taxId, channel: 'receive', account: b.person.phone })).body.loginUrl,
    );
    assert.equal((await link('x'.repeat(43))).status, 404);
    const started = await link(one, '/flows', 'POST', {});
    const foreign = await link(two, `/flows/${started.body.flowId}`);
    assert.equal(foreign.status, 404);
  });

  it('should let the browser that used the link go on: QR instead of the SMS, then 认证', async () => {
    const a = await boundAccount(server, { bound: false });
    const asked = await ask(server, {
      taxId: a.world.taxId,
      channel: 'receive',
      purpose: 'auth',
      account: a.person.phone,
    });
    const token = tokenOf(asked.body.loginUrl);
    const sms = await link(token, '/flows', 'POST', { method: 'password' });
    assert.equal(sms.body.step, 'sms');
    await link(token, `/flows/${sms.body.flowId}`, 'DELETE');
    const qr = await link(token, '/flows', 'POST', { method: 'qr', afterFlowId: sms.body.flowId });
    assert.equal(qr.status, 201, JSON.stringify(qr.body));
    assert.equal(qr.body.step, 'qr');
    await confirmTicket(server, a.person.idNumber, 'login');
    assert.equal((await link(token, `/flows/${qr.body.flowId}`)).body.step, 'done');
    assert.equal((await statusOf(server, asked.body.requestId)).status, 'pending', '认证 is still to do');
    const face = await link(token, '/flows', 'POST', { afterFlowId: qr.body.flowId });
    assert.equal(face.body.step, 'face');
    await confirmTicket(server, a.person.idNumber, 'auth');
    assert.equal((await link(token, `/flows/${face.body.flowId}`)).body.step, 'done');
    assert.equal((await statusOf(server, asked.body.requestId)).status, 'done');
  });

  it('should give the link to a bound user without a credit, and keep the credit at 0', async () => {
    const a = await boundAccount(server, { credits: 0 });
    const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
    assert.equal(asked.status, 202);
    assert.match(asked.body.message, FAQ);
    assert.ok(asked.body.loginUrl);
    assert.deepEqual(await messagesOf(server, a.alice.user), []);
    const detail = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
    assert.equal(detail.notificationsLeft, 0);
  });

  it('should fall back to the link when WeChat refuses the send (43101), and set the credit to 0', async () => {
    const a = await boundAccount(server);
    // Our server counts an acceptance WeChat does not know (e.g. the user switched it off since).
    const { accept } = await import('../support/requests');
    await accept(server, a.alice, 2, { wechat: false });
    assert.equal(
      (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body.notificationsLeft,
      2,
    );
    const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
    assert.equal(asked.status, 202);
    assert.match(asked.body.message, FAQ);
    assert.ok(asked.body.loginUrl);
    const detail = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
    assert.equal(detail.notificationsLeft, 0, 'WeChat said none is left');
    // The bound user still finds the request in the 登录通知 list.
    const list = (await server.call('GET', '/api/v1/login-requests', { token: a.alice.token })).body.requests;
    assert.deepEqual(
      list.map((r: { id: string }) => r.id),
      [asked.body.requestId],
    );
  });

  describe('#expiry', () => {
    let short: TestServer;
    before(async () => {
      short = await startTestServer({ env: { LOGIN_REQUEST_TTL_SECONDS: '2' } });
    });
    after(async () => {
      await short.close();
    });

    it('should refuse the link once the request expired, and open a new request on the next ask', async () => {
      const a = await boundAccount(short, { bound: false });
      const asked = await ask(short, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      const token = tokenOf(asked.body.loginUrl);
      assert.equal((await short.call('GET', `/api/v1/link/${token}`)).status, 200);
      await sleep(2200);
      const view = await short.call('GET', `/api/v1/link/${token}`);
      assert.equal(view.status, 410);
      assert.equal(view.body.error.code, 'request_expired');
      const started = await short.call('POST', `/api/v1/link/${token}/flows`, { body: {} });
      assert.equal(started.status, 410);
      assert.equal((await statusOf(short, asked.body.requestId)).status, 'expired');
      const again = await ask(short, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      assert.equal(again.status, 202);
      assert.notEqual(again.body.requestId, asked.body.requestId);
      assert.notEqual(again.body.loginUrl, asked.body.loginUrl);
    });
  });

  describe('#logs', () => {
    it('should keep the link token, the webhook secret and the codes out of every log line', async () => {
      const lines: string[] = [];
      const stream = new PassThrough();
      stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
      const logged = await startTestServer({
        env: { LOG_LEVEL: 'trace', WEBHOOK_RETRY_DELAY_SECONDS: '1' },
        logStream: stream,
      });
      const receiver = await webhookReceiver();
      try {
        const a = await boundAccount(logged, { bound: false });
        const secret = 'a-webhook-secret-never-logged';
        await logged.ops('PUT', `/ops/v1/tenants/${a.world.tenantId}/webhook`, { url: receiver.url, secret });
        const asked = await ask(logged, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
        const token = tokenOf(asked.body.loginUrl);
        await logged.call('GET', `/api/v1/link/${token}`);
        const started = await logged.call('POST', `/api/v1/link/${token}/flows`, { body: {} });
        const code = await latestSmsCode(logged, a.person.phone);
        await logged.call('POST', `/api/v1/link/${token}/flows/${started.body.flowId}/sms`, { body: { code } });
        await receiver.waitFor(1);
        const log = lines.join('\n');
        assert.ok(log.includes('/api/v1/link/***/flows'), 'the link requests are logged, masked');
        for (const [what, value] of [
          ['link token', token],
          ['webhook secret', secret],
          ['SMS code', code],
          ['webhook URL query', 'key=abc'],
        ] as const) {
          assert.ok(!log.includes(value), `${what} found in the log`);
        }
      } finally {
        await receiver.close();
        await logged.close();
      }
    });
  });
});
