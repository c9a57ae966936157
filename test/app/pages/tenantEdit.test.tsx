import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TenantEditPage from '../../../src/packages/tenants/pages/edit/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { enterprise, tenant } from '../support/fixtures';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());

function appWithTwoTenants() {
  const app = createTestApp();
  app.server.addMember('alice', tenant({ id: 'tenant-a', name: '金蝶演示租户', enterprises: [enterprise()] }));
  app.server.addMember('alice', tenant({ id: 'tenant-b', name: '第二个租户' }));
  return app;
}

describe('#pages.tenantEdit', () => {
  it('should list my tenants', async () => {
    renderPage(TenantEditPage, appWithTwoTenants());

    expect(await screen.findByText('金蝶演示租户')).toBeInTheDocument();
    expect(screen.getByText('第二个租户')).toBeInTheDocument();
    expect(screen.getByText('1 家企业')).toBeInTheDocument();
  });

  it('should open the add page from 新增', async () => {
    renderPage(TenantEditPage, appWithTwoTenants());
    await screen.findByText('金蝶演示租户');

    fireEvent.click(screen.getByText('新增'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/tenants/pages/add/index' });
  });

  it('should do nothing on 解绑 until a tenant is selected', async () => {
    renderPage(TenantEditPage, appWithTwoTenants());
    await screen.findByText('金蝶演示租户');

    fireEvent.click(screen.getByText('解绑'));

    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('should remove the selected tenant after 解绑 and 确定', async () => {
    const app = appWithTwoTenants();
    renderPage(TenantEditPage, app);
    fireEvent.click(await screen.findByText('金蝶演示租户'));

    fireEvent.click(screen.getByText('解绑'));

    await waitFor(() => expect(screen.queryByText('金蝶演示租户')).not.toBeInTheDocument());
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '解绑租户',
        confirmText: '确定',
        content: expect.stringContaining('金蝶演示租户'),
      }),
    );
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已解绑', icon: 'success' });
    expect(screen.getByText('第二个租户')).toBeInTheDocument();
    expect(app.server.requests.at(-1)).toMatchObject({ method: 'DELETE', url: expect.stringContaining('tenant-a') });
  });

  it('should say in the confirm which of my bindings and admin roles end with the tenant', async () => {
    const app = createTestApp();
    app.server.addMember(
      'alice',
      tenant({
        id: 'tenant-a',
        name: '金蝶演示租户',
        enterprises: [
          enterprise({ accountCount: 4, myBoundCount: 2, admin: { state: 'me', names: ['李*'] } }),
          enterprise({ accountCount: 1, myBoundCount: 1 }),
        ],
      }),
    );
    taroMock.answerModals(false);
    renderPage(TenantEditPage, app);
    fireEvent.click(await screen.findByText('金蝶演示租户'));

    fireEvent.click(screen.getByText('解绑'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    const { content } = jest.mocked(Taro.showModal).mock.calls[0][0] as { content: string };
    expect(content).toContain('你在该租户绑定的 3 个账号将解绑');
    expect(content).toContain('你将不再是 1 家企业的数电配置管理员');
  });

  it('should keep the tenant when the confirm is cancelled', async () => {
    const app = appWithTwoTenants();
    taroMock.answerModals(false);
    renderPage(TenantEditPage, app);
    fireEvent.click(await screen.findByText('金蝶演示租户'));

    fireEvent.click(screen.getByText('解绑'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(screen.getByText('金蝶演示租户')).toBeInTheDocument();
    expect(app.server.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('should say what to do when I have no tenant', async () => {
    renderPage(TenantEditPage, createTestApp());

    expect(await screen.findByText('还没有关联租户，点击新增添加')).toBeInTheDocument();
  });
});
