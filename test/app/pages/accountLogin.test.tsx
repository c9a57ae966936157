import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ChangeWechatPage from '../../../src/packages/accounts/pages/change-wechat/index';
import AccountLoginPage from '../../../src/packages/accounts/pages/login/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts, SMS_CODE } from '../support/fakeAccounts';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());
afterEach(() => jest.useRealTimers());

function setup(Page: typeof AccountLoginPage, params: Record<string, string>) {
  taroMock.openWith(params);
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1', taxId: '91350100M000100Y43' });
  fake.addAccount('ent-1', { id: 'acc-1', maskedAccount: '151****1832', permissions: ['issue', 'receive'] });
  const view = renderPage(Page, app);
  return { app, fake, view };
}

describe('#pages.accountLogin', () => {
  it('should log in with 登录 and the 验证码, and end on the ✓ result page a 登录通知 ends on (issue 12 #10)', async () => {
    const { fake } = setup(AccountLoginPage, { accountId: 'acc-1', channel: 'receive' });
    expect(await screen.findByText('收票业务')).toBeInTheDocument();

    fireEvent.click(screen.getByText('登录'));
    fireEvent.input(await screen.findByPlaceholderText('请输入验证码'), { target: { value: SMS_CODE } });
    fireEvent.click(screen.getByText('登录'));

    const result = await screen.findByText('登录成功，收票业务可以继续');
    expect(result.closest('.weui-msg')).toHaveTextContent('✓');
    expect(Taro.showToast).not.toHaveBeenCalledWith({ title: '登录成功', icon: 'success' });
    expect(fake.flows[0].start.body).toMatchObject({ purpose: 'login', channel: 'receive', method: 'password' });
    expect(fake.account('acc-1')?.sessions.receive).toBeDefined();
  });

  it('should show the QR with 刷新二维码, switch to 个人所得税APP, and notice the scan', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { fake } = setup(AccountLoginPage, { accountId: 'acc-1', channel: 'issue' });
    await act(() => jest.advanceTimersByTimeAsync(10));

    fireEvent.click(screen.getByText('扫码登录'));
    await act(() => jest.advanceTimersByTimeAsync(10));

    expect(document.querySelector('.flow-steps__qr img')?.getAttribute('src')).toBe('data:image/png;base64,QR1tax');
    expect(screen.getByText('请使用税务APP扫描二维码，并在APP中确认登录')).toBeInTheDocument();

    fireEvent.click(screen.getByText('个人所得税APP'));
    await act(() => jest.advanceTimersByTimeAsync(10));
    expect(screen.getByText('请使用个人所得税APP扫描二维码，并在APP中确认登录')).toBeInTheDocument();

    fake.expireQr();
    await act(() => jest.advanceTimersByTimeAsync(2000));
    expect(screen.getByText('二维码已过期，请刷新二维码')).toBeInTheDocument();

    fireEvent.click(screen.getByText('刷新二维码'));
    await act(() => jest.advanceTimersByTimeAsync(10));
    expect(screen.queryByText('二维码已过期，请刷新二维码')).not.toBeInTheDocument();

    fake.confirmCurrent();
    await act(() => jest.advanceTimersByTimeAsync(2000));
    expect(screen.getByText('登录成功，开票业务可以继续')).toBeInTheDocument();
  });

  it('should show the face-check QR at once for 认证, and cancel it when the page is left', async () => {
    const { fake, view } = setup(AccountLoginPage, { accountId: 'acc-1', purpose: 'auth' });

    expect(await screen.findByText('请使用税务APP扫描二维码，完成人脸认证')).toBeInTheDocument();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '认证' });
    expect(fake.flows[0].start.body).toMatchObject({ purpose: 'auth', method: 'qr' });

    view.unmount();

    await waitFor(() => expect(fake.flows[0].failure?.code).toBe('cancelled'));
  });

  it('should sign the agreement on 确认', async () => {
    const { fake } = setup(AccountLoginPage, { accountId: 'acc-1', channel: 'issue' });
    fake.nextFlow(['agreement', 'done']);
    fireEvent.click(await screen.findByText('登录'));

    expect(await screen.findByText('电子税务局用户服务协议')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认'));

    expect(await screen.findByText('登录成功，开票业务可以继续')).toBeInTheDocument();
  });
});

describe('#pages.changeWechat', () => {
  it('should prove the holder with the password and the 验证码, then move the binding', async () => {
    const { fake } = setup(ChangeWechatPage, { accountId: 'acc-1' });
    await screen.findByText('151****1832');

    fireEvent.click(screen.getByText('登录'));
    expect(screen.getByText('请输入密码')).toBeInTheDocument();

    fireEvent.input(screen.getByPlaceholderText('请输入电子税局密码'), { target: { value: 'Secret#123' } });
    fireEvent.click(screen.getByText('登录'));
    fireEvent.input(await screen.findByPlaceholderText('请输入验证码'), { target: { value: SMS_CODE } });
    fireEvent.click(screen.getByText('登录'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '更换成功', icon: 'success' }));
    // The test device has no 指纹 or 面容: the app says so explicitly (SOTER, issue 14 part 5).
    expect(fake.flows[0].start.body).toEqual({
      purpose: 'change_wechat',
      password: 'Secret#123',
      soter: { unavailable: true },
    });
    expect(fake.account('acc-1')?.bound).toBe('me');
  });

  it('should show the bureau’s words for a wrong password and keep it typed', async () => {
    const { fake } = setup(ChangeWechatPage, { accountId: 'acc-1' });
    fake.refuseNextStart(400, 'etax_wrong_password', '用户名或密码错误，您还可以尝试4次！');
    await screen.findByText('151****1832');

    fireEvent.input(screen.getByPlaceholderText('请输入电子税局密码'), { target: { value: 'Wrong#123' } });
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('用户名或密码错误，您还可以尝试4次！')).toBeInTheDocument();
    expect((screen.getByPlaceholderText('请输入电子税局密码') as HTMLInputElement).value).toBe('Wrong#123');
  });
});
