import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AccountAddPage from '../../../src/packages/accounts/pages/add/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts, SMS_CODE } from '../support/fakeAccounts';
import { enterprise, tenant } from '../support/fixtures';
import { expectBesideButton, renderPage } from '../support/render';

const WRONG_PASSWORD = '用户名或密码错误，您还可以尝试4次，连续错误5次账号将被锁定30分钟！';
const NO_RELATION = '未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！';

beforeEach(() => {
  taroMock.reset();
  taroMock.openWith({ enterpriseId: 'ent-1', business: 'issue' });
});

function setup({ agreed = true } = {}) {
  const app = createTestApp();
  if (agreed) app.store.privacy.agree('privacy-agree');
  const fake = installFakeAccounts(app.server);
  fake.addEnterprise({ id: 'ent-1', name: '福建示例科技有限公司', taxId: '91350100M000100Y43', region: '福建' });
  renderPage(AccountAddPage, app);
  return { app, fake };
}

const input = (placeholder: string) => screen.getByPlaceholderText(placeholder) as HTMLInputElement;
const type = (placeholder: string, value: string) => fireEvent.input(input(placeholder), { target: { value } });

function fillForm() {
  type('手机号码/证件号码/用户名', '15112341832');
  type('请输入电子税局密码', 'Secret#123');
}

