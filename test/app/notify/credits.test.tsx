import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AccountListPage from '../../../src/packages/accounts/pages/list/index';
import AccountLoginPage from '../../../src/packages/accounts/pages/login/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts, SMS_CODE, TEMPLATES } from '../support/fakeAccounts';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());

function setup(notificationsLeft: number) {
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1' });
  fake.addAccount('ent-1', { id: 'acc-1', maskedAccount: '151****1832', bound: 'me', notificationsLeft });
  fake.credits[TEMPLATES.loginNotice] = notificationsLeft;
  return { app, fake };
}

const accountListLoads = (fake: ReturnType<typeof setup>['fake']) =>
  fake.calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname.endsWith('/enterprises/ent-1/accounts'))
    .length;

describe('#credits (F20) on 电子税局账号管理', () => {
  it('should show how many 登录通知 are left for my bound account', async () => {
    const { app } = setup(3);
    taroMock.openWith({ enterpriseId: 'ent-1' });
    renderPage(AccountListPage, app);

    expect(await screen.findByText(/可接收3次登录通知/)).toBeInTheDocument();
    expect(screen.queryByText(/未开启登录通知/)).not.toBeInTheDocument();
  });

  it('should say plainly in orange what none left means, and ask WeChat in the 开启 tap, then refresh', async () => {
    const { app, fake } = setup(0);
    taroMock.openWith({ enterpriseId: 'ent-1' });
    renderPage(AccountListPage, app);

    const warning = (await screen.findByText(/未开启登录通知，开票系统需要登录时你将收不到通知/)).closest(
      '.account-card__hint',
    );
    expect(warning).toHaveClass('account-card__hint_warn');
    await waitFor(() => expect(app.store.subscriptions.templates).not.toBeNull());
    const loadsBefore = accountListLoads(fake);

    fireEvent.click(screen.getByText('开启'));

    expect(app.platform.subscribeCalls).toEqual([[TEMPLATES.loginNotice, TEMPLATES.accountChange]]);
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已开启登录通知', icon: 'success' }));
    expect(fake.credits[TEMPLATES.loginNotice]).toBe(1);
    await waitFor(() => expect(accountListLoads(fake)).toBe(loadsBefore + 1));
  });
});

describe('#credits (F20) after a login', () => {
  it('should offer 继续接收登录通知 after logging in my bound account, asking WeChat in the tap', async () => {
    const { app } = setup(0);
    taroMock.openWith({ accountId: 'acc-1', channel: 'issue' });
    renderPage(AccountLoginPage, app);
    const loginButton = async () =>
      (await screen.findAllByText('登录')).find((e) => e.closest('.weui-btn')) as HTMLElement;

    fireEvent.click(await loginButton());
    fireEvent.input(await screen.findByPlaceholderText('请输入验证码'), { target: { value: SMS_CODE } });
    fireEvent.click(await loginButton());

    expect(await screen.findByText('登录成功，开票业务可以继续')).toBeInTheDocument();
    expect(screen.getByText('登录通知已用完，点击继续接收')).toBeInTheDocument();
    expect(Taro.navigateBack).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('继续接收登录通知'));

    expect(app.platform.subscribeCalls).toHaveLength(1);
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('should end with 返回 alone after logging in an account not bound to me', async () => {
    const { app, fake } = setup(0);
    fake.addAccount('ent-1', { id: 'acc-2', bound: 'none' });
    taroMock.openWith({ accountId: 'acc-2', channel: 'issue' });
    renderPage(AccountLoginPage, app);
    const loginButton = async () =>
      (await screen.findAllByText('登录')).find((e) => e.closest('.weui-btn')) as HTMLElement;

    fireEvent.click(await loginButton());
    fireEvent.input(await screen.findByPlaceholderText('请输入验证码'), { target: { value: SMS_CODE } });
    fireEvent.click(await loginButton());

    expect(await screen.findByText('登录成功，开票业务可以继续')).toBeInTheDocument();
    expect(screen.queryByText('继续接收登录通知')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('返回'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });
});
