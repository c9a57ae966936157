import { act, fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { AppPage } from '../../../src/components/AppPage';
import { PrivacyGate } from '../../../src/components/PrivacyGate';
import { PRIVACY_AGREE_BUTTON_ID } from '../../../src/services/platform';
import { StorageKeys, createMemoryStorage } from '../../../src/services/storage';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { renderPage } from '../support/render';

// The browser build: the consent buttons are plain taps there (weapp uses WeChat's own agree button).
beforeEach(() => {
  taroMock.reset();
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  process.env.TARO_ENV = 'weapp';
});

function PhoneForm() {
  return (
    <PrivacyGate>
      <Text>请输入手机号码</Text>
    </PrivacyGate>
  );
}

describe('#components.PrivacyGate', () => {
  it('should show the consent step before a form that collects a phone number', () => {
    renderPage(PhoneForm, createTestApp());

    expect(screen.getByText('用户隐私保护提示')).toBeInTheDocument();
    expect(screen.getByText('《发票云小程序隐私保护指引》')).toBeInTheDocument();
    expect(screen.queryByText('请输入手机号码')).not.toBeInTheDocument();
  });

  it('should ask in WeChat’s half-screen sheet over the page, 拒绝 and 同意 side by side (issue 12)', () => {
    renderPage(PhoneForm, createTestApp());

    const sheet = screen.getByRole('dialog', { name: '用户隐私保护提示' });
    expect(sheet).toHaveClass('weui-half-screen-dialog');
    expect(sheet.previousElementSibling).toHaveClass('weui-mask');
    const buttons = sheet.querySelector('.weui-half-screen-dialog__btn-area');
    expect(buttons).toHaveTextContent('拒绝同意');
  });

  it('should show the form once the user agrees, and remember the consent', () => {
    const storage = createMemoryStorage();
    renderPage(PhoneForm, createTestApp({ storage }));

    fireEvent.click(screen.getByText('同意'));

    expect(screen.getByText('请输入手机号码')).toBeInTheDocument();
    expect(storage.get(StorageKeys.privacyAgreed)).toBe(true);
  });

  it('should leave the page when the user declines', () => {
    renderPage(PhoneForm, createTestApp());

    fireEvent.click(screen.getByText('拒绝'));

    expect(Taro.navigateBack).toHaveBeenCalled();
    expect(screen.queryByText('请输入手机号码')).not.toBeInTheDocument();
  });

  it('should not ask again once agreed', () => {
    const storage = createMemoryStorage({ [StorageKeys.privacyAgreed]: true });

    renderPage(PhoneForm, createTestApp({ storage }));

    expect(screen.getByText('请输入手机号码')).toBeInTheDocument();
    expect(screen.queryByText('用户隐私保护提示')).not.toBeInTheDocument();
  });

  it('should show the guideline text in the browser, which has no WeChat guideline page', () => {
    renderPage(PhoneForm, createTestApp());

    fireEvent.click(screen.getByText('《发票云小程序隐私保护指引》'));

    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '隐私保护指引', content: expect.stringContaining('手机号码和证件号码') }),
    );
  });
});

describe('#components.AppPage', () => {
  function Page() {
    return (
      <AppPage>
        <Text>页面内容</Text>
      </AppPage>
    );
  }

  it('should show the consent as a dialog when WeChat asks, and pass on the answer', async () => {
    const app = createTestApp();
    app.store.privacy.listen();
    renderPage(Page, app);
    expect(screen.queryByText('用户隐私保护提示')).not.toBeInTheDocument();

    let answer!: ReturnType<typeof app.platform.askPrivacy>;
    act(() => {
      answer = app.platform.askPrivacy();
    });
    expect(screen.getByText('用户隐私保护提示')).toBeInTheDocument();
    fireEvent.click(screen.getByText('同意'));

    await expect(answer).resolves.toEqual({ agreed: true, buttonId: PRIVACY_AGREE_BUTTON_ID });
    expect(screen.queryByText('用户隐私保护提示')).not.toBeInTheDocument();
    expect(screen.getByText('页面内容')).toBeInTheDocument();
  });

  it('should let the browser user pick a simulated WeChat user', async () => {
    const app = createTestApp();
    renderPage(Page, app);

    let chosen!: Promise<string>;
    act(() => {
      chosen = app.store.session.askForSimulatedUser();
    });
    expect(screen.getByText('选择模拟微信用户')).toBeInTheDocument();
    fireEvent.click(screen.getByText('李四'));
    fireEvent.click(screen.getByText('进入'));

    await expect(chosen).resolves.toBe('李四');
    expect(screen.queryByText('选择模拟微信用户')).not.toBeInTheDocument();
  });

  it('should take a typed name in the picker', async () => {
    const app = createTestApp();
    renderPage(Page, app);

    let chosen!: Promise<string>;
    act(() => {
      chosen = app.store.session.askForSimulatedUser();
    });
    fireEvent.click(screen.getByText('进入'));
    fireEvent.input(screen.getByPlaceholderText('或输入其他名字'), { target: { value: '  测试用户 ' } });
    fireEvent.click(screen.getByText('进入'));

    await expect(chosen).resolves.toBe('测试用户');
  });
});
