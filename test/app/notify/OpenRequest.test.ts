import { createMemoryStorage } from '../../../src/services/storage';
import { openLink } from '../../../src/packages/notify/stores/link';
import { OpenRequest } from '../../../src/packages/notify/stores/OpenRequest';
import { createTestApp } from '../support/app';
import { createFakeServer } from '../support/fakeServer';
import { installFakeRequests, LINK_TOKEN, REQUEST_SMS_CODE } from '../support/fakeRequests';

const flows: { leave(): void }[] = [];
afterEach(() => {
  // No poll or countdown outlives its test.
  flows.splice(0).forEach((flow) => flow.leave());
  jest.useRealTimers();
});

function setup() {
  const fake = installFakeRequests(createFakeServer());
  const app = createTestApp({ server: fake.server });
  flows.push(app.store.flow);
  return { app, fake };
}

function signedIn(requestId: string) {
  const { app, fake } = setup();
  const { loginRequests, flow } = app.store;
  const request = new OpenRequest({ source: { load: () => loginRequests.fetch(requestId) }, flow });
  return { app, fake, flow, request };
}

function viaLink() {
  const { app, fake } = setup();
  // The browser link's own flow store, made from the fake server with the link routes.
  const link = openLink(app.store.api, LINK_TOKEN);
  flows.push(link.flow);
  return { app, fake, ...link };
}

describe('#openRequest (signed in)', () => {
  it('should finish a login request with the SMS code: done, and a login made here', async () => {
    const { fake, flow, request } = signedIn('r1');
    fake.addRequest({ id: 'r1' });

    await request.load();
    expect(request.phase).toBe('pending');
    expect(request.next).toBe('login');

    await request.start('password');
    expect(flow.step).toBe('sms');
    expect(fake.flows[0]).toMatchObject({ requestId: 'r1', purpose: 'login' });
    await flow.submitSms(REQUEST_SMS_CODE);
    expect(flow.step).toBe('done');

    await request.flowEnded('done');
    expect(request.phase).toBe('done');
    expect(request.loggedInHere).toBe(true);
  });

  it('should go on with 认证 after the login a 认证 request needed', async () => {
    const { fake, flow, request } = signedIn('r1');
    fake.addRequest({ id: 'r1', purpose: 'auth', title: '开票认证', next: 'login' });
    await request.load();

    await request.start('password');
    await flow.submitSms(REQUEST_SMS_CODE);
    await request.flowEnded('done');

    expect(request.phase).toBe('pending');
    expect(request.next).toBe('auth');
    expect(flow.step).toBe('face');
    expect(fake.flows[1]).toMatchObject({ purpose: 'auth' });
  });

  it('should start nothing more when a 认证 ended and the request still reads pending', async () => {
    const { app, fake } = setup();
    fake.addRequest({ id: 'r1', purpose: 'auth', next: 'auth' });
    const stale = { ...fake.view('r1') };
    const request = new OpenRequest({ source: { load: async () => stale }, flow: app.store.flow });
    await request.load();

    await request.flowEnded('done');

    expect(fake.flows).toEqual([]);
    expect(request.loggedInHere).toBe(false);
  });

  it('should show nothing of a request of someone else', async () => {
    const { fake, request } = signedIn('bobs');
    fake.addRequest({ id: 'bobs', holder: 'bob' });

    await request.load();

    expect(request.phase).toBe('unavailable');
    expect(request.view).toBeNull();
    expect(request.problem?.status).toBe(404);
  });

  it('should show how the request stands when starting is refused because it ended', async () => {
    const { fake, flow, request } = signedIn('r1');
    fake.addRequest({ id: 'r1' });
    await request.load();
    fake.end('r1', 'done');

    await request.start('password');

    expect(flow.error?.message).toBe('登录已完成，无需再次操作');
    expect(request.phase).toBe('done');
  });

  it('should read the request again once its time ran out', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { fake, request } = signedIn('r1');
    fake.addRequest({ id: 'r1', expiresAt: new Date(Date.now() + 20_000).toISOString() });
    await request.load();
    request.startClock();

    fake.end('r1', 'expired', '登录请求已过期：未在有效期内完成登录');
    await jest.advanceTimersByTimeAsync(30_000);
    request.stopClock();

    expect(request.phase).toBe('expired');
    expect(request.view?.reason).toBe('登录请求已过期：未在有效期内完成登录');
  });
});

