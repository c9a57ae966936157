import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('should count my accounts that need me (已掉线, 即将到期) and lead to the first enterprise with one', async () => {
    const app = createTestApp();
    const needing = enterprise({ ...fujian, id: 'ent-need', myNeedingCount: 2 });
    app.server.addMember('alice', tenant({ name: '金蝶演示租户', enterprises: [xiamen, needing] }));

    renderPage(HomePage, app);

    const row = (await screen.findByText('我的账号需处理')).closest('.weui-cell') as HTMLElement;
    expect(within(row).getByText('2')).toHaveClass('home__badge_warn');
    expect(screen.getByText('2 个我的账号已掉线或即将到期')).toBeInTheDocument();
    fireEvent.click(row);
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({
        url: '/packages/accounts/pages/list/index?enterpriseId=ent-need',
      }),
    );
  });

  it('should show no such row when none of my accounts needs me', async () => {
    const app = createTestApp();
    app.server.addMember('alice', tenant({ enterprises: [fujian] }));
    renderPage(HomePage, app);
    expect(await screen.findByText('福建示例科技有限公司')).toBeInTheDocument();
    expect(screen.queryByText('我的账号需处理')).not.toBeInTheDocument();
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

  it('should offer 解绑 only where I have bound accounts, and unbind them after the seed’s warning naming how many (F2)', async () => {
    const app = createTestApp();
    const mine = enterprise({ id: 'ent-mine', name: '我绑定的企业', accountCount: 2, myBoundCount: 2 });
    const none = enterprise({ id: 'ent-none', name: '未绑定的企业', accountCount: 1, myBoundCount: 0 });
    app.server.addMember('alice', tenant({ enterprises: [mine, none] }));
    const deletes: string[] = [];
    app.server.use((request) => {
      if (request.method !== 'DELETE' || !request.url.endsWith('/bindings')) return undefined;
      deletes.push(new URL(request.url).pathname);
      mine.myBoundCount = 0;
      return { statusCode: 204, data: undefined };
    });
    renderPage(HomePage, app);
    await screen.findByText('我绑定的企业');

    const unbind = screen.getAllByText('解绑');
    expect(unbind).toHaveLength(1);
    expect(unbind[0].closest('.weui-cell')).toHaveTextContent('我绑定的企业');

    taroMock.answerModals(false);
    fireEvent.click(unbind[0]);
    await act(async () => undefined);
    expect(deletes).toEqual([]);

    taroMock.answerModals(true);
    fireEvent.click(unbind[0]);

    await waitFor(() => expect(screen.queryByText('解绑')).not.toBeInTheDocument());
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]?.content).toBe(
      '将解绑你在该企业绑定的 2 个账号。解绑后将无法通过微信登录电子发票服务平台',
    );
    expect(deletes).toEqual(['/api/v1/enterprises/ent-mine/bindings']);
    expect(screen.getByText('共 2 个账号 · 我已绑定 0 个')).toBeInTheDocument();
  });
});
