/**
 * 个人中心's first screen (issue 9 #5): the sign-in and the first data overlap instead of queueing.
 * Without a usable token the sign-in's answer carries the tenants and the pending 登录通知, so no
 * second round trip follows it; a returning user's stored token is used at once; a token the server
 * no longer accepts still leads to one sign-in and the data.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import HomePage from '../../../src/pages/index/index';
import { startHeadStart } from '../../../src/services/headStart';
import { StorageKeys, createMemoryStorage } from '../../../src/services/storage';
import { taroMock } from '../mocks/taro';
import { createFakePlatform, createTestApp } from '../support/app';
import { createFakeServer } from '../support/fakeServer';
import { installFakeRequests } from '../support/fakeRequests';
import { enterprise, tenant } from '../support/fixtures';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());

/** alice: one tenant with one enterprise, and one pending 登录通知. */
function setup(storage = createMemoryStorage()) {
  const fake = installFakeRequests(createFakeServer());
  const app = createTestApp({ server: fake.server, storage });
  app.server.addMember(
    'alice',
    tenant({ name: '金蝶演示租户', enterprises: [enterprise({ name: '首屏测试有限公司' })] }),
  );
  fake.addRequest({ id: 'pending-1', holder: 'alice' });
  return app;
}

const sent = (app: { server: { requests: { method: string; url: string }[] } }) =>
  app.server.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);

async function seesHome() {
  expect(await screen.findByText('首屏测试有限公司')).toBeInTheDocument();
  const notices = screen.getByText('登录通知').closest('.weui-cell') as HTMLElement;
  expect(await within(notices).findByText('1')).toHaveClass('home__badge');
}

describe('#pages.home first screen', () => {
  it('should show my tenants and 登录通知 from the sign-in’s answer, with no request after it', async () => {
    const app = setup();
    // As at launch (app.tsx): the sign-in is under way when the page asks for its data.
    const launch = app.store.session.ensureSignedIn();

    renderPage(HomePage, app);
    await launch;

    await seesHome();
    expect(sent(app)).toEqual(['POST /api/v1/auth/login']);
  });

  it('should take the data of a sign-in that ended before the page asked (the browser build’s head start)', async () => {
    const fake = installFakeRequests(createFakeServer());
    fake.server.addMember(
      'alice',
      tenant({ name: '金蝶演示租户', enterprises: [enterprise({ name: '首屏测试有限公司' })] }),
    );
    fake.addRequest({ id: 'pending-1', holder: 'alice' });
    const storage = createMemoryStorage();
    // boot.ts, before the app's script has arrived; its answer is in by the time the app runs.
    const headStart = startHeadStart({
      location: { search: '?wxuser=alice', hash: '' },
      storage,
      transport: fake.server.transport,
      origin: 'http://api.test',
    });
    await headStart?.response;
    const platform = Object.assign(createFakePlatform('alice'), { kind: 'h5' as const, userKey: () => 'alice' });
    const app = createTestApp({ server: fake.server, storage, platform });
    await app.store.session.ensureSignedIn();

    renderPage(HomePage, app);

    await seesHome();
    expect(platform.loginCalls).toBe(0);
    expect(sent(app)).toEqual(['POST /sandbox/wechat/control/code', 'POST /api/v1/auth/login']);
  });

  it('should send a returning user’s stored token with the data requests at once, without signing in', async () => {
    const first = setup();
    await first.store.session.signIn();
    const token = first.store.session.validToken();
    first.server.requests.length = 0;
    // The next launch, with what the first one stored.
    const app = createTestApp({ server: first.server, storage: first.storage });

    renderPage(HomePage, app);

    await seesHome();
    expect(app.platform.loginCalls).toBe(0);
    expect(sent(app).sort()).toEqual(['GET /api/v1/login-requests', 'GET /api/v1/me/tenants']);
    expect(app.server.requests.map((r) => r.header.Authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
  });

  it('should sign in once and take the data from it when the stored token has expired', async () => {
    const app = setup(
      createMemoryStorage({
        [StorageKeys.session]: { token: 'old', expiresAt: '2000-01-01T00:00:00Z', userId: 'id-alice', userKey: null },
      }),
    );

    renderPage(HomePage, app);

    await seesHome();
    expect(app.platform.loginCalls).toBe(1);
    expect(sent(app)).toEqual(['POST /api/v1/auth/login']);
  });

  it('should sign in again once when the server no longer accepts the stored token', async () => {
    const first = setup();
    await first.store.session.signIn();
    first.server.expireAllTokens();
    first.server.requests.length = 0;
    // The next launch, with the stored token the server no longer accepts (the same phone's WeChat).
    const app = createTestApp({ server: first.server, storage: first.storage, platform: first.platform });

    renderPage(HomePage, app);

    await seesHome();
    expect(app.platform.loginCalls).toBe(2);
    expect(app.server.loginCount).toBe(2);
    // Each data request was refused once (401), then sent again with the new token.
    expect(sent(app).filter((r) => r === 'POST /api/v1/auth/login')).toHaveLength(1);
    expect(app.server.requests.at(-1)?.header.Authorization).toBe(`Bearer ${app.store.session.validToken()}`);
  });

  it('should say why when the sign-in fails, and load on 重试', async () => {
    const app = setup();
    app.server.failNext(503, { error: { code: 'wechat_busy', message: '微信服务繁忙，请稍后再试' } });

    renderPage(HomePage, app);

    expect(await screen.findByText('微信服务繁忙，请稍后再试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('首屏测试有限公司')).toBeInTheDocument();
  });
});
