import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PasswordResetPage from '../../../src/packages/password/pages/reset/index';
import { PASSWORD_POLL_MS } from '../../../src/packages/password/stores/PasswordChangeStore';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts } from '../support/fakeAccounts';
import {
  FACE_FAILED_MESSAGE,
  HOLDER_ID,
  installFakePasswords,
  ITEM_FAILED_MESSAGE,
  RESET_SMS_CODE,
} from '../support/fakePasswords';
import { expectBesideButton, renderPage } from '../support/render';

beforeEach(() => {
  taroMock.reset();
  taroMock.openWith({ accountId: 'acc-1' });
});

afterEach(() => {
  jest.useRealTimers();
});

function setup({ agreed = true } = {}) {
  const app = createTestApp();
  if (agreed) app.store.privacy.agree('privacy-agree');
  // The password API first: the accounts fake answers every other /accounts/ call.
  const fake = installFakePasswords(app.server);
  const accounts = installFakeAccounts(app.server);
  accounts.addEnterprise({ id: 'ent-1' });
  accounts.addAccount('ent-1', { id: 'acc-1', maskedAccount: '138****5678', bound: 'me' });
  const view = renderPage(PasswordResetPage, app);
  return { app, fake, view };
}

const input = (placeholder: string) => screen.getByPlaceholderText(placeholder) as HTMLInputElement;
const type = (placeholder: string, value: string) => fireEvent.input(input(placeholder), { target: { value } });
const poll = () => act(() => jest.advanceTimersByTimeAsync(PASSWORD_POLL_MS));
const items = () => Array.from(document.querySelectorAll('.password-item'));

async function passIdentity() {
  type('请输入证件号码', HOLDER_ID);
  fireEvent.click(screen.getByText('下一步'));
  expect(await screen.findByText('获取验证码')).toBeInTheDocument();
}

async function passCode() {
  fireEvent.click(screen.getByText('获取验证码'));
  expect(await screen.findByText('60s 后重新获取')).toBeInTheDocument();
  type('请输入验证码', RESET_SMS_CODE);
  fireEvent.click(screen.getByText('下一步'));
  expect(await screen.findByPlaceholderText('请输入新密码')).toBeInTheDocument();
}

