import { PASSWORD_POLL_MS, passwordsOf } from '../../../src/packages/password/stores/PasswordChangeStore';
import { createTestApp } from '../support/app';
import {
  BUREAU_PASSWORD,
  HOLDER_ID,
  installFakePasswords,
  ITEM_FAILED_MESSAGE,
  RESET_SMS_CODE,
  WRONG_SYNC_MESSAGE,
} from '../support/fakePasswords';

const made: { leave(): void }[] = [];

function setup() {
  const app = createTestApp();
  made.push(passwordsOf(app.store));
  const fake = installFakePasswords(app.server);
  return { ...app, fake, passwords: passwordsOf(app.store) };
}

afterEach(() => {
  // No countdown or poll outlives its test.
  made.splice(0).forEach((store) => store.leave());
  jest.useRealTimers();
});

const identity = { idType: '居民身份证' as const, idNumber: HOLDER_ID };
const states = (store: ReturnType<typeof setup>['passwords']) => store.items.map((i) => i.state);

/** Polls until the change stops updating. */
async function pollUntilDone(store: ReturnType<typeof setup>['passwords']) {
  for (let i = 0; i < 20 && store.state?.step === 'updating'; i++)
    await jest.advanceTimersByTimeAsync(PASSWORD_POLL_MS);
}

describe('#passwords reset (重置税局密码)', () => {
  it('should go 身份认证 → 验证码 → 重置密码 → 更新关联账号, one account after another', async () => {
    jest.useFakeTimers();
    const { passwords, fake } = setup();
    expect(passwords.screen).toBe('identity');

    await expect(passwords.startReset('acc-1', identity)).resolves.toBe(true);
    expect(passwords.screen).toBe('sms');
    expect(passwords.codeSent).toBe(false);

    await passwords.sendCode();
    expect(passwords.state?.sms?.maskedPhone).toBe('138****5678');
    expect(passwords.resendSeconds).toBe(60);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(passwords.resendSeconds).toBe(45);

    await passwords.submitCode(RESET_SMS_CODE);
    expect(passwords.screen).toBe('password');

    await passwords.setPassword({ newPassword: 'New#2025pass', confirmPassword: 'New#2025pass' });
    expect(passwords.screen).toBe('progress');
    expect(states(passwords)).toEqual(['pending', 'pending', 'pending']);
    expect(passwords.items[0]).toMatchObject({ accountId: 'acc-1', current: true });

    await jest.advanceTimersByTimeAsync(PASSWORD_POLL_MS);
    expect(states(passwords)).toEqual(['updating', 'pending', 'pending']);
    await jest.advanceTimersByTimeAsync(PASSWORD_POLL_MS);
    expect(states(passwords)).toEqual(['done', 'pending', 'pending']);
    expect(passwords.finished).toBe(false);

    await pollUntilDone(passwords);
    expect(states(passwords)).toEqual(['done', 'done', 'done']);
    expect(passwords.finished).toBe(true);
    expect(fake.stored).toEqual({ 'acc-1': 'New#2025pass', 'acc-2': 'New#2025pass', 'acc-3': 'New#2025pass' });

    // Done: nothing is asked any more.
    const calls = fake.calls.length;
    await jest.advanceTimersByTimeAsync(10 * PASSWORD_POLL_MS);
    expect(fake.calls).toHaveLength(calls);
  });

  it('should stay on 身份认证 with the server’s words when the 证件 is not the holder’s', async () => {
    const { passwords } = setup();

    await expect(passwords.startReset('acc-1', { ...identity, idNumber: '110101199003070011' })).resolves.toBe(false);

    expect(passwords.screen).toBe('identity');
    expect(passwords.error).toEqual({
      code: 'id_mismatch',
      message: '证件信息与该账号的实名信息不一致，请核对后重新输入',
    });
  });

  it('should ask for 获取验证码 first and refuse a code that is not 6 digits, without calling the server', async () => {
    const { passwords, fake } = setup();
    await passwords.startReset('acc-1', identity);
    const before = fake.calls.length;

    await passwords.submitCode(RESET_SMS_CODE);
    expect(passwords.error?.message).toBe('请先获取验证码');

    await passwords.sendCode();
    await passwords.submitCode('12');
    expect(passwords.error?.message).toBe('请输入6位数字验证码');
    expect(fake.calls.filter((c) => c.url.endsWith('/sms'))).toHaveLength(0);
    expect(fake.calls.length).toBe(before + 1);
  });

  it('should keep the 验证码 step with the bureau’s words on a wrong code', async () => {
    const { passwords } = setup();
    await passwords.startReset('acc-1', identity);
    await passwords.sendCode();

    await passwords.submitCode('000000');

    expect(passwords.screen).toBe('sms');
    expect(passwords.error).toEqual({ code: 'etax_sms_code_wrong', message: '短信验证码错误，您还可以尝试4次！' });
  });

  it('should not press 获取验证码 again during the countdown', async () => {
    const { passwords, fake } = setup();
    await passwords.startReset('acc-1', identity);
    await passwords.sendCode();

    await passwords.sendCode();

    expect(fake.calls.filter((c) => c.url.endsWith('/sms/send'))).toHaveLength(1);
    expect(passwords.error).toBeNull();
  });

  it('should let a hosted number fill in the code by itself, then wait for 下一步', async () => {
    jest.useFakeTimers();
    const { passwords, fake } = setup();
    fake.loginType = 'huameng';
    await passwords.startReset('acc-1', identity);
    expect(passwords.hosted).toBe(true);

    await passwords.sendCode();
    expect(passwords.fetchingCode).toBe(true);

    await jest.advanceTimersByTimeAsync(PASSWORD_POLL_MS);
    expect(passwords.codeFilled).toBe(true);
    expect(passwords.fetchingCode).toBe(false);
    expect(passwords.screen).toBe('sms');

    const before = fake.calls.length;
    await passwords.submitCode('');
    expect(passwords.screen).toBe('password');
    expect(fake.calls).toHaveLength(before);
  });

  it('should check the new password against the bureau’s policy and the confirmation before asking', async () => {
    const { passwords, fake } = setup();
    await passwords.startReset('acc-1', identity);
    await passwords.sendCode();
    await passwords.submitCode(RESET_SMS_CODE);

    await passwords.setPassword({ newPassword: 'abcdefgh', confirmPassword: 'abcdefgh' });
    expect(passwords.error?.message).toBe('密码须包含数字、字母、特殊字符中的至少两种');
    await passwords.setPassword({ newPassword: 'New#2025pass', confirmPassword: 'New#2025pasS' });
    expect(passwords.error?.message).toBe('两次输入的密码不一致');

    expect(passwords.screen).toBe('password');
    expect(fake.calls.filter((c) => c.url.endsWith('/password'))).toHaveLength(0);
  });

  it('should never keep a password or the 证件号码', async () => {
    const { passwords } = setup();
    await passwords.startReset('acc-1', identity);
    await passwords.sendCode();
    await passwords.submitCode(RESET_SMS_CODE);
    await passwords.setPassword({ newPassword: 'New#2025pass', confirmPassword: 'New#2025pass' });

    const { deps: _deps, pollTimer: _p, tickTimer: _t, ...own } = passwords as unknown as Record<string, unknown>;
    expect(Object.keys(own)).toContain('state');
    const kept = JSON.stringify(own);
    expect(kept).not.toContain('New#2025pass');
    expect(kept).not.toContain(HOLDER_ID);
  });
});

