import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AccountListPage from '../../../src/packages/accounts/pages/list/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts } from '../support/fakeAccounts';
import { renderPage } from '../support/render';

beforeEach(() => {
  taroMock.reset();
  taroMock.openWith({ enterpriseId: 'ent-1' });
});

/** Today at hh:mm (local time), as an ISO string. */
function todayAt(hours: number, minutes: number, dayOffset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + dayOffset);
  d.setHours(hours, minutes, 0, 0);
  return d.toISOString();
}

function setup() {
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1', name: '福建示例科技有限公司', taxId: '91350100M000100Y43', region: '福建' });
  return { app, fake };
}

function card(masked: string): HTMLElement {
  return screen.getByText(masked).closest('.account-card') as HTMLElement;
}

describe('#pages.accountList', () => {
  it('should show 已掉线 with the time and cause, and 即将到期 as the server says it', async () => {
    jest.useFakeTimers({ now: new Date(todayAt(12, 0)), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { app, fake } = setup();
    fake.addAccount('ent-1', {
      id: 'acc-1',
      maskedAccount: '151****1832',
      permissions: ['issue', 'receive'],
      bound: 'me',
      sessions: { receive: todayAt(13, 30) },
      dropped: { issue: { at: todayAt(11, 5), cause: 'elsewhere' } },
      // The server's lead time (here longer than 30 minutes) decides 即将到期.
      expiringSoon: ['receive'],
      notificationsLeft: 2,
    });
    fake.addAccount('ent-1', {
      id: 'acc-2',
      maskedAccount: '139****0001',
      permissions: ['issue'],
      sessions: { issue: todayAt(12, 10) },
      dropped: { receive: { at: todayAt(9, 0), cause: 'expired' } },
      expiringSoon: [],
    });
    renderPage(AccountListPage, app);

    const mine = within(await waitFor(() => card('151****1832')));
    expect(mine.getByText('已掉线')).toHaveClass('weui-tag_red');
    expect(mine.getByText('开票 · 今天 11:05 · 另一处登录')).toBeInTheDocument();
    expect(mine.getByText('即将到期')).toHaveClass('weui-tag_orange');
    expect(mine.getByText(/掉线和到期提醒也用这些次数/)).toBeInTheDocument();
    const other = within(card('139****0001'));
    expect(other.getByText('收票 · 今天 09:00 · 到期')).toBeInTheDocument();
    expect(other.queryByText('即将到期')).not.toBeInTheDocument();
    jest.useRealTimers();
  });

  it('should show the enterprise and each account with its 身份, permission, 登录类型 and tags', async () => {
    jest.useFakeTimers({ now: new Date(todayAt(12, 0)), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { app, fake } = setup();
    fake.addAccount('ent-1', {
      id: 'acc-1',
      maskedAccount: '151****1832',
      role: '办税员',
      permissions: ['issue', 'receive'],
      loginType: 'huameng',
      bound: 'me',
      defaults: ['issue'],
      sessions: { issue: todayAt(18, 30), receive: todayAt(12, 20) },
      authValidUntil: todayAt(9, 0, 1),
      notificationsLeft: 2,
    });
    fake.addAccount('ent-1', {
      id: 'acc-2',
      maskedAccount: '139****0001',
      role: '开票员',
      permissions: ['issue'],
      bound: 'other',
    });
    fake.addAccount('ent-1', { id: 'acc-3', maskedAccount: '137****0002', permissions: ['receive'] });

    renderPage(AccountListPage, app);

    expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(screen.getByText('税号 91350100M000100Y43 · 福建')).toBeInTheDocument();
    const mine = within(card('151****1832'));
    expect(mine.getByText('办税员 · 开票+收票 · 华盟托管号码')).toBeInTheDocument();
    expect(mine.getByText('已绑定（本人）')).toHaveClass('weui-tag_green');
    expect(mine.getByText('默认开票')).toBeInTheDocument();
    expect(mine.getByText('开票 · 今天 18:30 到期')).toBeInTheDocument();
    expect(mine.getByText('收票 · 今天 12:20 到期')).toBeInTheDocument();
    // Only the session ending within 30 minutes is 即将到期.
    expect(mine.getAllByText('即将到期')).toHaveLength(1);
    expect(mine.getByText('已认证')).toBeInTheDocument();
    expect(mine.getByText('明天 09:00 到期')).toBeInTheDocument();
    expect(mine.getByText(/可接收2次登录通知/)).toBeInTheDocument();
    expect(within(card('139****0001')).getByText('开票员 · 开票 · 人工登录')).toBeInTheDocument();
    expect(within(card('139****0001')).getByText('已绑定（他人）')).toBeInTheDocument();
    expect(within(card('137****0002')).getByText('未绑定')).toHaveClass('weui-tag_grey');
    expect(screen.getByText('新增')).toBeInTheDocument();
    jest.useRealTimers();
  });

  it('should offer only the actions the server allows', async () => {
    const { app, fake } = setup();
    fake.addAccount('ent-1', {
      id: 'acc-other',
      maskedAccount: '139****0001',
      bound: 'other',
      can: { login: false, edit: false, delete: false, changeWechat: true, unlock: false },
    });
    fake.addAccount('ent-1', {
      id: 'acc-mine',
      maskedAccount: '151****1832',
      bound: 'me',
      can: { login: true, edit: true, delete: true, changeWechat: false, unlock: false },
    });
    renderPage(AccountListPage, app);
    await screen.findByText('139****0001');

    const other = within(card('139****0001'));
    expect(other.queryByText('登录')).not.toBeInTheDocument();
    expect(other.queryByText('认证')).not.toBeInTheDocument();
    fireEvent.click(other.getByText('更多'));
    await act(async () => undefined);
    expect(taroMock.lastActionSheet()).toEqual(['更换微信']);

    fireEvent.click(within(card('151****1832')).getByText('更多'));
    await act(async () => undefined);
    expect(taroMock.lastActionSheet()).toEqual(['编辑', '删除']);
  });

  it('should say what to do when there is no account', async () => {
    const { app } = setup();
    renderPage(AccountListPage, app);

    expect(await screen.findByText('还没有电子税局账号，点击新增添加')).toBeInTheDocument();
  });

  it('should ask 开票业务/收票业务 on 新增 and open the add page', async () => {
    const { app } = setup();
    renderPage(AccountListPage, app);
    await screen.findByText('还没有电子税局账号，点击新增添加');
    taroMock.tapActionSheets(1);

    fireEvent.click(screen.getByText('新增'));

    await act(async () => undefined);
    expect(taroMock.lastActionSheet()).toEqual(['开票业务', '收票业务']);
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/accounts/pages/add/index?enterpriseId=ent-1&business=receive',
    });
  });

  it('should ask the business before 登录 only when the account has both', async () => {
    const { app, fake } = setup();
    fake.addAccount('ent-1', { id: 'acc-both', maskedAccount: '151****1832', permissions: ['issue', 'receive'] });
    fake.addAccount('ent-1', { id: 'acc-recv', maskedAccount: '137****0002', permissions: ['receive'] });
    renderPage(AccountListPage, app);
    await screen.findByText('151****1832');

    fireEvent.click(within(card('137****0002')).getByText('登录'));
    await act(async () => undefined);
    expect(Taro.showActionSheet).not.toHaveBeenCalled();
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/accounts/pages/login/index?accountId=acc-recv&channel=receive',
    });

    taroMock.tapActionSheets(0);
    fireEvent.click(within(card('151****1832')).getByText('登录'));
    await act(async () => undefined);
    expect(taroMock.lastActionSheet()).toEqual(['开票业务', '收票业务']);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/accounts/pages/login/index?accountId=acc-both&channel=issue',
    });

    fireEvent.click(within(card('151****1832')).getByText('认证'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/accounts/pages/login/index?accountId=acc-both&purpose=auth',
    });
  });

  it('should show 已锁定 in red with its reason, and 解锁 with the seed’s warning', async () => {
    const { app, fake } = setup();
    fake.addAccount('ent-1', {
      id: 'acc-locked',
      maskedAccount: '151****1832',
      loginType: 'qixiangyun',
      locked: { reason: '密码错误', byPassword: true, at: new Date().toISOString() },
      can: { login: true, edit: true, delete: true, changeWechat: false, unlock: true },
    });
    renderPage(AccountListPage, app);
    await screen.findByText('151****1832');
    const locked = within(card('151****1832'));

    expect(locked.getByText('已锁定')).toHaveClass('weui-tag_red');
    expect(locked.getByText('已锁定：密码错误')).toBeInTheDocument();
    expect(locked.queryByText('登录')).not.toBeInTheDocument();

    fireEvent.click(locked.getByText('解锁'));

    await waitFor(() => expect(screen.queryByText('已锁定')).not.toBeInTheDocument());
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]?.content).toContain('请先更新密码，否则解锁后会再次锁定');
    // One step further: the modal leads to the password (issue 12).
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]?.cancelText).toBe('更新密码');
    expect(fake.account('acc-locked')?.locked).toBeUndefined();
  });

  it('should delete after the confirm, and not without it', async () => {
    const { app, fake } = setup();
    fake.addAccount('ent-1', { id: 'acc-1', maskedAccount: '151****1832' });
    renderPage(AccountListPage, app);
    await screen.findByText('151****1832');

    taroMock.answerModals(false);
    taroMock.tapActionSheets(1);
    fireEvent.click(screen.getByText('更多'));
    await act(async () => undefined);
    expect(fake.account('acc-1')).toBeDefined();

    taroMock.answerModals(true);
    taroMock.tapActionSheets(1);
    fireEvent.click(screen.getByText('更多'));

    await waitFor(() => expect(screen.queryByText('151****1832')).not.toBeInTheDocument());
    expect(fake.account('acc-1')).toBeUndefined();
  });

  it('should show an account added elsewhere after a pull-down refresh', async () => {
    const { app, fake } = setup();
    renderPage(AccountListPage, app);
    await screen.findByText('还没有电子税局账号，点击新增添加');

    fake.addAccount('ent-1', { id: 'acc-new', maskedAccount: '188****8888' });
    await act(() => taroMock.pullDownRefresh());

    expect(screen.getByText('188****8888')).toBeInTheDocument();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
  it('should load the next page on reaching the bottom, say 没有更多了 at the end, and search', async () => {
    const { app, fake } = setup();
    for (let n = 1; n <= 45; n++) {
      fake.addAccount('ent-1', { id: `acc-${n}`, maskedAccount: `139****${String(n).padStart(4, '0')}` });
    }
    renderPage(AccountListPage, app);
    await screen.findByText('139****0001');
    const cards = () => document.querySelectorAll('.account-card').length;
    expect(cards()).toBe(20);
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(screen.queryByText('139****0021')).toBeNull();

    // The user is at the bottom: the new page is drawn there; what is far above stands as a spacer
    // (never more than a page of cards on the page, however long the list).
    await act(() => taroMock.reachBottom());
    expect(await screen.findByText('139****0040')).toBeInTheDocument();
    expect(cards()).toBe(20);
    expect(screen.queryByText('139****0001')).toBeNull();
    await act(() => taroMock.reachBottom());
    expect(await screen.findByText('139****0045')).toBeInTheDocument();
    expect(cards()).toBe(20);
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
    expect(screen.queryByText('加载中…')).toBeNull();

    const box = screen.getByPlaceholderText('搜索账号后四位或姓名');
    fireEvent.input(box, { target: { value: '0033' } });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(cards()).toBe(1));
    expect(screen.getByText('139****0033')).toBeInTheDocument();

    fireEvent.input(box, { target: { value: '9999' } });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    expect(await screen.findByText('没有找到匹配的账号')).toBeInTheDocument();

    fireEvent.input(box, { target: { value: '' } });
    await waitFor(() => expect(cards()).toBe(20), { timeout: 3000 });
  });
});
