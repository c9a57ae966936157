import { createTestApp } from '../support/app';
import { installFakeAccounts, SMS_CODE, WRONG_SMS_MESSAGE } from '../support/fakeAccounts';

const made: { leave(): void }[] = [];

function setup() {
  const app = createTestApp();
  made.push(app.store.flow);
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1' });
  fake.addAccount('ent-1', { id: 'acc-1', permissions: ['issue'] });
  return { ...app, fake, flow: app.store.flow };
}

const addBody = {
  business: 'issue' as const,
  account: '15112341832',
  password: 'Secret#123',
  role: '办税员' as const,
  loginType: 'manual' as const,
};

afterEach(() => {
  // No countdown or poll outlives its test.
  made.splice(0).forEach((flow) => flow.leave());
  jest.useRealTimers();
});

describe('#flow.start', () => {
  it('should go sms → done: code, then the account is added', async () => {
    const { flow, fake } = setup();

    await expect(flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody })).resolves.toBe(true);
    expect(flow.step).toBe('sms');
    expect(flow.active).toBe(true);
    expect(flow.state?.sms?.maskedPhone).toBe('151****1832');

    await flow.submitSms(SMS_CODE);

    expect(flow.step).toBe('done');
    expect(flow.active).toBe(false);
    expect(flow.state?.accountId).toBe(fake.currentFlow?.accountId);
    expect(fake.account(flow.state!.accountId!)?.maskedAccount).toBe('151****1832');
  });

  it('should keep the bureau’s words when the start is refused, and start nothing', async () => {
    const { flow, fake } = setup();
    fake.refuseNextStart(
      400,
      'etax_wrong_password',
      '用户名或密码错误，您还可以尝试4次，连续错误5次账号将被锁定30分钟！',
    );

    await expect(flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody })).resolves.toBe(false);

    expect(flow.state).toBeNull();
    expect(flow.error).toEqual({
      code: 'etax_wrong_password',
      message: '用户名或密码错误，您还可以尝试4次，连续错误5次账号将被锁定30分钟！',
    });
  });

  it('should never keep the password it started with', async () => {
    const { flow } = setup();

    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody });

    const { deps: _deps, pollTimer: _p, tickTimer: _t, ...own } = flow as unknown as Record<string, unknown>;
    expect(Object.keys(own)).toContain('state');
    expect(JSON.stringify(own)).not.toContain('Secret#123');
    flow.leave();
  });
});

describe('#flow.sms', () => {
  it('should refuse a code that is not 6 digits without calling the server', async () => {
    const { flow, fake } = setup();
    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody });
    const before = fake.calls.length;

    await flow.submitSms('12a');

    expect(flow.error?.message).toBe('请输入6位数字验证码');
    expect(fake.calls).toHaveLength(before);
  });

  it('should stay on the sms step with the bureau’s words after a wrong code', async () => {
    const { flow } = setup();
    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody });

    await flow.submitSms('000000');

    expect(flow.step).toBe('sms');
    expect(flow.error?.message).toBe(WRONG_SMS_MESSAGE);
  });

  it('should count 获取验证码 down from resendAt and allow it again at 0', async () => {
    jest.useFakeTimers({ now: new Date('2025-03-05T10:00:00Z') });
    const { flow, fake } = setup();
    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody });

    expect(flow.resendSeconds).toBe(60);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(flow.resendSeconds).toBe(45);

    const before = fake.calls.length;
    await flow.resendSms();
    expect(fake.calls).toHaveLength(before);

    await jest.advanceTimersByTimeAsync(45_000);
    expect(flow.resendSeconds).toBe(0);
    await flow.resendSms();
    expect(fake.calls.at(-1)?.url).toMatch(/\/sms\/resend$/);
    expect(flow.resendSeconds).toBe(60);
  });
});

