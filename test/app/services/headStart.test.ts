/**
 * The browser build's head start (issue 9 #5): boot.ts signs in before the app's script has arrived,
 * through the same H5 platform and API client; the app's first sign-in takes its answer.
 */
import { startHeadStart, takeHeadStart, type HeadStartDeps } from '../../../src/services/headStart';
import { StorageKeys, createMemoryStorage } from '../../../src/services/storage';
import { createFakePlatform, createTestApp } from '../support/app';
import { createFakeServer, type FakeServer } from '../support/fakeServer';

afterEach(() => {
  takeHeadStart();
});

function start(server: FakeServer, deps: Partial<HeadStartDeps> = {}) {
  return startHeadStart({
    location: { search: '?wxuser=alice', hash: '' },
    storage: createMemoryStorage(),
    transport: server.transport,
    origin: 'http://api.test',
    ...deps,
  });
}

const sent = (server: FakeServer) => server.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);

/** The browser build's platform as the tests need it: the simulated user is `user`. */
const h5Platform = (user: string) =>
  Object.assign(createFakePlatform(user), { kind: 'h5' as const, userKey: () => user });

describe('#headStart', () => {
  it('should sign in as the URL’s simulated user at once and leave the answer for the app, once', async () => {
    const server = createFakeServer();
    const storage = createMemoryStorage();

    const started = start(server, { storage });

    expect(started?.userKey).toBe('alice');
    await expect(started?.response).resolves.toMatchObject({ user: { id: 'id-alice' } });
    expect(sent(server)).toEqual(['POST /sandbox/wechat/control/code', 'POST /api/v1/auth/login']);
    expect(storage.get(StorageKeys.simulatedUser)).toBe('alice');
    expect(takeHeadStart()).toBe(started);
    expect(takeHeadStart()).toBeNull();
  });

  it('should not start on the browser link, which never signs in', () => {
    const server = createFakeServer();

    expect(
      start(server, { location: { search: '?wxuser=alice', hash: '#/packages/notify/pages/link/index?t=x' } }),
    ).toBeNull();
    expect(takeHeadStart()).toBeNull();
    expect(server.requests).toEqual([]);
  });

  it('should leave it to the app when nobody is named: the app’s picker asks who', () => {
    const server = createFakeServer();

    expect(start(server, { location: { search: '', hash: '' } })).toBeNull();
    expect(server.requests).toEqual([]);
  });

  it('should not sign in when that user’s stored session is still usable, but when it has expired', () => {
    const server = createFakeServer();
    const session = (expiresAt: string) =>
      createMemoryStorage({ [StorageKeys.session]: { token: 't', expiresAt, userId: 'id-alice', userKey: 'alice' } });

    expect(start(server, { storage: session('2099-01-01T00:00:00Z') })).toBeNull();
    expect(start(server, { storage: session('2000-01-01T00:00:00Z') })).not.toBeNull();
  });

  it('should give the app’s first sign-in its answer: no second sign-in, 个人中心’s data with it', async () => {
    const server = createFakeServer();
    const storage = createMemoryStorage();
    start(server, { storage });
    const { store, platform } = createTestApp({ server, storage, platform: h5Platform('alice') });

    await store.session.ensureSignedIn();

    expect(platform.loginCalls).toBe(0);
    expect(server.loginCount).toBe(1);
    expect(store.session.status).toBe('signedIn');
    expect(store.session.userId).toBe('id-alice');
    expect(store.tenants.loaded).toBe(true);
    expect(storage.get(StorageKeys.session)).toMatchObject({ token: store.session.validToken(), userKey: 'alice' });
  });

  it('should sign in afresh when the head start failed, or signed in as someone else', async () => {
    const server = createFakeServer();
    server.failNext(503, { error: { code: 'wechat_busy', message: '微信服务繁忙，请稍后再试' } });
    start(server);
    const failed = createTestApp({ server, platform: h5Platform('alice') });
    await failed.store.session.ensureSignedIn();
    expect(failed.platform.loginCalls).toBe(1);
    expect(failed.store.session.status).toBe('signedIn');

    start(server, { location: { search: '?wxuser=bob', hash: '' } });
    const other = createTestApp({ server, platform: h5Platform('alice') });
    await other.store.session.ensureSignedIn();
    expect(other.platform.loginCalls).toBe(1);
    expect(other.store.session.userId).toBe('id-alice');
  });
});
