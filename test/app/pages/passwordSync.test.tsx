import { act, fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PasswordSyncPage from '../../../src/packages/password/pages/sync/index';
import { PASSWORD_POLL_MS, passwordsOf } from '../../../src/packages/password/stores/PasswordChangeStore';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { installFakeAccounts } from '../support/fakeAccounts';
import { BUREAU_PASSWORD, installFakePasswords, WRONG_SYNC_MESSAGE } from '../support/fakePasswords';
import { expectBesideButton, renderPage } from '../support/render';

beforeEach(() => {
  taroMock.reset();
  taroMock.openWith({ accountId: 'acc-1' });
});

afterEach(() => {
  jest.useRealTimers();
});

function setup() {
  const app = createTestApp();
  const fake = installFakePasswords(app.server);
  fake.bureauPassword = BUREAU_PASSWORD;
  const accounts = installFakeAccounts(app.server);
  accounts.addEnterprise({ id: 'ent-1' });
  accounts.addAccount('ent-1', { id: 'acc-1', maskedAccount: '138****5678', bound: 'me' });
  const view = renderPage(PasswordSyncPage, app);
  return { app, fake, view };
}

const input = () => screen.getByPlaceholderText('请输入税局最新密码') as HTMLInputElement;
const type = (value: string) => fireEvent.input(input(), { target: { value } });

describe('#pages.passwordSync', () => {
  it('should ask for the latest password with the seed’s red note', async () => {
    setup();

    expect(await screen.findByText('138****5678')).toBeInTheDocument();
    expect(screen.getByText('注意：需要输入税局最新密码')).toHaveClass('password-sync__note');
    expect(input()).toHaveAttribute('type', 'password');
  });

  it('should keep the form and say why in the bureau’s words when the password is wrong', async () => {
    const { fake } = setup();
    type('Wrong#2025');

    fireEvent.click(screen.getByText('确定'));

    expect(await screen.findByText(WRONG_SYNC_MESSAGE)).toHaveClass('password-sync__field-error');
    expect(input().value).toBe('Wrong#2025');
    expect(document.querySelector('.password-item')).toBeNull();
    expect(fake.stored).toEqual({});
  });

  it('should show a refusal that is not about the password beside 确定 (issue 12)', async () => {
    const { app, fake } = setup();
    await screen.findByText('138****5678');
    type(BUREAU_PASSWORD);
    app.server.failNext(503, { error: { code: 'etax_unavailable', message: '电子税局暂时无法访问，请稍后重试' } });

    fireEvent.click(screen.getByText('确定'));

    expectBesideButton(await screen.findByText('电子税局暂时无法访问，请稍后重试'), '确定');
    expect(input().value).toBe(BUREAU_PASSWORD);
    expect(fake.stored).toEqual({});
  });

  it('should update the related accounts once the bureau took the password, then go back', async () => {
    jest.useFakeTimers();
    const { fake } = setup();
    type(BUREAU_PASSWORD);

    fireEvent.click(screen.getByText('确定'));

    expect(await screen.findByText('当前账号')).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('请输入税局最新密码')).not.toBeInTheDocument();
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '更新关联账号' });
    for (let i = 0; i < 6; i++) await act(() => jest.advanceTimersByTimeAsync(PASSWORD_POLL_MS));
    expect(Array.from(document.querySelectorAll('.password-item__state')).map((e) => e.textContent)).toEqual([
      '已更新',
      '已更新',
      '已更新',
    ]);
    expect(fake.stored['acc-2']).toBe(BUREAU_PASSWORD);

    fireEvent.click(screen.getByText('确定'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/accounts/pages/list/index?enterpriseId=ent-1' });
  });

  it('should forget the password when the page is left', async () => {
    const { app, view } = setup();
    type('Typed#2025');

    view.unmount();

    expect(JSON.stringify(passwordsOf(app.store).state)).not.toContain('Typed#2025');
    expect(passwordsOf(app.store).error).toBeNull();
  });
});
