import { createTestApp } from '../support/app';
import { refreshBlocks } from '../../../src/stores/AccountStore';
import { installFakeAccounts, TEMPLATES } from '../support/fakeAccounts';

function setup() {
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1', name: '福建示例科技有限公司' });
  fake.addAccount('ent-1', { id: 'acc-1', maskedAccount: '151****1832' });
  fake.addAccount('ent-1', { id: 'acc-2', maskedAccount: '139****0001', defaults: ['issue'] });
  return { ...app, fake, accounts: app.store.accounts };
}

describe('#accounts.load', () => {
  it('should keep the enterprise’s list as the server sends it', async () => {
    const { accounts } = setup();

    await accounts.load('ent-1');

    const list = accounts.list('ent-1');
    expect(list?.enterprise.name).toBe('福建示例科技有限公司');
    expect(list?.accounts.map((a) => a.maskedAccount)).toEqual(['151****1832', '139****0001']);
    expect(accounts.listErrors['ent-1']).toBeNull();
  });

  it('should keep the last list and say why when a refresh fails', async () => {
    const { accounts, server } = setup();
    await accounts.load('ent-1');

    server.dropNext();
    await accounts.load('ent-1');

    expect(accounts.listErrors['ent-1']).toBe('网络连接失败，请检查网络后重试');
    expect(accounts.list('ent-1')?.accounts).toHaveLength(2);
  });
});

describe('#accounts.bind', () => {
  it('should bind with the tap’s subscribe results and update the list', async () => {
    const { accounts, fake } = setup();
    await accounts.load('ent-1');

    await expect(accounts.bind('acc-1', { [TEMPLATES.loginNotice]: 'accept' })).resolves.toBe(true);

    expect(fake.calls.at(-1)?.data).toEqual({ subscriptions: { [TEMPLATES.loginNotice]: 'accept' } });
    expect(accounts.details['acc-1'].bound).toBe('me');
    expect(accounts.list('ent-1')?.accounts[0].bound).toBe('me');
    expect(accounts.list('ent-1')?.accounts[0].notificationsLeft).toBe(1);
  });

  it('should say why when the account was bound by someone else first', async () => {
    const { accounts, server } = setup();
    server.failNext(409, { error: { code: 'already_bound', message: '该账号已被其他微信绑定' } });

    await expect(accounts.bind('acc-1', {})).resolves.toBe(false);

    expect(accounts.actionError).toBe('该账号已被其他微信绑定');
    expect(accounts.pendingId).toBeNull();
  });
});

describe('#accounts.setDefaults', () => {
  it('should take the default from the other account, in the list and in 编辑', async () => {
    const { accounts } = setup();
    // 编辑 opens from the list: the list the answer updates is loaded (a page of it).
    await accounts.load('ent-1');
    await accounts.loadDetail('acc-2');

    await accounts.setDefaults('acc-1', ['issue', 'receive']);

    const list = accounts.list('ent-1')!;
    expect(list.accounts.find((a) => a.id === 'acc-1')?.defaults).toEqual(['issue', 'receive']);
    expect(accounts.details['acc-2'].defaults).toEqual([]);
  });
});

describe('#accounts.remove and unlock', () => {
  it('should drop a deleted account from the list', async () => {
    const { accounts } = setup();
    await accounts.load('ent-1');

    await accounts.remove('acc-1');

    expect(accounts.list('ent-1')?.accounts.map((a) => a.id)).toEqual(['acc-2']);
  });

  it('should clear 已锁定 once unlocked', async () => {
    const { accounts, fake } = setup();
    fake.addAccount('ent-1', {
      id: 'acc-3',
      locked: { reason: '密码错误', byPassword: true, at: new Date().toISOString() },
      can: { login: true, edit: true, delete: true, changeWechat: false, unlock: true },
    });
    await accounts.load('ent-1');

    await accounts.unlock('acc-3');

    const view = accounts.list('ent-1')?.accounts.find((a) => a.id === 'acc-3');
    expect(view?.locked).toBeUndefined();
    expect(view?.can.unlock).toBe(false);
  });
});

describe('#accounts.recentLogins', () => {
  it('should load my recent logins', async () => {
    const { accounts, fake } = setup();
    fake.recentLogins = [
      {
        enterpriseId: 'ent-1',
        accountId: 'acc-recent',
        taxId: '91350100M000100Y43',
        enterpriseName: '福建示例科技有限公司',
        region: '福建',
        maskedAccount: '151****1832',
        loggedInAt: '2025-03-05T01:30:00Z',
      },
    ];

    await accounts.loadRecentLogins();

    expect(accounts.recentLoaded).toBe(true);
    expect(accounts.recentLogins.map((l) => l.enterpriseName)).toEqual(['福建示例科技有限公司']);
  });
});

