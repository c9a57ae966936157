import { act, fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LoginLinkPage from '../../../src/packages/notify/pages/link/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { createFakeServer } from '../support/fakeServer';
import { installFakeRequests, LINK_TOKEN, REQUEST_SMS_CODE } from '../support/fakeRequests';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());

function setup(token = LINK_TOKEN) {
  taroMock.openWith({ t: token });
  const fake = installFakeRequests(createFakeServer());
  const app = createTestApp({ server: fake.server });
  return { app, fake, open: () => renderPage(LoginLinkPage, app) };
}

async function clickButton(text: string) {
  const buttons = await screen.findAllByText(text);
  fireEvent.click(buttons.find((b) => b.closest('.weui-btn')) ?? buttons[0]);
}

describe('#pages.loginLink', () => {
  it('should log in through the link with no sign-in call at all', async () => {
    const { app, fake, open } = setup();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN, title: '开票登录' });
    open();

    expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(screen.getByText('开票登录')).toBeInTheDocument();
    await clickButton('登录');
    fireEvent.input(await screen.findByPlaceholderText('请输入验证码'), { target: { value: REQUEST_SMS_CODE } });
    await clickButton('登录');

    expect(await screen.findByText('登录成功，开票业务可以继续')).toBeInTheDocument();
    expect(screen.getByText('可以关闭此页面，回到开票系统继续操作')).toBeInTheDocument();
    // No 继续接收登录通知 here: a browser has no WeChat to ask.
    expect(screen.queryByText('继续接收登录通知')).not.toBeInTheDocument();
    expect(app.server.loginCount).toBe(0);
    expect(app.server.requests).toEqual([]);
    expect(app.platform.loginCalls).toBe(0);
    expect(fake.calls.every((c) => new URL(c.url).pathname.startsWith(`/api/v1/link/${LINK_TOKEN}`))).toBe(true);
    expect(fake.calls.every((c) => !c.header.Authorization)).toBe(true);
  });

  it('should say the link was used, and what to do, when opened in another browser', async () => {
    const { fake, open } = setup();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    const first = open();
    await clickButton('登录');
    await screen.findByPlaceholderText('请输入验证码');
    first.unmount();

    // Another browser: nothing of the first one's storage.
    taroMock.storage.clear();
    open();

    expect(await screen.findByText('该链接已使用或已过期')).toBeInTheDocument();
    expect(screen.getByText('请在发票云小程序中处理登录通知，或在开票系统中重新发起登录')).toBeInTheDocument();
    expect(screen.queryByText('福建示例科技有限公司')).not.toBeInTheDocument();
  });

  it('should go on with its flow when the same browser reloads the page', async () => {
    const { fake, open } = setup();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    const first = open();
    await clickButton('登录');
    await screen.findByPlaceholderText('请输入验证码');
    first.unmount();

    open();

    expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(screen.queryByText('该链接已使用或已过期')).not.toBeInTheDocument();
  });

  it('should say the request expired or ended', async () => {
    const expired = setup();
    expired.fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    expired.fake.end('r1', 'expired');
    const view = expired.open();
    expect(await screen.findByText('登录请求已过期')).toBeInTheDocument();
    expect(screen.getByText('登录请求已过期，请在开票系统中重新发起')).toBeInTheDocument();
    view.unmount();

    const done = setup();
    done.fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    done.fake.end('r1', 'done');
    done.open();
    expect(await screen.findByText('登录请求已结束')).toBeInTheDocument();
    expect(screen.getByText('登录已完成，无需再次操作')).toBeInTheDocument();
  });

  it('should say a link that matches nothing is invalid', async () => {
    const { open } = setup('no-such-token-0000000000');
    open();

    expect(await screen.findByText('链接无效')).toBeInTheDocument();
  });

  it('should never show the simulated-user picker, even when sign-in is waiting for one', async () => {
    const { app, fake, open } = setup();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    act(() => void app.store.session.askForSimulatedUser());
    open();

    expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(screen.queryByText('选择模拟微信用户')).not.toBeInTheDocument();
  });

  it('should hide the browser bar’s 🏠, which would lead to the sign-in, while the link page shows', async () => {
    // Taro's browser navigation bar, as it stands when a page opened first: 🏠 in place of ‹.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div id="taro-navigation-bar" class="taro-navigation-bar-home-icon"><div class="taro-navigation-bar-home" title="home"></div></div>',
    );
    const home = document.querySelector('.taro-navigation-bar-home') as HTMLElement;
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'h5';
    try {
      const { fake, open } = setup();
      fake.addRequest({ id: 'r1', token: LINK_TOKEN });
      expect(home).toBeVisible();
      const page = open();

      expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
      expect(home).not.toBeVisible();
      page.unmount();
      // The bar is shared: the next page has its 🏠 or ‹ again.
      expect(home).toBeVisible();
    } finally {
      process.env.TARO_ENV = env;
      document.getElementById('taro-navigation-bar')?.remove();
    }
  });

  it('should hide WeChat’s 🏠 on the link page in the mini program', async () => {
    const { fake, open } = setup();
    fake.addRequest({ id: 'r1', token: LINK_TOKEN });
    open();

    expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(Taro.hideHomeButton).toHaveBeenCalled();
  });
});
