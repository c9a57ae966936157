import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ADMIN_RISK_NOTE } from '../../../types/domain';
import AdminApplyPage from '../../../src/packages/admin/pages/apply/index';
import { taroMock } from '../mocks/taro';
import { adminsOf } from '../../../src/packages/admin/stores/AdminStore';
import { createTestApp } from '../support/app';
import { ADMIN_PASSWORD, ADMIN_SMS_CODE, installFakeAdmins, WRONG_PASSWORD_MESSAGE } from '../support/fakeAdmins';
import { expectBesideButton, renderPage } from '../support/render';

beforeEach(() => {
  taroMock.reset();
  taroMock.openWith({ enterpriseId: 'ent-1' });
});

function setup() {
  const app = createTestApp();
  app.store.privacy.agree('privacy-agree');
  const fake = installFakeAdmins(app.server);
  const view = renderPage(AdminApplyPage, app);
  return { app, fake, view };
}

const input = (placeholder: string) => screen.getByPlaceholderText(placeholder) as HTMLInputElement;
const type = (placeholder: string, value: string) => fireEvent.input(input(placeholder), { target: { value } });

function next() {
  fireEvent.click(screen.getByText('下一步'));
}

function fill(password = ADMIN_PASSWORD) {
  type('手机号码/证件号码/用户名', '13800005678');
  type('请输入电子税局密码', password);
}

describe('#pages.adminApply', () => {
  it('should explain first, with the seed’s risk note in red, and show the form only after 下一步', () => {
    setup();

    const note = screen.getByText(ADMIN_RISK_NOTE);
    expect(note).toHaveClass('admin-apply__risk');
    expect(screen.queryByPlaceholderText('请输入电子税局密码')).not.toBeInTheDocument();
    expect(screen.queryByText('提交验证')).not.toBeInTheDocument();

    next();

    expect(screen.queryByText(ADMIN_RISK_NOTE)).not.toBeInTheDocument();
    expect(input('手机号码/证件号码/用户名')).toBeInTheDocument();
    expect(input('请输入电子税局密码')).toHaveAttribute('type', 'password');
    expect(screen.getByText('提交验证')).toBeInTheDocument();
    expect(screen.getByText(/法定代表人或财务负责人的电子税局账号和密码/)).toBeInTheDocument();
  });

  it('should leave the page on 取消', () => {
    setup();

    fireEvent.click(screen.getByText('取消'));

    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('should go 提交验证 → 验证码 → 登录 and make me admin', async () => {
    const { app, fake } = setup();
    next();
    fill();

    fireEvent.click(screen.getByText('提交验证'));

    expect(await screen.findByText('138****5678')).toBeInTheDocument();
    expect(screen.getByText('60s 后重新获取')).toBeInTheDocument();
    type('请输入验证码', ADMIN_SMS_CODE);
    fireEvent.click(screen.getByText('登录'));

    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已成为管理员', icon: 'success' });
    expect(fake.flows[0].step).toBe('done');
    await waitFor(() => expect(adminsOf(app.store).isAdmin('ent-1')).toBe(true));
  });

  it('should say clearly that only a 法定代表人 or 财务负责人 may apply, keeping what was typed', async () => {
    const { fake } = setup();
    fake.role = '开票员';
    next();
    fill();

    fireEvent.click(screen.getByText('提交验证'));

    const refusal = await screen.findByText(
      '只有企业的法定代表人或财务负责人可以成为数电配置管理员，电子税局登记的您在该企业的身份为：开票员',
    );
    expectBesideButton(refusal, '提交验证');
    expect(input('手机号码/证件号码/用户名').value).toBe('13800005678');
    expect(screen.queryByText('验证码')).not.toBeInTheDocument();
  });

  it('should show the bureau’s words for a wrong password', async () => {
    setup();
    next();
    fill('Wrong#123');

    fireEvent.click(screen.getByText('提交验证'));

    expect(await screen.findByText(WRONG_PASSWORD_MESSAGE)).toBeInTheDocument();
  });

  it('should ask for both fields before asking the bureau', () => {
    const { fake } = setup();
    next();

    fireEvent.click(screen.getByText('提交验证'));

    expect(screen.getByText('请输入电子税局账号')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(fake.calls).toHaveLength(0);
  });

  it('should ask for privacy consent before the account and password', () => {
    const app = createTestApp();
    installFakeAdmins(app.server);
    renderPage(AdminApplyPage, app);
    next();

    expect(screen.getByText('用户隐私保护提示')).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('请输入电子税局密码')).not.toBeInTheDocument();
  });
});