describe('#pages.passwordReset', () => {
  it('should go 证件 → 获取验证码 → 新密码 → 更新关联账号 → 确定, each step in its order', async () => {
    jest.useFakeTimers();
    const { fake } = setup();
    expect(await screen.findByText('138****5678')).toBeInTheDocument();
    expect(screen.getByText('居民身份证')).toBeInTheDocument();
    expect(screen.queryByText('获取验证码')).not.toBeInTheDocument();

    jest.mocked(Taro.pageScrollTo).mockClear();
    await passIdentity();
    expect(screen.getByText('点击“获取验证码”，验证码将发送至该账号在税局绑定的手机')).toBeInTheDocument();
    // A new step starts at its top: 下一步 was tapped at the bottom of the step before.
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 });
    expect(screen.queryByPlaceholderText('请输入证件号码')).not.toBeInTheDocument();

    await passCode();
    expect(screen.queryByText('获取验证码')).not.toBeInTheDocument();

    type('请输入新密码', 'New#2025pass');
    type('请再次输入新密码', 'New#2025pass');
    fireEvent.click(screen.getByText('确定'));

    expect(await screen.findAllByText('厦门示例贸易有限公司')).toHaveLength(2);
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '更新关联账号' });
    expect(screen.queryByPlaceholderText('请输入新密码')).not.toBeInTheDocument();
    const rows = () => Array.from(document.querySelectorAll('.password-item__state')).map((e) => e.textContent);
    expect(rows()).toEqual(['待更新', '待更新', '待更新']);
    expect(items()[0]).toHaveTextContent('福建示例科技有限公司税号 91350100M000100Y43账号 138****5678当前账号');
    expect(items()[1]).toHaveTextContent('厦门示例贸易有限公司税号 91350200M000200Y22账号 138****5678待更新');
    expect(items()[2]).toHaveTextContent('厦门示例贸易有限公司税号 91350200M000200Y22账号 1101****7774待更新');
    const confirm = screen.getByText('确定').closest('.weui-btn')!;
    expect(confirm).toHaveAttribute('disabled');

    await poll();
    expect(rows()).toEqual(['更新中', '待更新', '待更新']);
    await poll();
    expect(rows()).toEqual(['已更新', '待更新', '待更新']);
    for (let i = 0; i < 4; i++) await poll();
    expect(rows()).toEqual(['已更新', '已更新', '已更新']);
    expect(screen.getByText('已更新全部 3 个账号的密码')).toBeInTheDocument();
    expect(fake.stored).toEqual({ 'acc-1': 'New#2025pass', 'acc-2': 'New#2025pass', 'acc-3': 'New#2025pass' });

    expect(confirm).not.toHaveAttribute('disabled');
    fireEvent.click(confirm);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '密码已更新', icon: 'success' });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/accounts/pages/list/index?enterpriseId=ent-1' });
  });

  it('should check the 证件号码 as it is typed: birth date, then check digit', async () => {
    const { fake } = setup();
    await screen.findByText('138****5678');

    type('请输入证件号码', '1101011990');
    expect(document.querySelector('.password-reset__field-error')).toBeNull();
    type('请输入证件号码', '11010119900230');
    expect(screen.getByText('身份证号码中的出生日期不正确，请核对后重新输入')).toBeInTheDocument();
    type('请输入证件号码', '110101199003077775');
    expect(screen.getByText('身份证号码校验位不正确，请核对后重新输入')).toBeInTheDocument();
    type('请输入证件号码', HOLDER_ID);
    expect(document.querySelector('.password-reset__field-error')).toBeNull();

    type('请输入证件号码', '1101011990');
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText('身份证号码须为18位，前17位为数字，最后一位为数字或X')).toBeInTheDocument();
    expect(fake.calls).toHaveLength(0);
  });

  it('should show the server’s refusal under the 证件号码 and stay', async () => {
    setup();
    await screen.findByText('138****5678');

    type('请输入证件号码', '110101199003070011');
    fireEvent.click(screen.getByText('下一步'));

    const error = await screen.findByText('证件信息与该账号的实名信息不一致，请核对后重新输入');
    expect(error).toHaveClass('password-reset__field-error');
    expect(input('请输入证件号码').value).toBe('110101199003070011');
  });

  it('should show a refusal that concerns no field beside 下一步 (issue 12)', async () => {
    const { app } = setup();
    await screen.findByText('138****5678');
    type('请输入证件号码', HOLDER_ID);
    app.server.failNext(503, { error: { code: 'etax_unavailable', message: '电子税局暂时无法访问，请稍后重试' } });

    fireEvent.click(screen.getByText('下一步'));

    expectBesideButton(await screen.findByText('电子税局暂时无法访问，请稍后重试'), '下一步');
    expect(input('请输入证件号码').value).toBe(HOLDER_ID);
  });

  it('should keep the 验证码 step and say why on a wrong code', async () => {
    setup();
    await passIdentity();
    fireEvent.click(screen.getByText('获取验证码'));
    await screen.findByText('60s 后重新获取');

    type('请输入验证码', '000000');
    fireEvent.click(screen.getByText('下一步'));

    expect(await screen.findByText('短信验证码错误，您还可以尝试4次！')).toHaveClass('password-reset__field-error');
    expect(input('请输入验证码').value).toBe('000000');
  });

  it('should check the new password against the bureau’s policy as typed, and the confirmation', async () => {
    const { fake } = setup();
    await passIdentity();
    await passCode();

    type('请输入新密码', 'abc');
    expect(screen.getByText('密码长度须为8-16位')).toBeInTheDocument();
    type('请输入新密码', 'abcdefgh');
    expect(screen.getByText('密码须包含数字、字母、特殊字符中的至少两种')).toBeInTheDocument();
    type('请输入新密码', 'New#2025pass');
    expect(document.querySelector('.password-reset__field-error')).toBeNull();

    type('请再次输入新密码', 'New#');
    expect(screen.queryByText('两次输入的密码不一致')).not.toBeInTheDocument();
    type('请再次输入新密码', 'New#2026');
    expect(screen.getByText('两次输入的密码不一致')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确定'));

    expect(screen.getByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.url.endsWith('/password'))).toHaveLength(0);
  });

  it('should fill in a hosted number’s code by itself and show it as 已自动获取', async () => {
    jest.useFakeTimers();
    const { fake } = setup();
    fake.loginType = 'qixiangyun';
    await passIdentity();
    expect(
      screen.getByText('该账号为托管号码：点击“获取验证码”后，验证码会自动获取并填写，不用手工输入。'),
    ).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('请输入验证码')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('正在自动获取验证码…')).toBeInTheDocument();
    await poll();

    expect(screen.getByText('已自动获取')).toBeInTheDocument();
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByPlaceholderText('请输入新密码')).toBeInTheDocument();
  });

  it('should show a failed account with its reason and retry it, keeping the others done', async () => {
    jest.useFakeTimers();
    const { fake } = setup();
    fake.failOnce.add('acc-2');
    await passIdentity();
    await passCode();
    type('请输入新密码', 'New#2025pass');
    type('请再次输入新密码', 'New#2025pass');
    fireEvent.click(screen.getByText('确定'));
    await screen.findByText('当前账号');
    for (let i = 0; i < 6; i++) await poll();

    const failed = screen.getByText(ITEM_FAILED_MESSAGE).closest('.password-item')!;
    expect(failed).toHaveTextContent('更新失败');
    expect(failed).toHaveTextContent('138****5678');
    expect(screen.getByText('已更新 2 个账号，1 个更新失败，请重试')).toBeInTheDocument();

    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(screen.queryByText('更新失败')).not.toBeInTheDocument());
    expect(Array.from(document.querySelectorAll('.password-item__state')).map((e) => e.textContent)).toEqual([
      '已更新',
      '已更新',
      '已更新',
    ]);
    expect(fake.changes[0].attempts).toEqual({ 'acc-1': 1, 'acc-2': 2, 'acc-3': 1 });
  });

  it('should go back to 电子税局账号管理 when the list opened 编辑 and this page', async () => {
    jest.useFakeTimers();
    jest
      .mocked(Taro.getCurrentPages)
      .mockReturnValue([
        { route: 'pages/index/index' },
        { route: 'packages/accounts/pages/list/index' },
        { route: 'packages/accounts/pages/edit/index' },
        { route: 'packages/password/pages/reset/index' },
      ] as never);
    setup();
    await passIdentity();
    await passCode();
    type('请输入新密码', 'New#2025pass');
    type('请再次输入新密码', 'New#2025pass');
    fireEvent.click(screen.getByText('确定'));
    await screen.findByText('当前账号');
    for (let i = 0; i < 6; i++) await poll();

    fireEvent.click(screen.getByText('确定'));

    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 2 });
  });

  it('should ask for privacy consent before the 证件号码', () => {
    setup({ agreed: false });

    expect(screen.getByText('用户隐私保护提示')).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('请输入证件号码')).not.toBeInTheDocument();
  });
});

