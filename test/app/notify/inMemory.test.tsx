/**
 * Issue 12 defect 16: the 登录通知 page opened from its message while the app is in memory. The
 * page the user was on (新增账号, 登录 …) shares the app's FlowStore and may be unloaded only after
 * the new page showed — WeChat and the browser router both unload a page late (after its exit
 * animation). Its leaving must not end the flow the 登录通知 page has started, nor may that page take
 * the old page's finished flow for its own.
 */
import { act, fireEvent, render, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LoginRequestPage from '../../../src/packages/notify/pages/request/index';
import AccountLoginPage from '../../../src/packages/accounts/pages/login/index';
import { StoreContext } from '../../../src/stores';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts } from '../support/fakeAccounts';
import { createFakeServer } from '../support/fakeServer';
import { installFakeRequests, REQUEST_SMS_CODE } from '../support/fakeRequests';

beforeEach(() => taroMock.reset());

function setup() {
  taroMock.openWith({ id: 'r1' });
  const fake = installFakeRequests(createFakeServer());
  installFakeAccounts(fake.server);
  const app = createTestApp({ server: fake.server });
  fake.addRequest({ id: 'r1' });
  const page = (Page: () => JSX.Element | null) => (
    <StoreContext.Provider value={app.store}>
      <Page />
    </StoreContext.Provider>
  );
  return { app, fake, page };
}

describe('#pages.loginRequest in memory', () => {
  it('should keep the login the tap started when the page left before is unloaded late', async () => {
    const { fake, page } = setup();
    // The page the user was on, still mounted while its exit runs.
    const before = render(page(AccountLoginPage));
    const now = within(render(page(LoginRequestPage)).container as HTMLElement);

    fireEvent.click(await now.findByText('登录'));
    expect(await now.findByPlaceholderText('请输入验证码')).toBeInTheDocument();
    expect(fake.flows).toHaveLength(1);

    before.unmount();
    await act(() => Promise.resolve());

    // The tap acted: its SMS step stays, and the code finishes the request.
    fireEvent.input(now.getByPlaceholderText('请输入验证码'), { target: { value: REQUEST_SMS_CODE } });
    fireEvent.click(now.getByText('登录'));
    expect(await now.findByText('登录成功，开票业务可以继续')).toBeInTheDocument();
    expect(fake.view('r1').status).toBe('done');
  });

  it('should leave the page underneath out of the flow it did not start', async () => {
    const { page } = setup();
    const under = within(render(page(AccountLoginPage)).container as HTMLElement);
    const now = within(render(page(LoginRequestPage)).container as HTMLElement);

    fireEvent.click(await now.findByText('登录'));
    fireEvent.input(await now.findByPlaceholderText('请输入验证码'), { target: { value: REQUEST_SMS_CODE } });
    expect(under.queryByPlaceholderText('请输入验证码')).not.toBeInTheDocument();
    fireEvent.click(now.getByText('登录'));
    expect(await now.findByText('登录成功，开票业务可以继续')).toBeInTheDocument();

    // The login page underneath neither claims that success nor leaves the 登录通知 page.
    expect(Taro.showToast).not.toHaveBeenCalledWith({ title: '登录成功', icon: 'success' });
    expect(Taro.navigateBack).not.toHaveBeenCalled();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
