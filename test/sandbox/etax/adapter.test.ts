/** The adapter's own rules: per-account rate limits on SMS and QR requests, timeouts, opaque flow ids, clean logs. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEtaxHttpGateway } from '../../../server/adapters/etax/http';
import { createMemoryRateLimiter, type RateLimiter } from '../../../server/adapters/etax/rate-limit';
import {
  smsStep,
  MIN,
  expectEtaxError,
  expectStep,
  passwordLogin,
  startBureau,
  withPerson,
  type Bureau,
} from './helpers';

describe('#etax.adapter rate limits', () => {
  let b: Bureau;
  let now: number;
  before(async () => {
    b = await startBureau();
    now = 0;
  });
  after(() => b.close());

  const gatewayWith = (limits: Parameters<typeof createEtaxHttpGateway>[0]['limits'], rateLimiter?: RateLimiter) =>
    createEtaxHttpGateway({
      baseUrl: `${b.origin}/sandbox/etax/api`,
      limits,
      rateLimiter: rateLimiter ?? createMemoryRateLimiter({ now: () => now }),
    });

  it('should stop SMS requests per account before they reach the bureau, and allow them again after the window', async () => {
    const gateway = gatewayWith({ sms: { limit: 2, windowMs: MIN } });
    const { enterprise, person } = await withPerson(b);
    const other = await b.person();
    await b.relate(enterprise.taxId, other.idNumber);
    const start = (p: { phone: string; password: string }) =>
      gateway.startLogin({ account: p.phone, password: p.password, taxId: enterprise.taxId, channel: 'issue' });

    const first = expectStep(await start(person), 'sms_sent');
    b.advance(MIN);
    await gateway.resendSms(first.flowId); // the same account's second SMS request
    const sentBefore = b.requests.length;
    const limited = await expectEtaxError(start(person), 'rate_limited');
    assert.ok((limited.retryAfterMs ?? 0) > 0);
    assert.match(limited.message, /操作过于频繁，请\d+秒后再试/);
    await expectEtaxError(gateway.resendSms(first.flowId), 'rate_limited');
    assert.equal(b.requests.length, sentBefore, 'nothing reached the bureau');

    expectStep(await start(other), 'sms_sent'); // another account has its own budget
    now += MIN;
    expectStep(await start(person), 'sms_sent');
  });

  it('should limit QR logins, refreshes and 认证 per account', async () => {
    const gateway = gatewayWith({ qr: { limit: 2, windowMs: MIN } });
    const { enterprise, person } = await withPerson(b);
    const qr = expectStep(
      await gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue', account: person.phone }),
      'qr_pending',
    );
    await gateway.refreshQr(qr.flowId);
    await expectEtaxError(gateway.refreshQr(qr.flowId), 'rate_limited');
    await expectEtaxError(gateway.startAuth({ account: person.phone, taxId: enterprise.taxId }), 'rate_limited');
  });

  it('should key the limiter by a hash, never by the account itself', async () => {
    const keys: string[] = [];
    const recording: RateLimiter = {
      async hit(key) {
        keys.push(key);
        return { allowed: true, retryAfterMs: 0 };
      },
    };
    const { enterprise, person } = await withPerson(b);
    await gatewayWith(undefined, recording).startLogin({
      account: person.idNumber,
      password: person.password,
      taxId: enterprise.taxId,
      channel: 'issue',
    });
    assert.equal(keys.length, 1);
    assert.match(keys[0], /^etax:sms:/);
    assert.ok(!keys[0].includes(person.idNumber));
  });
});

describe('#etax.adapter calls', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should time out after 10 seconds by default', async () => {
    const seen: number[] = [];
    const original = AbortSignal.timeout;
    AbortSignal.timeout = (ms: number) => {
      seen.push(ms);
      return original.call(AbortSignal, ms);
    };
    try {
      const { enterprise } = await withPerson(b);
      await createEtaxHttpGateway({ baseUrl: `${b.origin}/sandbox/etax/api` }).lookupEnterprise(enterprise.taxId);
    } finally {
      AbortSignal.timeout = original;
    }
    assert.deepEqual(seen, [10_000]);
  });

  it('should log operations without any password, SMS code, account or ID number', async () => {
    const { enterprise, person } = await withPerson(b);
    await b.post('/hosted-numbers', { phone: person.phone, provider: 'huameng' });
    b.logs.length = 0;
    await expectEtaxError(
      b.gateway.startLogin({
        account: person.idNumber,
        password: 'Secret#999',
        taxId: enterprise.taxId,
        channel: 'issue',
      }),
      'wrong_password',
    );
    await passwordLogin(b, person, enterprise.taxId);
    const hosted = await b.gateway.fetchHostedCode({ provider: 'huameng', phone: person.phone });
    const codes = (await b.get(`/sms?phone=${person.phone}`)).body.map((s: { code: string }) => s.code);
    const logged = JSON.stringify(b.logs);
    assert.ok(b.logs.some((l) => (l.obj as { op?: string }).op === 'startLogin'));
    assert.ok(b.logs.some((l) => (l.obj as { op?: string }).op === 'submitSmsCode'));
    for (const secret of ['Secret#999', person.password, person.idNumber, person.phone, hosted?.code, ...codes]) {
      assert.ok(secret && !logged.includes(secret), `a log line holds ${secret}`);
    }
  });

  it('should hand out opaque flow ids and refuse ones it did not make', async () => {
    const { enterprise, person } = await withPerson(b);
    const sms = await smsStep(b, person, enterprise.taxId);
    assert.ok(!sms.flowId.includes(person.phone));
    await expectEtaxError(b.gateway.pollLogin('not-a-flow'), 'flow_closed');
    await expectEtaxError(b.gateway.pollLogin('00000000-0000-0000-0000-000000000000.abc'), 'flow_closed');
  });

  it('should close a flow after its lifetime', async () => {
    const { enterprise, person } = await withPerson(b);
    const sms = await smsStep(b, person, enterprise.taxId);
    b.advance(10 * MIN);
    const err = await expectEtaxError(b.gateway.pollLogin(sms.flowId), 'flow_closed');
    assert.equal(err.message, '登录信息已失效，请重新登录！');
  });

  it("should look up a person's 身份 and permissions in an enterprise", async () => {
    const { enterprise, person } = await withPerson(b, { name: '钱七' }, '法定代表人', ['issue', 'receive']);
    await b.relate(enterprise.taxId, person.idNumber, '开票员', ['issue']);
    const found = await b.gateway.lookupRelations({ account: person.phone, taxId: enterprise.taxId });
    assert.equal(found.person.name, '钱七');
    assert.equal(found.person.maskedPhone, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
    assert.deepEqual(found.enterprise, enterprise);
    assert.deepEqual(found.relations, [
      { role: '法定代表人', permissions: ['issue', 'receive'] },
      { role: '开票员', permissions: ['issue'] },
    ]);
    const stranger = await b.enterprise();
    await expectEtaxError(b.gateway.lookupRelations({ account: person.phone, taxId: stranger.taxId }), 'no_relation');
    await expectEtaxError(b.gateway.lookupEnterprise('91350100M000100Y43'), 'not_found');
  });

  it('should map an unreachable host to unavailable', async () => {
    const gateway = createEtaxHttpGateway({ baseUrl: 'http://127.0.0.1:9/sandbox/etax/api', timeoutMs: 1000 });
    await expectEtaxError(gateway.lookupEnterprise('91350100M000100Y43'), 'unavailable');
  });
});
