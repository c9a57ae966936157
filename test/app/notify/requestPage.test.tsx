import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LoginRequestPage from '../../../src/packages/notify/pages/request/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts, TEMPLATES } from '../support/fakeAccounts';
import { createFakeServer } from '../support/fakeServer';
import { installFakeRequests, REQUEST_SMS_CODE } from '../support/fakeRequests';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());
afterEach(() => jest.useRealTimers());

function setup(id = 'r1') {
  taroMock.openWith({ id });
  const fakeRequests = installFakeRequests(createFakeServer());
  const fakeAccounts = installFakeAccounts(fakeRequests.server);
  const app = createTestApp({ server: fakeRequests.server });
  return { app, fake: fakeRequests, fakeAccounts, open: () => renderPage(LoginRequestPage, app) };
}

async function enterCode(code: string) {
  fireEvent.input(await screen.findByPlaceholderText('请输入验证码'), { target: { value: code } });
  fireEvent.click(screen.getByText('登录'));
}

describe('#pages.loginRequest', () => {
  it('should show what is asked, then finish the login with the SMS code', async () => {
    const { fake, open } = setup();
    fake.addRequest({
      id: 'r1',
      enterprise: { name: '福建示例科技有限公司', taxId: '91350100M000100Y43', region: '福建' },
      channel: 'issue',
      purpose: 'login',
      title: '开票登录',
      maskedAccount: '151****1832',
    });
    open();

    expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(screen.getByText('91350100M000100Y43')).toBeInTheDocument();
    expect(screen.getByText('开票业务')).toBeInTheDocument();
    expect(screen.getByText('开票登录')).toBeInTheDocument();
    expect(screen.getByText('151****1832')).toBeInTheDocument();
    expect(screen.getByText(/^10分钟内有效/)).toBeInTheDocument();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '开票登录' });
    expect(screen.getByText('扫码登录')).toBeInTheDocument();

    fireEvent.click(screen.getByText('登录'));
    await enterCode(REQUEST_SMS_CODE);

    // The same ✓ result page as a login from the account list (issue 12 #10).
    expect((await screen.findByText('登录成功，开票业务可以继续')).closest('.weui-msg')).toHaveTextContent('✓');
    expect(fake.view('r1').status).toBe('done');
  });

  it('should keep the code step with the bureau’s words when the code is wrong', async () => {
    const { fake, open } = setup();
    fake.addRequest({ id: 'r1' });
    open();
    fireEvent.click(await screen.findByText('登录'));

    await enterCode('000000');

    expect(await screen.findByText('短信验证码错误，您还可以尝试4次！')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('请输入验证码')).toBeInTheDocument();
    expect(fake.view('r1').status).toBe('pending');
  });

  it('should continue with 认证 after the login a 认证 request needed, and finish it', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { fake, open } = setup();
    fake.addRequest({ id: 'r1', channel: 'receive', purpose: 'auth', title: '收票认证', next: 'login' });
    open();
    await act(() => jest.advanceTimersByTimeAsync(10));
    expect(screen.getByText('收票业务需要认证，认证前需先登录电子税局，登录后继续认证')).toBeInTheDocument();

    fireEvent.click(screen.getByText('登录'));
    await act(() => jest.advanceTimersByTimeAsync(10));
    fireEvent.input(screen.getByPlaceholderText('请输入验证码'), { target: { value: REQUEST_SMS_CODE } });
    fireEvent.click(screen.getByText('登录'));
    await act(() => jest.advanceTimersByTimeAsync(10));

    // On with the face check at once.
    expect(screen.getByText('登录成功，请继续完成认证')).toBeInTheDocument();
    expect(screen.getByText('请使用税务APP扫描二维码，完成人脸认证')).toBeInTheDocument();
    expect(fake.flows.map((f) => f.purpose)).toEqual(['login', 'auth']);

    fake.confirmCurrent();
    await act(() => jest.advanceTimersByTimeAsync(2000));
    await act(() => jest.advanceTimersByTimeAsync(10));

    expect(screen.getByText('认证成功，收票业务可以继续')).toBeInTheDocument();
  });

  it('should start with 认证 when the session is live, with 扫码 only', async () => {
    const { fake, open } = setup();
    fake.addRequest({ id: 'r1', purpose: 'auth', title: '开票认证', next: 'auth' });
    open();

    fireEvent.click(await screen.findByText('认证'));

    expect(await screen.findByText('请使用税务APP扫描二维码，完成人脸认证')).toBeInTheDocument();
    expect(screen.queryByText('扫码登录')).not.toBeInTheDocument();
  });

  it('should show nothing of a request of someone else', async () => {
    const { fake, open } = setup('bobs');
    fake.addRequest({ id: 'bobs', holder: 'bob', enterprise: { name: '别人的企业', taxId: 'X', region: '福建' } });
    open();

    expect(await screen.findByText('该登录通知不存在或不属于您')).toBeInTheDocument();
    expect(screen.queryByText('别人的企业')).not.toBeInTheDocument();
    expect(screen.queryByText('151****1832')).not.toBeInTheDocument();
    expect(screen.queryByText('登录')).not.toBeInTheDocument();
  });

  it('should say clearly when the request failed or expired, with nothing to start', async () => {
    const failed = setup('r1');
    failed.fake.addRequest({ id: 'r1' });
    failed.fake.end('r1', 'failed', '密码错误，您还可以尝试4次');
    const view = failed.open();
    expect(await screen.findByText('登录未完成')).toBeInTheDocument();
    expect(screen.getByText('密码错误，您还可以尝试4次')).toBeInTheDocument();
    expect(screen.queryByText('扫码登录')).not.toBeInTheDocument();
    view.unmount();

    const expired = setup('r2');
    expired.fake.addRequest({ id: 'r2' });
    expired.fake.end('r2', 'expired', '登录请求已过期：未在有效期内完成登录');
    expired.open();
    expect(await screen.findByText('登录通知已过期')).toBeInTheDocument();
    expect(screen.getByText('登录请求已过期：未在有效期内完成登录')).toBeInTheDocument();
  });

  it('should ask WeChat again in the 继续接收登录通知 tap after the login, and record it', async () => {
    const { app, fake, fakeAccounts, open } = setup();
    fake.addRequest({ id: 'r1' });
    open();
    fireEvent.click(await screen.findByText('登录'));
    await enterCode(REQUEST_SMS_CODE);
    expect(await screen.findByText('登录通知已用完，点击继续接收')).toHaveClass('weui-msg__hint_warn');

    fireEvent.click(screen.getByText('继续接收登录通知'));

    expect(app.platform.subscribeCalls).toEqual([[TEMPLATES.loginNotice, TEMPLATES.accountChange]]);
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已开启登录通知', icon: 'success' }));
    const recorded = fakeAccounts.calls.find((c) => c.method === 'POST' && c.url.endsWith('/me/subscriptions'));
    expect(recorded?.data).toEqual({
      subscriptions: { [TEMPLATES.loginNotice]: 'accept', [TEMPLATES.accountChange]: 'accept' },
    });
    expect(await screen.findByText('当前还可接收1次登录通知')).toBeInTheDocument();
  });
});