describe('#openRequest (browser link)', () => {
  it('should finish through the link routes only, with no sign-in', async () => {
    const { app, fake, flow, request } = viaLink();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN });

    await request.load();
    await request.start('password');
    await flow.submitSms(REQUEST_SMS_CODE);
    await request.flowEnded('done');

    expect(request.phase).toBe('done');
    expect(fake.calls.map((c) => `${c.method} ${new URL(c.url).pathname}${new URL(c.url).search}`)).toEqual([
      `GET /api/v1/link/${LINK_TOKEN}`,
      `POST /api/v1/link/${LINK_TOKEN}/flows`,
      `POST /api/v1/link/${LINK_TOKEN}/flows/rflow-1/sms`,
      // The browser that used the link names its flow to read how the request stands.
      `GET /api/v1/link/${LINK_TOKEN}?flow=rflow-1`,
    ]);
    expect(fake.calls.every((c) => !c.header.Authorization)).toBe(true);
    // Nothing reached the signed-in API, not even a sign-in.
    expect(app.server.requests).toEqual([]);
    expect(app.server.loginCount).toBe(0);
  });

  it('should start the 认证 after the login by naming the flow it started (afterFlowId)', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { fake, flow, request } = viaLink();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN, purpose: 'auth', title: '开票认证', next: 'login' });
    await request.load();

    await request.start('password');
    await flow.submitSms(REQUEST_SMS_CODE);
    await request.flowEnded('done');

    expect(flow.step).toBe('face');
    expect(request.next).toBe('auth');
    const starts = fake.calls.filter((c) => c.method === 'POST' && c.url.endsWith('/flows'));
    expect(starts.map((c) => c.data)).toEqual([
      { method: 'password', qrApp: 'tax' },
      { method: 'qr', qrApp: 'tax', afterFlowId: 'rflow-1' },
    ]);

    // The holder passes the face check; the poll notices, and the request is done.
    fake.confirmCurrent();
    await jest.advanceTimersByTimeAsync(2000);
    expect(flow.step).toBe('done');
    await request.flowEnded('done');
    expect(request.phase).toBe('done');
  });

  it('should go on after a reload of the page with the flow it had started', async () => {
    const { app, fake } = viaLink();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    const storage = createMemoryStorage();
    const first = openLink(app.store.api, LINK_TOKEN, storage);
    await first.request.load();
    await first.request.start('password');

    // The page is reloaded: a new store, the same browser storage.
    const reloaded = openLink(app.store.api, LINK_TOKEN, storage);
    await reloaded.request.load();
    expect(reloaded.request.problem).toBeNull();
    expect(reloaded.request.view?.status).toBe('pending');
    // Another browser (no storage) is still refused.
    const other = openLink(app.store.api, LINK_TOKEN, createMemoryStorage());
    await other.request.load();
    expect(other.request.problem).toMatchObject({ status: 410, code: 'link_used' });
  });

  it('should say what happened when the link was used, or the request expired or ended', async () => {
    const used = viaLink();
    used.fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    await used.request.load();
    await used.request.start('password');
    // A second browser opening the same link.
    const second = openLink(used.app.store.api, LINK_TOKEN);
    await second.request.load();
    expect(second.request.phase).toBe('unavailable');
    expect(second.request.problem).toMatchObject({ status: 410, code: 'link_used' });

    const expired = viaLink();
    expired.fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    expired.fake.end('r1', 'expired');
    await expired.request.load();
    expect(expired.request.problem).toMatchObject({ status: 410, code: 'request_expired' });

    const failed = viaLink();
    failed.fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    failed.fake.end('r1', 'failed', '密码错误');
    await failed.request.load();
    expect(failed.request.problem).toMatchObject({
      status: 410,
      code: 'request_closed',
      message: '登录请求已结束：密码错误',
    });
  });
});
