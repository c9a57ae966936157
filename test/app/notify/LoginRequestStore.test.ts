import { ApiError } from '../../../src/services/api';
import { createTestApp } from '../support/app';
import { installFakeRequests } from '../support/fakeRequests';

function setup() {
  const app = createTestApp();
  const fake = installFakeRequests(app.server);
  return { ...app, fake, requests: app.store.loginRequests };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('#loginRequests.loadList', () => {
  it('should list my pending requests newest first, and count them', async () => {
    const { fake, requests } = setup();
    fake.addRequest({ id: 'old', createdAt: minutesAgo(8) });
    fake.addRequest({ id: 'new', createdAt: minutesAgo(1) });
    fake.addRequest({ id: 'mid', createdAt: minutesAgo(4) });
    fake.addRequest({ id: 'bobs', holder: 'bob', createdAt: minutesAgo(2) });
    fake.addRequest({ id: 'ended', createdAt: minutesAgo(3) });
    fake.end('ended', 'done');

    await requests.loadList();

    expect(requests.pending.map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect(requests.pendingCount).toBe(3);
    expect(requests.loaded).toBe(true);
  });

  it('should keep the list and say why when loading fails', async () => {
    const { fake, requests, server } = setup();
    fake.addRequest({ id: 'r1' });
    await requests.loadList();

    server.dropNext();
    await requests.loadList();

    expect(requests.pendingCount).toBe(1);
    expect(requests.loadError).toBe('网络连接失败，请检查网络后重试');
  });
});

describe('#loginRequests.fetch', () => {
  it('should answer 404 for a request of someone else', async () => {
    const { fake, requests } = setup();
    fake.addRequest({ id: 'bobs', holder: 'bob' });

    const failure = await requests.fetch('bobs').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(404);
  });

  it('should drop a request that ended from the list', async () => {
    const { fake, requests } = setup();
    fake.addRequest({ id: 'r1' });
    fake.addRequest({ id: 'r2' });
    await requests.loadList();
    fake.end('r1', 'expired', '登录请求已过期：未在有效期内完成登录');

    const view = await requests.fetch('r1');

    expect(view.status).toBe('expired');
    expect(requests.pending.map((r) => r.id)).toEqual(['r2']);
  });
});
