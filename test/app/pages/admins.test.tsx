import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AdminPage from '../../../src/packages/admin/pages/index/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAdmins } from '../support/fakeAdmins';
import { renderPage } from '../support/render';

beforeEach(() => {
  taroMock.reset();
  taroMock.openWith({ enterpriseId: 'ent-1' });
});

function setup(prepare: (fake: ReturnType<typeof installFakeAdmins>) => void = () => undefined) {
  const app = createTestApp();
  const fake = installFakeAdmins(app.server);
  prepare(fake);
  renderPage(AdminPage, app);
  return { app, fake };
}

describe('#pages.admins', () => {
  it('should list every admin, masked, and offer 申请绑定 when I am not one', async () => {
    setup((fake) => {
      fake.addAdmin('ent-1', { name: '张*丰', since: '2025-03-01T02:00:00.000Z' });
      fake.addAdmin('ent-1', { name: '李*', since: '2025-03-02T02:00:00.000Z' });
    });

    expect(await screen.findByText('张*丰')).toBeInTheDocument();
    expect(screen.getByText('李*')).toBeInTheDocument();
    expect(screen.queryByText('本人')).not.toBeInTheDocument();
    expect(screen.queryByText('操作记录')).not.toBeInTheDocument();
    expect(screen.queryByText('退出管理员')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('申请绑定'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/apply/index?enterpriseId=ent-1' });
  });

  it('should say 未绑定 when the enterprise has no admin', async () => {
    setup();

    expect(await screen.findByText('未绑定')).toBeInTheDocument();
    expect(screen.getByText('申请绑定')).toBeInTheDocument();
  });

  it('should mark me as 本人 and show the audit log: who, what, when', async () => {
    setup((fake) => {
      fake.addAdmin('ent-1', { name: '张*丰', since: '2025-03-01T02:00:00.000Z' });
      fake.makeMeAdmin('ent-1');
      fake.addAuditEntry('ent-1', {
        id: 'log-1',
        at: '2025-03-06T01:30:00.000Z',
        actor: { name: '张*丰', me: false },
        maskedAccount: '139****0001',
      });
      fake.addAuditEntry('ent-1', {
        id: 'log-2',
        maskedAccount: '139****0002',
        biometric: 'fingerPrint',
        biometricLabel: '已通过指纹验证',
      });
    });

    const me = await screen.findByText('陈静');
    expect(me.closest('.weui-cell')).toHaveTextContent('本人');
    expect(screen.getByText('张*丰').closest('.weui-cell')).not.toHaveTextContent('本人');
    const entry = (await screen.findByText('删除已绑定其他微信的账号 139****0001')).closest('.weui-cell')!;
    // A name, never a WeChat id (issue 12 #9).
    expect(entry).toHaveTextContent(/张\*丰 · 2025-03-06 \d\d:30/);
    expect(entry).not.toHaveTextContent('oAbc');
    expect(entry).toHaveTextContent('福建示例科技有限公司 · 税号 91350100M000100Y43');
    // The biometric guard's record shows under the entry that had one, and only there.
    expect(entry).not.toHaveTextContent('已通过');
    const guarded = screen.getByText('删除已绑定其他微信的账号 139****0002').closest('.weui-cell')!;
    expect(guarded.querySelector('.weui-cell__desc')).toHaveTextContent('已通过指纹验证');
    expect(screen.queryByText('申请绑定')).not.toBeInTheDocument();
  });

  it('should tell apart a person’s entries from before a 更换微信 without showing a WeChat id', async () => {
    setup((fake) => {
      fake.makeMeAdmin('ent-1');
      // Oldest first: 张*丰 acted from one WeChat, changed WeChat, then acted from the new one.
      fake.addAuditEntry('ent-1', {
        id: 'log-old',
        at: '2025-03-01T01:30:00.000Z',
        actor: { name: '张*丰', me: false },
        maskedOpenid: 'oOld****1111',
        maskedAccount: '139****0001',
      });
      fake.addAuditEntry('ent-1', {
        id: 'log-new',
        at: '2025-03-06T01:30:00.000Z',
        actor: { name: '张*丰', me: false },
        maskedOpenid: 'oNew****2222',
        maskedAccount: '139****0002',
      });
    });

    const newer = (await screen.findByText('删除已绑定其他微信的账号 139****0002')).closest('.weui-cell')!;
    const older = screen.getByText('删除已绑定其他微信的账号 139****0001').closest('.weui-cell')!;
    expect(newer).toHaveTextContent(/张\*丰 · 2025-03-06/);
    expect(older).toHaveTextContent(/张\*丰（更换微信前） · 2025-03-01/);
    expect(older).not.toHaveTextContent('oOld');
  });

  it('should step down after the confirm, and then offer 申请绑定 again', async () => {
    const { fake } = setup((f) => f.makeMeAdmin('ent-1'));
    expect(await screen.findByText('暂无操作记录')).toBeInTheDocument();

    fireEvent.click(screen.getByText('退出管理员'));

    expect(await screen.findByText('申请绑定')).toBeInTheDocument();
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]?.title).toBe('退出管理员');
    expect(screen.queryByText('本人')).not.toBeInTheDocument();
    expect(screen.queryByText('操作记录')).not.toBeInTheDocument();
    expect(fake.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('should stay an admin when the confirm is cancelled', async () => {
    const { fake } = setup((f) => f.makeMeAdmin('ent-1'));
    taroMock.answerModals(false);

    fireEvent.click(await screen.findByText('退出管理员'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(screen.getByText('本人')).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
  });
});
