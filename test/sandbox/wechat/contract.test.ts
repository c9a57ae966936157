/**
 * A published WeChat server SDK (co-wechat-api, used as is with its prefixes pointed at the
 * sandbox) against the sandbox: code2Session, subscribe send and their error codes come out the
 * way a real client expects them, so the sandbox's shapes are held to WeChat's, not to our adapter's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WechatAPI from 'co-wechat-api';
import { APPID, BIND_TEMPLATE, LOGIN_TEMPLATE, loginData, SECRET, startSandbox, type Sandbox } from './harness';

const wrapped = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }]));

/** The SDK throws WeChatAPIError with WeChat's errcode as `code`. */
async function errcodeOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name?: string; code?: number };
    assert.equal(e.name, 'WeChatAPIError');
    return e.code as number;
  }
  throw new Error('expected the SDK to throw');
}

describe('#wechat.contract (co-wechat-api against the sandbox)', () => {
  let sandbox: Sandbox;
  let api: WechatAPI;
  before(async () => {
    sandbox = await startSandbox();
    api = new WechatAPI(APPID, SECRET);
    api.prefix = `${sandbox.base}/cgi-bin/`;
    api.snsPrefix = `${sandbox.base}/sns/`;
  });
  after(async () => {
    await sandbox.close();
  });

  describe('code2Session', () => {
    it("should give the SDK the user's openid and a session_key", async () => {
      const session = await api.code2Session(await sandbox.code('amy'));
      assert.equal(session.openid, await sandbox.openid('amy'));
      assert.equal(typeof session.session_key, 'string');
      assert.ok(session.session_key.length > 0);
    });

    it('should reach the SDK as errcodes: 40029 bad code, 40163 used code, 40226 blocked, 45011 rate limit', async () => {
      assert.equal(await errcodeOf(api.code2Session('no-such-code')), 40029);
      const code = await sandbox.code('ben');
      await api.code2Session(code);
      assert.equal(await errcodeOf(api.code2Session(code)), 40163);
      await sandbox.control('POST', '/faults', { api: 'jscode2session', errcode: 40226, user: 'cai' });
      assert.equal(await errcodeOf(api.code2Session(await sandbox.code('cai'))), 40226);
      const limited = await startSandbox({ code2SessionPerUserPerMinute: 1 });
      try {
        const other = new WechatAPI(APPID, SECRET);
        other.snsPrefix = `${limited.base}/sns/`;
        await other.code2Session(await limited.code('dan'));
        assert.equal(await errcodeOf(other.code2Session(await limited.code('dan'))), 45011);
      } finally {
        await limited.close();
      }
    });
  });

  describe('subscribe send', () => {
    it('should send with the token the SDK fetched itself, once per acceptance, then 43101', async () => {
      const openid = await sandbox.openid('eve');
      await sandbox.subscribe('eve', { [LOGIN_TEMPLATE]: 'accept' });
      const sent = await api.sendSubscribeMessage(
        openid,
        LOGIN_TEMPLATE,
        'pages/index/index?from=notice',
        wrapped(loginData()),
      );
      assert.equal(sent.errcode, 0);
      assert.equal(sent.errmsg, 'ok');
      // A 64-bit msgid: the SDK reads it with json-bigint, so it is not rounded.
      assert.match(String(sent.msgid), /^\d{19}$/);
      const [message] = (await sandbox.control<Array<{ page: string }>>('GET', '/messages?user=eve')).json;
      assert.equal(message.page, 'pages/index/index?from=notice');
      assert.equal(await errcodeOf(api.sendSubscribeMessage(openid, LOGIN_TEMPLATE, '', wrapped(loginData()))), 43101);
    });

    it('should reach the SDK as errcodes: 40003, 40037, 41030, 47003', async () => {
      const openid = await sandbox.openid('fay');
      await sandbox.subscribe('fay', { [LOGIN_TEMPLATE]: 'accept', [BIND_TEMPLATE]: 'accept' });
      const send = (over: { openid?: string; template?: string; page?: string; data?: Record<string, string> }) =>
        api.sendSubscribeMessage(
          over.openid ?? openid,
          over.template ?? LOGIN_TEMPLATE,
          over.page ?? 'pages/index/index',
          wrapped(over.data ?? loginData()),
        );
      assert.equal(await errcodeOf(send({ openid: 'oNotAUserOfThisApp' })), 40003);
      assert.equal(await errcodeOf(send({ template: 'tpl-unknown' })), 40037);
      assert.equal(await errcodeOf(send({ page: 'pages/nowhere/index' })), 41030);
      assert.equal(await errcodeOf(send({ data: loginData({ thing1: 'x'.repeat(21) }) })), 47003);
      // None of the refusals spent the credit.
      assert.deepEqual(await sandbox.credits('fay'), { [LOGIN_TEMPLATE]: 1, [BIND_TEMPLATE]: 1 });
    });

    it('should let the SDK recover from a token refused with 40001 by fetching a new one', async () => {
      const openid = await sandbox.openid('gus');
      await sandbox.subscribe('gus', { [LOGIN_TEMPLATE]: 'accept' });
      await api.getAccessToken();
      // Another client takes a new /cgi-bin/token and 5 minutes pass: the SDK's token is refused.
      await sandbox.wechat('GET', `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`);
      sandbox.clock.t += 5 * 60_000;
      const before = sandbox.callsTo('/cgi-bin/token');
      const sent = await api.sendSubscribeMessage(openid, LOGIN_TEMPLATE, '', wrapped(loginData()));
      assert.equal(sent.errcode, 0);
      assert.equal(sandbox.callsTo('/cgi-bin/token') - before, 1, 'the SDK fetched one new token');
    });
  });

  it("should answer an API the sandbox does not have in WeChat's shape, which the SDK reports as 40066", async () => {
    assert.equal(await errcodeOf(api.getIndustry()), 40066);
  });
});
