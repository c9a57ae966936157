import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  createMemoryTokenBacking,
  createMemoryTokenStore,
  truncateThing,
  WechatError,
} from '../../../server/adapters/wechat';
import {
  APPID,
  BIND_TEMPLATE,
  captureLogger,
  clientFor,
  LOGIN_TEMPLATE,
  loginData,
  rejects,
  SECRET,
  START,
  startSandbox,
  type Sandbox,
} from './harness';

const MINUTE = 60 * 1000;

function assertWechatError(err: unknown, kind: string, errcode: number | null): asserts err is WechatError {
  assert.ok(err instanceof WechatError, `expected a WechatError, got ${String(err)}`);
  assert.equal(err.kind, kind);
  assert.equal(err.errcode, errcode);
}

describe('#wechat.adapter', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(async () => {
    await sandbox.close();
  });
  afterEach(async () => {
    await sandbox.control('DELETE', '/faults');
    sandbox.clock.t = START;
  });

  describe('code2Session', () => {
    it('should turn a simulated wx.login code into openid and session key, once', async () => {
      const client = clientFor(sandbox);
      const code = await sandbox.code('alice');
      const session = await client.code2Session(code);
      assert.equal(session.openid, await sandbox.openid('alice'));
      assert.match(session.sessionKey, /^[A-Za-z0-9+/]{22}==$/);
      assert.equal(session.unionid, undefined);

      const err = await rejects(client.code2Session(code));
      assertWechatError(err, 'invalid_code', 40163);
      assert.match(err.errmsg, /code been used/);
    });

    it('should refuse an unknown code with 40029', async () => {
      const err = await rejects(clientFor(sandbox).code2Session('not-a-code'));
      assertWechatError(err, 'invalid_code', 40029);
    });

    it('should refuse a code older than 5 minutes with 40029', async () => {
      const code = await sandbox.code('alice');
      sandbox.clock.t += 5 * MINUTE + 1000;
      assertWechatError(await rejects(clientFor(sandbox).code2Session(code)), 'invalid_code', 40029);
    });

    it('should give the same openid to a user every time, and another to another user', async () => {
      const client = clientFor(sandbox);
      const first = await client.code2Session(await sandbox.code('carol'));
      const second = await client.code2Session(await sandbox.code('carol'));
      const dave = await client.code2Session(await sandbox.code('dave'));
      assert.equal(first.openid, second.openid);
      assert.notEqual(first.openid, dave.openid);
      assert.match(first.openid, /^o[\w-]{27}$/);
      const users = (await sandbox.control<Array<{ user: string; openid: string }>>('GET', '/users')).json;
      assert.deepEqual(
        users.filter((u) => u.user === 'carol' || u.user === 'dave').map((u) => [u.user, u.openid]),
        [
          ['carol', first.openid],
          ['dave', dave.openid],
        ],
      );
    });

    it('should answer 40125 for a wrong secret', async () => {
      const client = clientFor(sandbox, { secret: 'wrong' });
      assertWechatError(await rejects(client.code2Session(await sandbox.code('alice'))), 'token', 40125);
    });

    it('should retry once when WeChat is busy (-1), and give up after the second -1', async () => {
      const client = clientFor(sandbox);
      await sandbox.control('POST', '/faults', { api: 'jscode2session', errcode: -1 });
      let before = sandbox.callsTo('/sns/jscode2session');
      const session = await client.code2Session(await sandbox.code('alice'));
      assert.equal(session.openid, await sandbox.openid('alice'));
      assert.equal(sandbox.callsTo('/sns/jscode2session') - before, 2);

      await sandbox.control('POST', '/faults', { api: 'jscode2session', errcode: -1, once: false });
      before = sandbox.callsTo('/sns/jscode2session');
      assertWechatError(await rejects(client.code2Session(await sandbox.code('alice'))), 'busy', -1);
      assert.equal(sandbox.callsTo('/sns/jscode2session') - before, 2);
    });

    it('should report a high-risk user (40226) and rate limits (45011) for that user only', async () => {
      const client = clientFor(sandbox);
      await sandbox.control('POST', '/faults', { api: 'jscode2session', errcode: 40226, user: 'mallory' });
      await sandbox.control('POST', '/faults', { api: 'jscode2session', errcode: 45011, user: 'eve' });
      assert.ok((await client.code2Session(await sandbox.code('alice'))).openid);
      assertWechatError(await rejects(client.code2Session(await sandbox.code('mallory'))), 'risky_user', 40226);
      assertWechatError(await rejects(client.code2Session(await sandbox.code('eve'))), 'rate_limited', 45011);
    });

    it('should turn a slow answer into a network error at the timeout', async () => {
      await sandbox.control('POST', '/faults', { api: 'jscode2session', delayMs: 400 });
      const client = clientFor(sandbox, { timeoutMs: 100 });
      const err = await rejects(client.code2Session(await sandbox.code('alice')));
      assertWechatError(err, 'network', null);
      assert.match(err.errmsg, /no answer within 100 ms/);
    });

    it('should turn a refused connection into a network error', async () => {
      const client = clientFor(sandbox, { apiBase: 'http://127.0.0.1:1/sandbox/wechat' });
      assertWechatError(await rejects(client.code2Session('any')), 'network', null);
    });

    it('should never write session_key to any log line', async () => {
      const logger = captureLogger();
      const client = clientFor(sandbox, { logger });
      const keys: string[] = [];
      for (const user of ['alice', 'bob']) keys.push((await client.code2Session(await sandbox.code(user))).sessionKey);
      await sandbox.control('POST', '/faults', { api: 'jscode2session', errcode: -1 });
      keys.push((await client.code2Session(await sandbox.code('alice'))).sessionKey);
      await rejects(client.code2Session('wrong'));

      assert.ok(logger.lines.length >= 5, 'the client logs its calls');
      for (const line of [...logger.lines, ...sandbox.serverLog]) {
        assert.doesNotMatch(line, /session_?key/i);
        for (const key of keys) assert.ok(!line.includes(key), `session key leaked in: ${line}`);
      }
      // Nor the secret: URLs are never logged by the client.
      for (const line of logger.lines) assert.ok(!line.includes(SECRET));
    });
  });

  describe('access token', () => {
    it('should fetch once and serve every instance sharing the store from it', async () => {
      const backing = createMemoryTokenBacking();
      const a = clientFor(sandbox, { backing });
      const b = clientFor(sandbox, { backing });
      const before = sandbox.callsTo('/cgi-bin/stable_token');
      const token = await a.getAccessToken();
      assert.equal(await a.getAccessToken(), token);
      assert.equal(await b.getAccessToken(), token);
      assert.equal(sandbox.callsTo('/cgi-bin/stable_token') - before, 1);
      assert.equal(backing.token?.token, token);
      assert.equal(backing.token?.expiresAt, START + 7200 * 1000);
    });

    it('should let instances racing for an empty store call WeChat once', async () => {
      const backing = createMemoryTokenBacking();
      const clients = [1, 2, 3, 4].map(() => clientFor(sandbox, { backing }));
      const before = sandbox.callsTo('/cgi-bin/stable_token');
      const tokens = await Promise.all(clients.map((c) => c.getAccessToken()));
      assert.equal(new Set(tokens).size, 1);
      assert.equal(sandbox.callsTo('/cgi-bin/stable_token') - before, 1);
    });

    it('should wait while another instance holds the lock, then use what it stored', async () => {
      const backing = createMemoryTokenBacking();
      const other = createMemoryTokenStore(backing, () => sandbox.clock.t);
      assert.equal(await other.tryLock(10_000), true);
      const before = sandbox.callsTo('/cgi-bin/stable_token');
      const pending = clientFor(sandbox, { backing }).getAccessToken();
      await new Promise((resolve) => setTimeout(resolve, 250));
      await other.write({
        token: 'from-the-other-instance',
        expiresAt: sandbox.clock.t + 7200_000,
        forced: { day: '', count: 0 },
      });
      await other.unlock();
      assert.equal(await pending, 'from-the-other-instance');
      assert.equal(sandbox.callsTo('/cgi-bin/stable_token') - before, 0);
    });

    it('should refresh in the last 5 minutes while the old token keeps working to its end', async () => {
      const backing = createMemoryTokenBacking();
      const client = clientFor(sandbox, { backing });
      const first = await client.getAccessToken();
      sandbox.clock.t += 7200_000 - 4 * MINUTE;
      const second = await client.getAccessToken();
      assert.notEqual(second, first);
      assert.deepEqual(backing.token?.previous, { token: first, validUntil: START + 7200_000 });

      await sandbox.subscribe('alice', { [LOGIN_TEMPLATE]: 'accept' });
      const answer = await sandbox.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${first}`, {
        touser: await sandbox.openid('alice'),
        template_id: LOGIN_TEMPLATE,
        data: Object.fromEntries(Object.entries(loginData()).map(([k, value]) => [k, { value }])),
      });
      assert.equal(answer.errcode, 0);
    });
  });

  describe('sendSubscribeMessage', () => {
    it('should send one message per acceptance, newest first in the inbox, then 43101', async () => {
      const client = clientFor(sandbox);
      const touser = await sandbox.openid('frank');
      assert.deepEqual(await sandbox.subscribe('frank', { [LOGIN_TEMPLATE]: 'accept', [BIND_TEMPLATE]: 'reject' }), {
        errMsg: 'requestSubscribeMessage:ok',
        [LOGIN_TEMPLATE]: 'accept',
        [BIND_TEMPLATE]: 'reject',
      });
      await sandbox.subscribe('frank', { [LOGIN_TEMPLATE]: 'accept' });
      assert.deepEqual(await sandbox.credits('frank'), { [LOGIN_TEMPLATE]: 2, [BIND_TEMPLATE]: 0 });

      const page = 'packages/notify/pages/login/index?id=r1';
      const first = await client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, page, data: loginData() });
      sandbox.clock.t += 1000;
      const second = await client.sendSubscribeMessage({
        touser,
        templateId: LOGIN_TEMPLATE,
        page: 'pages/index/index',
        data: loginData({ phrase4: '已登录' }),
        miniprogramState: 'developer',
      });
      // 64-bit ids arrive intact.
      assert.match(first.msgid, /^\d{19}$/);
      assert.ok(BigInt(second.msgid) > BigInt(first.msgid));
      assert.deepEqual(await sandbox.credits('frank'), { [LOGIN_TEMPLATE]: 0, [BIND_TEMPLATE]: 0 });

      const err = await rejects(
        client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, page, data: loginData() }),
      );
      assertWechatError(err, 'no_subscription', 43101);
      assertWechatError(
        await rejects(
          client.sendSubscribeMessage({
            touser,
            templateId: BIND_TEMPLATE,
            data: { name1: '张三', phone_number2: '151****1832', date3: '2025-03-01' },
          }),
        ),
        'no_subscription',
        43101,
      );

      const inbox = (await sandbox.control<Array<Record<string, unknown>>>('GET', '/messages?user=frank')).json;
      assert.deepEqual(inbox, [
        {
          touser,
          template_id: LOGIN_TEMPLATE,
          page: 'pages/index/index',
          data: Object.fromEntries(
            Object.entries(loginData({ phrase4: '已登录' })).map(([k, value]) => [k, { value }]),
          ),
          sentAt: new Date(START + 1000).toISOString(),
        },
        {
          touser,
          template_id: LOGIN_TEMPLATE,
          page,
          data: Object.fromEntries(Object.entries(loginData()).map(([k, value]) => [k, { value }])),
          sentAt: new Date(START).toISOString(),
        },
      ]);
    });

    it('should refuse a too long thing with 47003 naming the field, and keep the credit', async () => {
      const client = clientFor(sandbox);
      const touser = await sandbox.openid('grace');
      await sandbox.subscribe('grace', { [LOGIN_TEMPLATE]: 'accept' });
      const name = '福建省华盟信息科技股份有限公司开票业务登录提醒';
      const err = await rejects(
        client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data: loginData({ thing1: name }) }),
      );
      assertWechatError(err, 'bad_data', 47003);
      assert.equal(err.field, 'thing1');
      assert.deepEqual(await sandbox.credits('grace'), { [LOGIN_TEMPLATE]: 1, [BIND_TEMPLATE]: 0 });

      await client.sendSubscribeMessage({
        touser,
        templateId: LOGIN_TEMPLATE,
        data: loginData({ thing1: truncateThing(name) }),
      });
      const [message] = (
        await sandbox.control<Array<{ data: Record<string, { value: string }> }>>('GET', '/messages?user=grace')
      ).json;
      assert.equal(message.data.thing1.value, '福建省华盟信息科技股份有限公司开票业务…');
    });

    it('should name each kind of wrong message', async () => {
      const client = clientFor(sandbox);
      const touser = await sandbox.openid('heidi');
      await sandbox.subscribe('heidi', { [LOGIN_TEMPLATE]: 'accept' });
      const base = { touser, templateId: LOGIN_TEMPLATE, data: loginData() };
      assertWechatError(
        await rejects(client.sendSubscribeMessage({ ...base, touser: 'oNotAUserOfThisApp' })),
        'bad_openid',
        40003,
      );
      assertWechatError(
        await rejects(client.sendSubscribeMessage({ ...base, templateId: 'tpl-unknown' })),
        'bad_template',
        40037,
      );
      assertWechatError(
        await rejects(client.sendSubscribeMessage({ ...base, page: '/pages/index/index' })),
        'bad_page',
        41030,
      );
      assertWechatError(
        await rejects(client.sendSubscribeMessage({ ...base, page: 'pages/nowhere/index' })),
        'bad_page',
        41030,
      );
      const time = await rejects(
        client.sendSubscribeMessage({ ...base, data: loginData({ time3: '2025-03-01 25:00' }) }),
      );
      assertWechatError(time, 'bad_data', 47003);
      assert.equal(time.field, 'time3');
      assert.deepEqual(await sandbox.credits('heidi'), { [LOGIN_TEMPLATE]: 1, [BIND_TEMPLATE]: 0 });
    });

    it('should give no credit for reject, ban or filter', async () => {
      const client = clientFor(sandbox);
      const touser = await sandbox.openid('ivan');
      await sandbox.subscribe('ivan', { [LOGIN_TEMPLATE]: 'reject' });
      await sandbox.subscribe('ivan', { [LOGIN_TEMPLATE]: 'ban' });
      await sandbox.subscribe('ivan', { [LOGIN_TEMPLATE]: 'filter' });
      const err = await rejects(client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data: loginData() }));
      assertWechatError(err, 'no_subscription', 43101);
    });

    it('should force a refresh once and retry once after 40001, sharing the new token', async () => {
      const backing = createMemoryTokenBacking();
      const a = clientFor(sandbox, { backing });
      const b = clientFor(sandbox, { backing });
      const touser = await sandbox.openid('judy');
      await sandbox.subscribe('judy', { [LOGIN_TEMPLATE]: 'accept' });
      await sandbox.subscribe('judy', { [LOGIN_TEMPLATE]: 'accept' });
      await sandbox.subscribe('judy', { [LOGIN_TEMPLATE]: 'accept' });
      const stale = await a.getAccessToken();
      assert.equal(await b.getAccessToken(), stale);

      // Someone outside the store forces a refresh (a leaked token, a console click).
      const outside = await sandbox.wechat('POST', '/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: APPID,
        secret: SECRET,
        force_refresh: true,
      });
      assert.notEqual(outside.access_token, stale);
      // The replaced token is refused at once with 40001: A forces a refresh (more than 30 s after
      // the outside one, so WeChat hands out a new token) and retries once.
      sandbox.clock.t += 31_000;
      const sendsBefore = sandbox.callsTo('/cgi-bin/message/subscribe/send');
      const tokenCallsBefore = sandbox.callsTo('/cgi-bin/stable_token');
      await a.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data: loginData() });
      assert.equal(sandbox.callsTo('/cgi-bin/message/subscribe/send') - sendsBefore, 2);
      assert.equal(sandbox.callsTo('/cgi-bin/stable_token') - tokenCallsBefore, 1);
      assert.equal(backing.token?.forced.count, 1);
      assert.deepEqual(backing.token?.previous, { token: stale, validUntil: sandbox.clock.t });
      const fresh = backing.token?.token;
      assert.ok(fresh && fresh !== stale && fresh !== outside.access_token);

      // B still holds the stale token: on 40001 it finds A's newer one, no forced refresh of its own.
      await b.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data: loginData() });
      assert.equal(sandbox.callsTo('/cgi-bin/stable_token') - tokenCallsBefore, 1);
      assert.equal(backing.token?.forced.count, 1);
      assert.equal(await b.getAccessToken(), fresh);
    });

    it('should retry only once when the token is refused again', async () => {
      const client = clientFor(sandbox);
      const touser = await sandbox.openid('ken');
      await sandbox.subscribe('ken', { [LOGIN_TEMPLATE]: 'accept' });
      await client.getAccessToken();
      await sandbox.control('POST', '/faults', { api: 'send', errcode: 40001, once: false });
      const sendsBefore = sandbox.callsTo('/cgi-bin/message/subscribe/send');
      const err = await rejects(client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data: loginData() }));
      assertWechatError(err, 'token', 40001);
      assert.equal(sandbox.callsTo('/cgi-bin/message/subscribe/send') - sendsBefore, 2);
    });

    it('should recover from 42001 the same way', async () => {
      const client = clientFor(sandbox);
      const touser = await sandbox.openid('leo');
      await sandbox.subscribe('leo', { [LOGIN_TEMPLATE]: 'accept' });
      await sandbox.control('POST', '/faults', { api: 'send', errcode: 42001 });
      await client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data: loginData() });
      assert.deepEqual(await sandbox.credits('leo'), { [LOGIN_TEMPLATE]: 0, [BIND_TEMPLATE]: 0 });
    });

    it("should stop at the daily forced-refresh limit: ours, then WeChat's 45009", async () => {
      const touser = await sandbox.openid('mia');
      await sandbox.subscribe('mia', { [LOGIN_TEMPLATE]: 'accept' });
      const data = loginData();

      const ownLimit = clientFor(sandbox, { forcedRefreshPerDay: 0 });
      await ownLimit.getAccessToken();
      await sandbox.control('POST', '/faults', { api: 'send', errcode: 40001 });
      const tokenCallsBefore = sandbox.callsTo('/cgi-bin/stable_token');
      assertWechatError(
        await rejects(ownLimit.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data })),
        'quota',
        null,
      );
      assert.equal(sandbox.callsTo('/cgi-bin/stable_token') - tokenCallsBefore, 0);

      const client = clientFor(sandbox);
      await client.getAccessToken();
      await sandbox.control('POST', '/faults', { api: 'send', errcode: 40001 });
      await sandbox.control('POST', '/faults', { api: 'stable_token', errcode: 45009 });
      assertWechatError(
        await rejects(client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data })),
        'quota',
        45009,
      );
    });

    it('should turn a slow send into a network error without spending the credit', async () => {
      const client = clientFor(sandbox, { timeoutMs: 150 });
      const touser = await sandbox.openid('nina');
      await sandbox.subscribe('nina', { [LOGIN_TEMPLATE]: 'accept' });
      await client.getAccessToken();
      await sandbox.control('POST', '/faults', { api: 'send', delayMs: 500, errcode: -1 });
      const err = await rejects(client.sendSubscribeMessage({ touser, templateId: LOGIN_TEMPLATE, data: loginData() }));
      assertWechatError(err, 'network', null);
      assert.deepEqual(await sandbox.credits('nina'), { [LOGIN_TEMPLATE]: 1, [BIND_TEMPLATE]: 0 });
    });
  });
});