describe('#accounts.refresh', () => {
  /** An enterprise with `total` accounts, and the list loaded to `loaded` of them a page at a time. */
  async function scrolled(total: number, loaded: number) {
    const app = createTestApp();
    const fake = installFakeAccounts(app.server);
    fake.addEnterprise({ id: 'ent-1', name: '福建示例科技有限公司' });
    for (let n = 1; n <= total; n++) {
      fake.addAccount('ent-1', { id: `acc-${n}`, maskedAccount: `139****${String(n).padStart(4, '0')}` });
    }
    const accounts = app.store.accounts;
    await accounts.load('ent-1');
    while (accounts.list('ent-1')!.accounts.length < loaded) await accounts.loadMore('ent-1');
    const listCalls = () => app.server.requests.filter((r) => r.url.includes('/enterprises/ent-1/accounts'));
    return { ...app, fake, accounts, listCalls };
  }
  const shown = (accounts: ReturnType<typeof createTestApp>['store']['accounts']) =>
    accounts.list('ent-1')!.accounts.map((a) => a.id);

  it('should fetch every loaded account again, in blocks of at most 100 asked at once, keeping the length', async () => {
    const { accounts, fake, listCalls } = await scrolled(300, 240);
    fake.account('acc-230')!.role = '开票员';
    const before = listCalls().length;

    await accounts.refresh('ent-1');

    const asked = listCalls()
      .slice(before)
      .map((r) => new URL(r.url).searchParams);
    expect(asked.map((q) => [q.get('cursor'), q.get('limit')])).toEqual([
      [null, '100'],
      ['100', '100'],
      ['200', '40'],
    ]);
    expect(shown(accounts)).toEqual(Array.from({ length: 240 }, (_, i) => `acc-${i + 1}`));
    expect(accounts.list('ent-1')!.accounts[229].role).toBe('开票员');
    expect(accounts.hasMore('ent-1')).toBe(true);
    // The next page follows on from where the list was.
    await accounts.loadMore('ent-1');
    expect(shown(accounts)).toHaveLength(260);
    expect(shown(accounts)[259]).toBe('acc-260');
  });

  it('should take the accounts added since at the end of a list that was complete', async () => {
    const { accounts, fake } = await scrolled(45, 45);
    expect(accounts.hasMore('ent-1')).toBe(false);
    fake.addAccount('ent-1', { id: 'acc-new', maskedAccount: '188****8888' });

    await accounts.refresh('ent-1');

    expect(shown(accounts)).toHaveLength(46);
    expect(shown(accounts)[45]).toBe('acc-new');
    expect(accounts.hasMore('ent-1')).toBe(false);
  });

  it('should load the first page when no more than one was loaded', async () => {
    const { accounts, fake } = await scrolled(30, 20);
    fake.account('acc-1')!.role = '开票员';

    await accounts.refresh('ent-1');

    expect(shown(accounts)).toHaveLength(20);
    expect(accounts.list('ent-1')!.accounts[0].role).toBe('开票员');
  });

  it('should keep the list and say why when a block fails', async () => {
    const { accounts, server } = await scrolled(300, 240);
    const list = accounts.list('ent-1');

    server.dropNext();
    await accounts.refresh('ent-1');

    expect(accounts.list('ent-1')).toBe(list);
    expect(shown(accounts)).toHaveLength(240);
    expect(accounts.listErrors['ent-1']).toBe('网络连接失败，请检查网络后重试');
  });

  it('should leave a new 搜索 alone when it answers first', async () => {
    const { accounts } = await scrolled(300, 240);

    const refreshing = accounts.refresh('ent-1');
    await accounts.search('ent-1', '0033');
    await refreshing;

    expect(shown(accounts)).toEqual(['acc-33']);
  });
});

describe('refreshBlocks', () => {
  it('should start a block at the top and wherever the next would ask for more than 100', () => {
    const starts = Array.from({ length: 49 }, (_, i) => ({ cursor: `c${(i + 1) * 20}`, before: (i + 1) * 20 }));
    expect(refreshBlocks(starts, 1000)).toEqual([
      { cursor: undefined, limit: 100 },
      ...Array.from({ length: 9 }, (_, i) => ({ cursor: `c${(i + 1) * 100}`, limit: 100 })),
    ]);
    expect(refreshBlocks(starts.slice(0, 2), 60)).toEqual([{ cursor: undefined, limit: 60 }]);
  });
});
