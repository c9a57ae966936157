/** Where 数电配置管理员 and 修改密码 are reached from: 个人中心, 编辑, and 删除 in the list for an admin. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AccountView } from '../../../types/accounts';
import AccountEditPage from '../../../src/packages/accounts/pages/edit/index';
import AccountListPage from '../../../src/packages/accounts/pages/list/index';
import HomePage from '../../../src/pages/index/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts } from '../support/fakeAccounts';
import { enterprise, tenant } from '../support/fixtures';
import { renderPage } from '../support/render';

beforeEach(() => {
  taroMock.reset();
});

describe('#pages.home 数电配置管理员 row', () => {
  it('should offer 申请绑定 where I am not admin, and open the admins page from the row', async () => {
    const app = createTestApp();
    app.server.addMember(
      'alice',
      tenant({
        enterprises: [
          enterprise({ id: 'ent-none', name: '无管理员企业' }),
          enterprise({ id: 'ent-me', name: '我是管理员的企业', admin: { state: 'me', names: [] } }),
        ],
      }),
    );
    renderPage(HomePage, app);
    await screen.findByText('无管理员企业');

    const applies = screen.getAllByText('申请绑定');
    expect(applies).toHaveLength(1);
    fireEvent.click(applies[0]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/admin/pages/apply/index?enterpriseId=ent-none',
    });
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByText('本人'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/index/index?enterpriseId=ent-me' });
  });
});

function setupAccount(account: Partial<AccountView>, isAdmin = false) {
  const app = createTestApp();
  const fake = installFakeAccounts(app.server);
  fake.isAdmin = isAdmin;
  fake.addEnterprise({ id: 'ent-1' });
  fake.addAccount('ent-1', { id: 'acc-1', maskedAccount: '151****1832', ...account });
  fake.addAccount('ent-1', { id: 'acc-2', maskedAccount: '139****0001' });
  return { app, fake };
}

describe('#pages.accountEdit 修改密码', () => {
  beforeEach(() => taroMock.openWith({ accountId: 'acc-1' }));

  it('should offer the seed’s two ways and open the chosen page', async () => {
    const { app } = setupAccount({ bound: 'me' });
    renderPage(AccountEditPage, app);
    taroMock.tapActionSheets(0, 1);

    fireEvent.click(await screen.findByText('修改密码'));
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/password/pages/reset/index?accountId=acc-1' }),
    );
    expect(taroMock.lastActionSheet()).toEqual(['重置税局密码', '已在税局修改，仅更新发票云']);

    fireEvent.click(screen.getByText('修改密码'));
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/password/pages/sync/index?accountId=acc-1' }),
    );
  });

  it('should open nothing when the sheet is dismissed', async () => {
    const { app } = setupAccount({ bound: 'none' });
    renderPage(AccountEditPage, app);

    fireEvent.click(await screen.findByText('修改密码'));

    await waitFor(() => expect(Taro.showActionSheet).toHaveBeenCalled());
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('#pages.accountList admin 删除', () => {
  beforeEach(() => taroMock.openWith({ enterpriseId: 'ent-1' }));

  it('should let an admin delete an account bound to someone else, saying that user will be told', async () => {
    const { app, fake } = setupAccount(
      {
        bound: 'other',
        can: { login: false, edit: false, delete: true, changeWechat: true, unlock: false },
      },
      true,
    );
    renderPage(AccountListPage, app);
    expect(await screen.findByText('数电配置管理员')).toBeInTheDocument();
    const card = screen.getByText('151****1832').closest('.account-card')!;
    taroMock.tapActionSheets(0);

    fireEvent.click(card.querySelector('.account-card__actions')!.lastChild as Element);

    await waitFor(() => expect(fake.account('acc-1')).toBeUndefined());
    expect(taroMock.lastActionSheet()).toEqual(['删除', '更换微信']);
    const confirm = jest.mocked(Taro.showModal).mock.calls[0][0];
    expect(confirm?.content).toBe(
      '该账号已绑定其他微信。确定删除电子税局账号 151****1832？删除后将通知绑定的微信用户。',
    );
  });
});
