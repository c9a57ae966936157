import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '../../../src/pages/index/index';
import LoginRequestListPage from '../../../src/packages/notify/pages/list/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { createFakeServer } from '../support/fakeServer';
import { installFakeRequests } from '../support/fakeRequests';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());

function setup() {
  const fake = installFakeRequests(createFakeServer());
  const app = createTestApp({ server: fake.server });
  return { app, fake };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('#pages.loginRequestList', () => {
  it('should say there is nothing to do when no request is pending', async () => {
    const { app, fake } = setup();
    fake.addRequest({ id: 'bobs', holder: 'bob' });

    renderPage(LoginRequestListPage, app);

    expect(await screen.findByText('暂无待处理的登录通知')).toBeInTheDocument();
  });

  it('should list my pending requests newest first, each opening its page', async () => {
    const { app, fake } = setup();
    fake.addRequest({ id: 'older', title: '收票登录', channel: 'receive', createdAt: minutesAgo(6) });
    fake.addRequest({ id: 'newer', title: '开票认证', purpose: 'auth', createdAt: minutesAgo(1) });

    renderPage(LoginRequestListPage, app);

    expect(await screen.findByText('开票认证')).toBeInTheDocument();
    const titles = Array.from(
      document.querySelectorAll('.login-requests__item .weui-cell__title'),
      (e) => e.textContent,
    );
    expect(titles).toEqual(['开票认证', '收票登录']);
    expect(screen.getAllByText('福建示例科技有限公司')).toHaveLength(2);
    expect(screen.getAllByText('· 151****1832')).toHaveLength(2);

    fireEvent.click(screen.getByText('收票登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notify/pages/request/index?id=older' });
  });

  it('should load again on pull-down', async () => {
    const { app, fake } = setup();
    renderPage(LoginRequestListPage, app);
    expect(await screen.findByText('暂无待处理的登录通知')).toBeInTheDocument();

    fake.addRequest({ id: 'r1', title: '开票登录' });
    await act(() => taroMock.pullDownRefresh());

    expect(screen.getByText('开票登录')).toBeInTheDocument();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});

describe('#pages.home 登录通知', () => {
  it('should show how many requests are pending, and open the list', async () => {
    const { app, fake } = setup();
    fake.addRequest({ id: 'r1' });
    fake.addRequest({ id: 'r2' });

    renderPage(HomePage, app);

    await waitFor(() => expect(document.querySelector('.home__badge')?.textContent).toBe('2'));
    fireEvent.click(screen.getByText('登录通知'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notify/pages/list/index' });
  });

  it('should show no badge when nothing is pending', async () => {
    const { app } = setup();

    renderPage(HomePage, app);

    expect(await screen.findByText('还没有关联租户，点击编辑添加')).toBeInTheDocument();
    expect(screen.getByText('登录通知')).toBeInTheDocument();
    expect(document.querySelector('.home__badge')).toBeNull();
  });
});
