import { enterprise, tenant } from '../support/fixtures';
import { createTestApp } from '../support/app';
import { WRONG_CODE_LIMIT, WRONG_CODE_MESSAGE } from '../support/fakeServer';

const demo = tenant({
  id: 'tenant-demo',
  name: '演示租户',
  enterprises: [enterprise({ name: '福建示例科技有限公司', accountCount: 3, myBoundCount: 1 })],
});

describe('#tenants.load', () => {
  it('should sign in by itself and list my tenants', async () => {
    const { store, server, platform } = createTestApp();
    server.addMember('alice', demo);

    const loading = store.tenants.load();
    expect(store.tenants.loading).toBe(true);
    await loading;

    expect(platform.loginCalls).toBe(1);
    expect(store.tenants.loading).toBe(false);
    expect(store.tenants.loaded).toBe(true);
    expect(store.tenants.tenants.map((t) => t.name)).toEqual(['演示租户']);
    expect(store.tenants.isEmpty).toBe(false);
  });

  it('should tell an empty list apart from one not loaded yet', async () => {
    const { store } = createTestApp();
    expect(store.tenants.isEmpty).toBe(false);

    await store.tenants.load();

    expect(store.tenants.isEmpty).toBe(true);
  });

  it('should show the error and keep the last list when a refresh fails', async () => {
    const { store, server } = createTestApp();
    server.addMember('alice', demo);
    await store.tenants.load();

    server.failNext(500, { error: { code: 'internal_error', message: '服务器开小差了，请稍后再试' } });
    await store.tenants.load();

    expect(store.tenants.loadError).toBe('服务器开小差了，请稍后再试');
    expect(store.tenants.tenants).toHaveLength(1);
  });

  it('should sign in again when the session expired, then load', async () => {
    const { store, server, platform } = createTestApp();
    server.addMember('alice', demo);
    await store.tenants.load();

    server.expireAllTokens();
    await store.tenants.load();

    expect(platform.loginCalls).toBe(2);
    expect(store.tenants.loadError).toBeNull();
    expect(store.tenants.tenants).toHaveLength(1);
  });
});

describe('#tenants.join', () => {
  it('should add the tenant of a right code to my list', async () => {
    const { store, server } = createTestApp();
    server.addTenant('DEMO-CODE-2024', demo);
    await store.tenants.load();

    await expect(store.tenants.join('  demo-code-2024 ')).resolves.toBe(true);

    expect(store.tenants.joinError).toBeNull();
    expect(store.tenants.joining).toBe(false);
    expect(store.tenants.tenants.map((t) => t.id)).toEqual(['tenant-demo']);
  });

  it('should refuse an empty code without calling the server', async () => {
    const { store, server } = createTestApp();

    await expect(store.tenants.join('   ')).resolves.toBe(false);

    expect(store.tenants.joinError).toBe('请输入激活码');
    expect(server.requests).toHaveLength(0);
  });

  it('should show the server’s message for a wrong code', async () => {
    const { store } = createTestApp();

    await expect(store.tenants.join('WRONG')).resolves.toBe(false);

    expect(store.tenants.joinError).toBe(WRONG_CODE_MESSAGE);
    expect(store.tenants.tenants).toHaveLength(0);
  });

  it('should say how many minutes to wait once wrong codes are rate limited', async () => {
    const { store } = createTestApp();
    for (let i = 0; i < WRONG_CODE_LIMIT; i++) await store.tenants.join('WRONG');

    await store.tenants.join('WRONG');

    expect(store.tenants.joinError).toBe('尝试次数过多，请 9 分钟后再试');
  });

  it('should round the wait up to whole minutes', async () => {
    const { store, server } = createTestApp();
    server.failNext(429, { error: { code: 'too_many_attempts', message: '尝试次数过多', retryAfterSeconds: 61 } });

    await store.tenants.join('ANY');

    expect(store.tenants.joinError).toBe('尝试次数过多，请 2 分钟后再试');
  });

  it('should clear the error when asked', async () => {
    const { store } = createTestApp();
    await store.tenants.join('WRONG');

    store.tenants.clearJoinError();

    expect(store.tenants.joinError).toBeNull();
  });
});

describe('#tenants.leave', () => {
  it('should remove the tenant from my list', async () => {
    const other = tenant({ id: 'tenant-other', name: '另一个租户' });
    const { store, server } = createTestApp();
    server.addMember('alice', demo);
    server.addMember('alice', other);
    await store.tenants.load();

    await expect(store.tenants.leave('tenant-demo')).resolves.toBe(true);

    expect(store.tenants.leavingId).toBeNull();
    expect(store.tenants.tenants.map((t) => t.id)).toEqual(['tenant-other']);
    await store.tenants.load();
    expect(store.tenants.tenants.map((t) => t.id)).toEqual(['tenant-other']);
  });

  it('should keep the tenant and say why when leaving fails', async () => {
    const { store, server } = createTestApp();
    server.addMember('alice', demo);
    await store.tenants.load();
    server.dropNext();

    await expect(store.tenants.leave('tenant-demo')).resolves.toBe(false);

    expect(store.tenants.leaveError).toBe('网络连接失败，请检查网络后重试');
    expect(store.tenants.tenants).toHaveLength(1);
  });
});