describe('#pages.accountAdd', () => {
  it('should ask for privacy consent before the form', async () => {
    const { app } = setup({ agreed: false });

    expect(screen.getByText('用户隐私保护提示')).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('请输入电子税局密码')).not.toBeInTheDocument();
    await waitFor(() => expect(app.store.accounts.list('ent-1')).toBeDefined());
  });

  it('should prefill 地区 and 税号, default to 人工登录, and show 发票云登录App as 已下架 and unselectable', async () => {
    setup();

    expect(await screen.findByText('91350100M000100Y43')).toBeInTheDocument();
    expect(screen.getByText('福建')).toBeInTheDocument();
    expect(screen.getByText('办税员')).toBeInTheDocument();
    const manual = screen.getByText('人工登录').closest('.weui-cell')!;
    expect(manual.querySelector('.weui-cell__check')).not.toBeNull();
    const withdrawn = screen.getByText('发票云登录App').closest('.weui-cell')!;
    expect(withdrawn).toHaveClass('account-add__withdrawn');
    expect(withdrawn).toHaveTextContent('已下架');

    fireEvent.click(withdrawn);
    expect(manual.querySelector('.weui-cell__check')).not.toBeNull();
    expect(withdrawn.querySelector('.weui-cell__check')).toBeNull();

    fireEvent.click(screen.getByText('企享云办税小号'));
    expect(screen.getByText('企享云办税小号').closest('.weui-cell')!.querySelector('.weui-cell__check')).not.toBeNull();
  });

  it('should prefill 身份 from the bureau once the account is typed, preferring the one holding the business', async () => {
    const { fake } = setup();
    await screen.findByText('91350100M000100Y43');
    fake.lookup = {
      name: '张*丰',
      roles: [
        { role: '领票人', permissions: [] },
        { role: '开票员', permissions: ['issue'] },
      ],
    };
    type('手机号码/证件号码/用户名', '15112341832');
    fireEvent.blur(input('手机号码/证件号码/用户名'));

    expect(await screen.findByText('税局登记：张*丰 · 领票人（无开收票权限），开票员（开票）')).toBeInTheDocument();
    expect(screen.getByText('开票员')).toBeInTheDocument();
    expect(screen.queryByText('办税员')).not.toBeInTheDocument();
  });

  it('should drop the last person’s 税局登记 and prefilled 身份 when another account is typed (issue 12)', async () => {
    const { fake } = setup();
    await screen.findByText('91350100M000100Y43');
    fake.lookup = { name: '张*丰', roles: [{ role: '开票员', permissions: ['issue'] }] };
    type('手机号码/证件号码/用户名', '15112341832');
    fireEvent.blur(input('手机号码/证件号码/用户名'));
    expect(await screen.findByText(/税局登记：张\*丰/)).toBeInTheDocument();

    fake.lookup = undefined;
    type('手机号码/证件号码/用户名', '13900000000');
    expect(screen.queryByText(/税局登记/)).not.toBeInTheDocument();
    fireEvent.blur(input('手机号码/证件号码/用户名'));
    await waitFor(() => expect(screen.getByText('办税员')).toBeInTheDocument());
    expect(screen.queryByText('开票员')).not.toBeInTheDocument();
  });

  it('should show the chosen business as a row that changes in place, keeping what was typed (issue 12)', async () => {
    setup();
    await screen.findByText('91350100M000100Y43');
    type('手机号码/证件号码/用户名', '15112341832');
    expect(screen.getByText('开票业务')).toBeInTheDocument();
    taroMock.tapActionSheets(1);
    fireEvent.click(screen.getByText('开票业务'));
    expect(await screen.findByText('收票业务')).toBeInTheDocument();
    expect(input('手机号码/证件号码/用户名')).toHaveValue('15112341832');
  });

  it('should keep the chosen 身份 when the bureau knows nothing of the account', async () => {
    setup();
    await screen.findByText('91350100M000100Y43');
    type('手机号码/证件号码/用户名', '15112341832');
    fireEvent.blur(input('手机号码/证件号码/用户名'));

    await waitFor(() => expect(screen.getByText('办税员')).toBeInTheDocument());
    expect(screen.queryByText(/税局登记/)).not.toBeInTheDocument();
  });

  it('should say which fields are missing without calling the server', async () => {
    const { fake } = setup();
    await screen.findByText('91350100M000100Y43');

    fireEvent.click(screen.getByText('登录'));

    expect(screen.getByText('请输入电子税局账号')).toHaveClass('weui-form__error');
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('should show a wrong password under 密码 in the bureau’s words and keep what was typed', async () => {
    const { fake } = setup();
    fake.refuseNextStart(400, 'etax_wrong_password', WRONG_PASSWORD);
    fillForm();

    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText(WRONG_PASSWORD)).toHaveClass('weui-form__error');
    expect(input('手机号码/证件号码/用户名').value).toBe('15112341832');
    expect(input('请输入电子税局密码').value).toBe('Secret#123');
  });

  it('should show refusals that concern the whole form beside the 登录 button (issue 12)', async () => {
    const { fake } = setup();
    fake.refuseNextStart(400, 'etax_no_relation', NO_RELATION);
    fillForm();

    fireEvent.click(screen.getByText('登录'));

    expectBesideButton(await screen.findByText(NO_RELATION), '登录');
    expect(input('请输入电子税局密码').value).toBe('Secret#123');
  });

  it('should show 已有的账号无需重复添加 under the account', async () => {
    const { fake } = setup();
    fake.refuseNextStart(409, 'account_exists', '已有的账号无需重复添加');
    fillForm();

    fireEvent.click(screen.getByText('登录'));

    const error = await screen.findByText('已有的账号无需重复添加');
    expect(error.previousElementSibling).toContainElement(input('手机号码/证件号码/用户名'));
  });

  it('should add with 人工登录: 验证码 with its countdown, 登录, then 添加成功 and back', async () => {
    const { fake } = setup();
    fillForm();

    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('60s 后重新获取')).toBeInTheDocument();
    expect(screen.getByText('151****1832')).toBeInTheDocument();
    expect(fake.calls.at(-1)?.data).toMatchObject({
      business: 'issue',
      account: '15112341832',
      password: 'Secret#123',
      role: '办税员',
      loginType: 'manual',
      method: 'password',
    });
    type('请输入验证码', SMS_CODE);
    fireEvent.click(screen.getByText('登录'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '添加成功', icon: 'success' }));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('should show the form again with the reason when the flow fails, keeping what was typed', async () => {
    const { fake } = setup();
    fake.nextFlow(['real_name', 'done']);
    fillForm();
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('3501**********1234')).toBeInTheDocument();
    expect(screen.getByText('张三')).toBeInTheDocument();
    expect(screen.getByText('居民身份证')).toBeInTheDocument();
    fireEvent.click(screen.getByText('取消'));

    expect(await screen.findByText('您已取消实名核验，本次登录失败')).toBeInTheDocument();
    expect(input('请输入电子税局密码').value).toBe('Secret#123');
  });

  it('should start 扫码登录 with the QR of the 税务APP', async () => {
    const { fake } = setup();
    fake.nextFlow(['qr', 'done']);
    fillForm();

    fireEvent.click(screen.getByText('扫码登录'));

    expect(await screen.findByText('刷新二维码')).toBeInTheDocument();
    expect(fake.calls.at(-1)?.data).toMatchObject({ method: 'qr', qrApp: 'tax' });
    expect(screen.getByText('请使用税务APP扫描二维码，并在APP中确认登录')).toBeInTheDocument();
  });

  it('should offer my recent logins from the 税号 and switch to the picked enterprise', async () => {
    const { app, fake } = setup();
    app.server.addMember(
      'alice',
      tenant({ enterprises: [enterprise({ id: 'ent-2', taxId: '91110000600000000X', region: '北京' })] }),
    );
    fake.addEnterprise({ id: 'ent-2', name: '北京示例有限公司', taxId: '91110000600000000X', region: '北京' });
    fake.recentLogins = [
      {
        enterpriseId: 'ent-2',
        accountId: 'acc-recent',
        taxId: '91110000600000000X',
        enterpriseName: '北京示例有限公司',
        region: '北京',
        maskedAccount: '151****1832',
        loggedInAt: '2025-03-05T01:30:00Z',
      },
    ];
    type('手机号码/证件号码/用户名', '15112341832');

    fireEvent.click(await screen.findByText('91350100M000100Y43'));
    fireEvent.click(await screen.findByText('北京示例有限公司'));

    expect(await screen.findByText('91110000600000000X')).toBeInTheDocument();
    expect(screen.getByText('北京')).toBeInTheDocument();
    expect(input('手机号码/证件号码/用户名').value).toBe('15112341832');
    await act(async () => undefined);
  });
});
