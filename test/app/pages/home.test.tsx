import { act, fireEvent, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '../../../src/pages/index/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { enterprise, tenant } from '../support/fixtures';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());

const fujian = enterprise({
  id: 'ent-fj',
  name: '福建示例科技有限公司',
  taxId: '91350100M000100Y43',
  region: '福建',
  accountCount: 3,
  myBoundCount: 1,
  admin: { state: 'other', names: ['张*'] },
});
const xiamen = enterprise({
  id: 'ent-xm',
  name: '厦门测试贸易有限公司',
  taxId: '350100123456789',
  region: '厦门',
  accountCount: 2,
  myBoundCount: 0,
  admin: { state: 'me', names: [] },
});

describe('#pages.home', () => {
  it('should list my tenants with their enterprises, counts and admin status', async () => {
    const app = createTestApp();
    app.server.addMember('alice', tenant({ name: '金蝶演示租户', enterprises: [fujian, xiamen] }));
    app.server.addMember('alice', tenant({ name: '第二个租户', enterprises: [] }));

    renderPage(HomePage, app);

    expect(await screen.findByText('金蝶演示租户')).toBeInTheDocument();
    expect(screen.getByText('第二个租户')).toBeInTheDocument();
    expect(screen.getByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(screen.getByText(/91350100M000100Y43/)).toHaveTextContent('税号 91350100M000100Y43 · 福建');
    expect(screen.getAllByText('电子税局账号管理')).toHaveLength(2);
    expect(screen.getByText('共 3 个账号 · 我已绑定 1 个')).toBeInTheDocument();
    expect(screen.getByText('共 2 个账号 · 我已绑定 0 个')).toBeInTheDocument();
    expect(screen.getAllByText('数电配置管理员')).toHaveLength(2);
    expect(screen.getByText('张*')).toBeInTheDocument();
    expect(screen.getByText('本人')).toBeInTheDocument();
    expect(screen.getByText('该租户下还没有企业')).toBeInTheDocument();
  });

  it('should say what to do when I have no tenant', async () => {
    renderPage(HomePage, createTestApp());

    expect(await screen.findByText('还没有关联租户，点击编辑添加')).toBeInTheDocument();
  });

  it('should show 未绑定 when an enterprise has no admin', async () => {
    const app = createTestApp();
    app.server.addMember('alice', tenant({ enterprises: [enterprise({ name: '无管理员企业' })] }));

    renderPage(HomePage, app);

    await screen.findByText('无管理员企业');
    expect(screen.getByText('未绑定')).toBeInTheDocument();
  });

  it('should open the enterprise’s 电子税局账号管理', async () => {
    const app = createTestApp();
    app.server.addMember('alice', tenant({ enterprises: [fujian] }));
    renderPage(HomePage, app);

    fireEvent.click(await screen.findByText('电子税局账号管理'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/accounts/pages/list/index?enterpriseId=ent-fj' });
  });

  it('should open tenant editing from 编辑', async () => {
    renderPage(HomePage, createTestApp());
    await screen.findByText('还没有关联租户，点击编辑添加');

    fireEvent.click(screen.getByText('编辑'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/tenants/pages/edit/index' });
  });

  it('should show a tenant joined elsewhere after a pull-down refresh', async () => {
    const app = createTestApp();
    renderPage(HomePage, app);
    await screen.findByText('还没有关联租户，点击编辑添加');

    app.server.addMember('alice', tenant({ name: '新加入的租户', enterprises: [fujian] }));
    await act(() => taroMock.pullDownRefresh());

    expect(screen.getByText('新加入的租户')).toBeInTheDocument();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('should show why loading failed and load again on 重试', async () => {
    const app = createTestApp();
    app.server.addMember('alice', tenant({ name: '金蝶演示租户', enterprises: [fujian] }));
    app.server.dropNext();
    renderPage(HomePage, app);

    const error = await screen.findByText('网络连接失败，请检查网络后重试');
    fireEvent.click(within(error.parentElement!).getByText('重试'));

    expect(await screen.findByText('金蝶演示租户')).toBeInTheDocument();
  });
});