describe('#flow.poll', () => {
  it('should poll a hosted number every 1.5 s until it is done', async () => {
    jest.useFakeTimers();
    const { flow, fake } = setup();
    fake.nextFlow(['hosted_wait', 'done']);
    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: { ...addBody, loginType: 'huameng' } });
    expect(flow.step).toBe('hosted_wait');

    await jest.advanceTimersByTimeAsync(1500);
    await jest.advanceTimersByTimeAsync(1500);
    const polls = fake.calls.filter((c) => c.method === 'GET' && c.url.includes('/flows/'));
    expect(polls).toHaveLength(2);
    expect(flow.step).toBe('hosted_wait');

    fake.confirmCurrent();
    await jest.advanceTimersByTimeAsync(1500);
    expect(flow.step).toBe('done');

    await jest.advanceTimersByTimeAsync(10_000);
    expect(fake.calls.filter((c) => c.method === 'GET' && c.url.includes('/flows/'))).toHaveLength(3);
  });

  it('should stop polling and cancel the flow when the page is left', async () => {
    jest.useFakeTimers();
    const { flow, fake } = setup();
    fake.nextFlow(['qr', 'done']);
    await flow.start({ kind: 'account', accountId: 'acc-1', body: { purpose: 'login', method: 'qr' } });
    await jest.advanceTimersByTimeAsync(2000);
    const polled = fake.calls.length;

    flow.leave();
    await jest.advanceTimersByTimeAsync(20_000);

    const after = fake.calls.slice(polled);
    expect(after.map((c) => c.method)).toEqual(['DELETE']);
    expect(fake.currentFlow?.failure?.code).toBe('cancelled');
    expect(flow.state).toBeNull();
  });

  it('should notice a confirmed QR within the next poll, and stop polling an expired one', async () => {
    jest.useFakeTimers();
    const { flow, fake } = setup();
    fake.nextFlow(['qr', 'done']);
    await flow.start({ kind: 'account', accountId: 'acc-1', body: { purpose: 'login', method: 'qr' } });

    fake.expireQr();
    await jest.advanceTimersByTimeAsync(2000);
    expect(flow.qrExpired).toBe(true);
    const polled = fake.calls.length;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fake.calls).toHaveLength(polled);

    await flow.refreshQr();
    expect(flow.qrExpired).toBe(false);
    fake.confirmCurrent();
    await jest.advanceTimersByTimeAsync(2000);
    expect(flow.step).toBe('done');
    expect(fake.account('acc-1')?.sessions.issue).toBeDefined();
  });

  it('should ask for the other app’s QR', async () => {
    const { flow, fake } = setup();
    fake.nextFlow(['qr', 'done']);
    await flow.start({ kind: 'account', accountId: 'acc-1', body: { purpose: 'login', method: 'qr' } });

    await flow.refreshQr('iit');

    expect(flow.state?.qr?.app).toBe('iit');
    expect(fake.calls.at(-1)?.data).toEqual({ app: 'iit' });
    flow.leave();
  });
});

describe('#flow.realName and agreement', () => {
  it('should run the 实名 check on 确认, then sign the agreement', async () => {
    const { flow, fake } = setup();
    fake.nextFlow(['real_name', 'agreement', 'done']);
    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody });
    expect(flow.state?.realName).toEqual({ name: '张三', idType: '居民身份证', maskedIdNumber: '3501**********1234' });

    await flow.answerRealName(true);
    expect(flow.step).toBe('agreement');
    await flow.answerAgreement(true);
    expect(flow.step).toBe('done');
  });

  it('should fail the login on 取消, with the reason', async () => {
    const { flow, fake } = setup();
    fake.nextFlow(['real_name', 'done']);
    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody });

    await flow.answerRealName(false);

    expect(flow.step).toBe('failed');
    expect(flow.error?.message).toBe('您已取消实名核验，本次登录失败');
  });

  it('should show the flow failed when a refusal ended it on the server', async () => {
    const { flow, fake, server } = setup();
    await flow.start({ kind: 'add', enterpriseId: 'ent-1', body: addBody });
    // The bureau refuses and the server marks the flow failed with the same words.
    fake.currentFlow!.failure = { code: 'etax_locked', message: '您的账号因连续输入错误已被锁定' };
    server.failNext(423, { error: { code: 'etax_locked', message: '您的账号因连续输入错误已被锁定' } });

    await flow.submitSms(SMS_CODE);

    expect(flow.step).toBe('failed');
    expect(flow.active).toBe(false);
    expect(flow.error?.message).toBe('您的账号因连续输入错误已被锁定');
  });
});