describe('#passwords sync (已在税局修改，仅更新发票云)', () => {
  it('should change nothing and say so in the bureau’s words when the password is wrong', async () => {
    const { passwords, fake } = setup();

    await expect(passwords.sync('acc-1', 'Wrong#2025')).resolves.toBe(false);

    expect(passwords.state).toBeNull();
    expect(passwords.screen).toBe('identity');
    expect(passwords.error).toEqual({ code: 'etax_wrong_password', message: WRONG_SYNC_MESSAGE });
    expect(fake.stored).toEqual({});
  });

  it('should refuse an empty password without calling the server', async () => {
    const { passwords, fake } = setup();

    await expect(passwords.sync('acc-1', '')).resolves.toBe(false);

    expect(passwords.error?.message).toBe('请输入税局最新密码');
    expect(fake.calls).toHaveLength(0);
  });

  it('should update the related accounts once the bureau took the password', async () => {
    jest.useFakeTimers();
    const { passwords, fake } = setup();
    fake.bureauPassword = BUREAU_PASSWORD;

    await expect(passwords.sync('acc-1', BUREAU_PASSWORD)).resolves.toBe(true);
    expect(passwords.screen).toBe('progress');

    await pollUntilDone(passwords);
    expect(states(passwords)).toEqual(['done', 'done', 'done']);
    expect(fake.stored['acc-3']).toBe(BUREAU_PASSWORD);
  });
});

describe('#passwords progress', () => {
  it('should show a failed account with its reason and retry only it, undoing nothing', async () => {
    jest.useFakeTimers();
    const { passwords, fake } = setup();
    fake.bureauPassword = BUREAU_PASSWORD;
    fake.failOnce.add('acc-2');
    await passwords.sync('acc-1', BUREAU_PASSWORD);

    await pollUntilDone(passwords);
    expect(states(passwords)).toEqual(['done', 'failed', 'done']);
    expect(passwords.items[1].error).toBe(ITEM_FAILED_MESSAGE);
    expect(passwords.finished).toBe(true);

    await passwords.retry('acc-2');

    expect(states(passwords)).toEqual(['done', 'done', 'done']);
    expect(passwords.retryingId).toBeNull();
    const retries = fake.calls.filter((c) => c.url.endsWith('/retry'));
    expect(retries.map((c) => c.url)).toEqual(['http://api.test/api/v1/password-changes/change-1/items/acc-2/retry']);
    expect(fake.changes[0].attempts).toEqual({ 'acc-1': 1, 'acc-2': 2, 'acc-3': 1 });
  });

  it('should stop polling when the page is left', async () => {
    jest.useFakeTimers();
    const { passwords, fake } = setup();
    fake.bureauPassword = BUREAU_PASSWORD;
    await passwords.sync('acc-1', BUREAU_PASSWORD);
    const before = fake.calls.length;

    passwords.leave();
    await jest.advanceTimersByTimeAsync(10 * PASSWORD_POLL_MS);

    expect(fake.calls).toHaveLength(before);
    expect(passwords.state).toBeNull();
    expect(passwords.screen).toBe('identity');
  });

  it('should keep polling through a dropped answer and say what went wrong meanwhile', async () => {
    jest.useFakeTimers();
    const { passwords, fake, server } = setup();
    fake.bureauPassword = BUREAU_PASSWORD;
    await passwords.sync('acc-1', BUREAU_PASSWORD);

    server.dropNext();
    await jest.advanceTimersByTimeAsync(PASSWORD_POLL_MS);
    expect(passwords.error?.code).toBe('network_error');
    expect(states(passwords)).toEqual(['pending', 'pending', 'pending']);

    await pollUntilDone(passwords);
    expect(passwords.finished).toBe(true);
    expect(passwords.error).toBeNull();
  });
});