describe('重置税局密码 where the region offers no SMS (seed §3.6)', () => {
  it('should check the holder by 扫脸 instead of the code, then go on to 重置密码', async () => {
    jest.useFakeTimers();
    const { fake } = setup();
    fake.smsOff = true;
    fake.faceFailsOnce = true;
    type('请输入证件号码', HOLDER_ID);
    await act(async () => {
      fireEvent.click(screen.getByText('下一步'));
    });
    expect(await screen.findByText('开始扫脸验证')).toBeInTheDocument();
    expect(screen.getByText('扫脸验证')).toBeInTheDocument();
    expect(screen.queryByText('获取验证码')).not.toBeInTheDocument();
    expect(screen.getByText('该地区税局暂不支持短信验证，请通过扫脸验证本人身份')).toBeInTheDocument();

    await act(async () => {
      fireEvent.click(screen.getByText('开始扫脸验证'));
    });
    expect(await screen.findByText('请使用税务APP扫描二维码，完成人脸识别')).toBeInTheDocument();
    expect(document.querySelector('.password-reset__qr-image')).not.toBeNull();
    expect(screen.queryByText('重新验证')).not.toBeInTheDocument();

    // The face does not match: the bureau's words and 重新验证.
    await poll();
    expect(await screen.findByText(FACE_FAILED_MESSAGE)).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByText('重新验证'));
    });
    expect(await screen.findByText('请使用税务APP扫描二维码，完成人脸识别')).toBeInTheDocument();

    // Confirmed in the 税务APP: the page moves on by itself, the step bar still says 扫脸验证.
    await poll();
    expect(await screen.findByPlaceholderText('请输入新密码')).toBeInTheDocument();
    expect(screen.getByText('扫脸验证')).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.url.endsWith('/sms/send'))).toEqual([]);
  });
});
