/**
 * The biometric guard in the app (issue 14 part 5): before a guarded act the store takes a challenge
 * from the server and has the platform prove 指纹 / 面容 over it; the proof goes with the act. A
 * device without biometrics says so and the act goes on; a person who cancels stops it, and nothing
 * is sent.
 */
import { passwordsOf } from '../../../src/packages/password/stores/PasswordChangeStore';
import { createTestApp } from '../support/app';
import { installFakeAccounts } from '../support/fakeAccounts';

function setup() {
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1', name: '福建示例科技有限公司' });
  fake.addAccount('ent-1', { id: 'acc-other', maskedAccount: '151****1832', bound: 'other' });
  fake.addAccount('ent-1', { id: 'acc-mine', maskedAccount: '139****0001', bound: 'me' });
  return { ...app, fake, accounts: app.store.accounts };
}

const deletions = (requests: { method?: string; url: string; data?: unknown }[]) =>
  requests.filter((r) => r.method === 'DELETE' && /\/api\/v1\/accounts\/[^/]+$/.test(new URL(r.url).pathname));

describe('#soter.guard in the app', () => {
  it('should send the signed result with the deletion of an account bound to someone else', async () => {
    const { accounts, platform, server } = setup();
    const proof = { resultJSON: '{"raw":"x"}', resultJSONSignature: 'sig', authMode: 'fingerPrint' as const };
    platform.answerBiometric(() => proof);
    await accounts.load('ent-1');

    await expect(accounts.remove('acc-other')).resolves.toBe(true);

    expect(platform.soterCalls).toEqual(['challenge-1']);
    expect(deletions(server.requests).at(-1)?.data).toEqual({ soter: proof });
  });

  it('should tell the server when the device has no biometrics, and not ask for my own account', async () => {
    const { accounts, platform, server } = setup();
    await accounts.load('ent-1');

    await accounts.remove('acc-other');
    expect(deletions(server.requests).at(-1)?.data).toEqual({ soter: { unavailable: true } });

    await accounts.remove('acc-mine');
    expect(platform.soterCalls).toHaveLength(1);
    expect(deletions(server.requests).at(-1)?.data ?? {}).not.toHaveProperty('soter');
  });

  it('should stop the act when the person cancels, and say so', async () => {
    const { accounts, platform, server } = setup();
    platform.answerBiometric(() => ({ cancelled: true }));
    await accounts.load('ent-1');

    await expect(accounts.remove('acc-other')).resolves.toBe(false);

    expect(deletions(server.requests)).toHaveLength(0);
    expect(accounts.actionError).toBe('未完成指纹或面容验证，操作未执行');
    expect(accounts.list('ent-1')?.accounts.map((a) => a.id)).toContain('acc-other');
  });

  it('should prove before 重置税局密码 and send the proof with the 证件', async () => {
    const { store, platform, server } = setup();
    platform.answerBiometric(() => ({ cancelled: true }));
    await expect(
      passwordsOf(store).startReset('acc-mine', { idType: '居民身份证', idNumber: '110101199003070011' }),
    ).resolves.toBe(false);
    expect(passwordsOf(store).error?.code).toBe('soter_cancelled');
    expect(server.requests.filter((r) => r.url.includes('password-resets'))).toHaveLength(0);
  });
});
