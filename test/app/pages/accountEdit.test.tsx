import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AccountView } from '../../../types/accounts';
import AccountEditPage from '../../../src/packages/accounts/pages/edit/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts, TEMPLATES } from '../support/fakeAccounts';
import { renderPage } from '../support/render';

beforeEach(() => {
  taroMock.reset();
  taroMock.openWith({ accountId: 'acc-1' });
});

function setup(account: Partial<AccountView> = {}, others = 1) {
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1' });
  fake.addAccount('ent-1', { id: 'acc-1', maskedAccount: '151****1832', ...account });
  for (let i = 0; i < others; i++) fake.addAccount('ent-1', { id: `acc-other-${i}`, maskedAccount: `139****000${i}` });
  renderPage(AccountEditPage, app);
  return { app, fake };
}

describe('#pages.accountEdit', () => {
  it('should bind in one tap: WeChat is asked for our templates, then the account is 已绑定 to me', async () => {
    const { app, fake } = setup();
    await screen.findByText('151****1832');
    await waitFor(() => expect(app.store.subscriptions.templateIds).toHaveLength(2));

    fireEvent.click(screen.getByText('绑定微信收登录通知'));

    // The popup was asked for synchronously, inside the tap.
    expect(app.platform.subscribeCalls).toEqual([[TEMPLATES.loginNotice, TEMPLATES.accountChange]]);
    expect(await screen.findByText('已绑定（本人）')).toBeInTheDocument();
    const bind = fake.calls.find((c) => c.method === 'POST' && c.url.endsWith('/binding'));
    expect(bind?.data).toEqual({
      subscriptions: { [TEMPLATES.loginNotice]: 'accept', [TEMPLATES.accountChange]: 'accept' },
    });
    expect(screen.getByText('已绑定你的微信，可接收1次登录通知')).toBeInTheDocument();
    expect(screen.queryByText('绑定微信收登录通知')).not.toBeInTheDocument();
  });

  it('should bind and explain when notifications are switched off in WeChat (20004)', async () => {
    const { app } = setup();
    await screen.findByText('151****1832');
    await waitFor(() => expect(app.store.subscriptions.templateIds).toHaveLength(2));
    app.platform.answerSubscribe(() => ({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 }));

    fireEvent.click(screen.getByText('绑定微信收登录通知'));

    expect(await screen.findByText('已绑定（本人）')).toBeInTheDocument();
    expect(jest.mocked(Taro.showModal).mock.calls.at(-1)?.[0]?.content).toContain('你已关闭订阅消息');
  });

  it('should say what 取消 in the popup means, with one 开启 that asks WeChat again (issue 12)', async () => {
    const { app, fake } = setup();
    await screen.findByText('151****1832');
    await waitFor(() => expect(app.store.subscriptions.templateIds).toHaveLength(2));
    app.platform.answerSubscribe((ids) => ({
      errMsg: 'requestSubscribeMessage:ok',
      ...Object.fromEntries(ids.map((id) => [id, 'reject'])),
    }));

    fireEvent.click(screen.getByText('绑定微信收登录通知'));

    expect(await screen.findByText('已绑定（本人）')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalledWith({ title: '绑定成功', icon: 'success' });
    expect(await screen.findByText('开票系统需要登录时你将收不到通知')).toBeInTheDocument();
    expect(screen.getByText('未开启登录通知')).toBeInTheDocument();

    app.platform.answerSubscribe((ids) => ({
      errMsg: 'requestSubscribeMessage:ok',
      ...Object.fromEntries(ids.map((id) => [id, 'accept'])),
    }));
    fireEvent.click(screen.getByText('开启'));
    expect(app.platform.subscribeCalls).toHaveLength(2);
    expect(await screen.findByText('已绑定你的微信，可接收1次登录通知')).toBeInTheDocument();
    expect(fake.credits[TEMPLATES.loginNotice]).toBe(1);
  });

  it('should unbind my account after the confirm', async () => {
    setup({ bound: 'me', notificationsLeft: 1 });

    fireEvent.click(await screen.findByText('解绑'));

    expect(await screen.findByText('未绑定')).toBeInTheDocument();
    expect(screen.getByText('绑定微信收登录通知')).toBeInTheDocument();
    expect(screen.queryByText('解绑')).not.toBeInTheDocument();
  });

  it('should offer every default choice the account has permission for', async () => {
    const { fake } = setup({ permissions: ['issue', 'receive'] });
    taroMock.tapActionSheets(2);
    const cell = (await screen.findByText('设置默认账号')).closest('.weui-cell')!;
    expect(cell).toHaveTextContent('未设置');

    fireEvent.click(cell);

    await waitFor(() => expect(cell).toHaveTextContent('开票+收票'));
    expect(taroMock.lastActionSheet()).toEqual(['开票', '收票', '开票+收票']);
    expect(fake.account('acc-1')?.defaults).toEqual(['issue', 'receive']);
  });

  it('should save a default only after its 确定 (seed ③), and nothing on 取消', async () => {
    const { fake } = setup({ permissions: ['issue', 'receive'] });
    taroMock.tapActionSheets(2);
    taroMock.answerModals(false);
    fireEvent.click(await screen.findByText('设置默认账号'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(jest.mocked(Taro.showModal).mock.calls.at(-1)?.[0]?.content).toBe('将 151****1832 设为默认开票+收票账号？');
    expect(fake.account('acc-1')?.defaults).toEqual([]);
  });

  it('should not offer a default the account lacks permission for, and say why', async () => {
    setup({ permissions: ['issue'], defaults: ['issue'] });

    fireEvent.click(await screen.findByText('设置默认账号'));

    await waitFor(() => expect(taroMock.lastActionSheet()).toEqual(['开票', '取消默认']));
    expect(screen.getByText('该账号没有收票权限，无法设置为默认收票账号')).toBeInTheDocument();
  });

  it('should offer only 开票+收票 when the enterprise has one account (F8)', async () => {
    setup({ permissions: ['issue', 'receive'] }, 0);

    fireEvent.click(await screen.findByText('设置默认账号'));

    await waitFor(() => expect(taroMock.lastActionSheet()).toEqual(['开票+收票']));
    expect(screen.getByText('企业只有一个账号时，只能设置为“开票+收票”默认账号')).toBeInTheDocument();
  });

  it('should show 删除 in red only when allowed, and delete after the confirm', async () => {
    const { fake } = setup({ bound: 'me' });
    const remove = await screen.findByText('删除');
    expect(remove).toHaveClass('account-edit__delete-text');

    fireEvent.click(remove);

    await waitFor(() => expect(fake.account('acc-1')).toBeUndefined());
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('should offer nothing to change on an account bound to someone else', async () => {
    setup({ bound: 'other', can: { login: false, edit: false, delete: false, changeWechat: true, unlock: false } });

    expect(await screen.findByText('该账号已绑定其他微信，仅绑定的微信用户可以编辑和解绑')).toBeInTheDocument();
    expect(screen.queryByText('绑定微信收登录通知')).not.toBeInTheDocument();
    expect(screen.queryByText('设置默认账号')).not.toBeInTheDocument();
    expect(screen.queryByText('删除')).not.toBeInTheDocument();
    expect(screen.queryByText('修改密码')).not.toBeInTheDocument();
  });
});
