import { StorageKeys, createMemoryStorage } from '../../../src/services/storage';
import { createFakePlatform, createTestApp } from '../support/app';

describe('#session.signIn', () => {
  it('should sign in with the platform’s code and keep the token in storage', async () => {
    const { store, storage, platform } = createTestApp();
    expect(store.session.isSignedIn).toBe(false);

    await store.session.signIn();

    expect(platform.loginCalls).toBe(1);
    expect(store.session.status).toBe('signedIn');
    expect(store.session.userId).toBe('id-alice');
    expect(storage.get(StorageKeys.session)).toMatchObject({ token: store.session.validToken(), userId: 'id-alice' });
  });

  it('should run one sign-in for many callers at once', async () => {
    const { store, server } = createTestApp();

    await Promise.all([store.session.signIn(), store.session.signIn(), store.session.ensureSignedIn()]);

    expect(server.loginCount).toBe(1);
  });

  it('should reuse a stored session on the next launch', async () => {
    const first = createTestApp();
    await first.store.session.signIn();

    const next = createTestApp({ server: first.server, storage: first.storage });
    await next.store.session.ensureSignedIn();

    expect(next.store.session.isSignedIn).toBe(true);
    expect(next.platform.loginCalls).toBe(0);
  });

  it('should not reuse a stored session that has expired', async () => {
    const storage = createMemoryStorage({
      [StorageKeys.session]: { token: 'old', expiresAt: '2000-01-01T00:00:00Z', userId: 'id-alice', userKey: null },
    });
    const { store, platform } = createTestApp({ storage });
    expect(store.session.isSignedIn).toBe(false);

    await store.session.ensureSignedIn();

    expect(platform.loginCalls).toBe(1);
    expect(store.session.validToken()).not.toBe('old');
  });

  it('should not give a stored session to another simulated user', () => {
    const storage = createMemoryStorage({
      [StorageKeys.session]: {
        token: 'bob-token',
        expiresAt: '2099-01-01T00:00:00Z',
        userId: 'id-bob',
        userKey: 'bob',
      },
    });
    const platform = { ...createFakePlatform('carol'), userKey: () => 'carol' };

    const { store } = createTestApp({ storage, platform });

    expect(store.session.isSignedIn).toBe(false);
    expect(storage.get(StorageKeys.session)).toBeUndefined();
  });

  it('should say why sign-in failed and keep no session', async () => {
    const { store, server } = createTestApp();
    server.dropNext();

    await expect(store.session.signIn()).rejects.toBeDefined();

    expect(store.session.status).toBe('failed');
    expect(store.session.error).toBe('网络连接失败，请检查网络后重试');
    expect(store.session.isSignedIn).toBe(false);
  });

  it('should sign out on the server and forget the token', async () => {
    const { store, server, storage } = createTestApp();
    await store.session.signIn();

    await store.session.signOut();

    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', url: 'http://api.test/api/v1/auth/logout' });
    expect(store.session.status).toBe('signedOut');
    expect(storage.get(StorageKeys.session)).toBeUndefined();
  });
});

describe('#session.simulatedUserPicker', () => {
  it('should open the picker when asked and answer with the chosen name', async () => {
    const { store } = createTestApp();

    const answer = store.session.askForSimulatedUser();
    expect(store.session.userPickerOpen).toBe(true);
    store.session.chooseSimulatedUser('李四');

    await expect(answer).resolves.toBe('李四');
    expect(store.session.userPickerOpen).toBe(false);
  });
});
