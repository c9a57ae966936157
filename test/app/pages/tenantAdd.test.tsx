import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TenantAddPage from '../../../src/packages/tenants/pages/add/index';
import { taroMock } from '../mocks/taro';
import { createTestApp } from '../support/app';
import { createFakeServer, WRONG_CODE_LIMIT, WRONG_CODE_MESSAGE } from '../support/fakeServer';
import { tenant } from '../support/fixtures';
import { renderPage } from '../support/render';

beforeEach(() => taroMock.reset());

function codeInput() {
  return screen.getByPlaceholderText('请输入激活码') as HTMLInputElement;
}

function confirmButton() {
  // Taro's Button is a view; a disabled one is greyed by WeUI's class.
  return screen.getByText('确认').closest('.weui-btn') as HTMLElement;
}

function typeCode(value: string) {
  fireEvent.input(codeInput(), { target: { value } });
}

describe('#pages.tenantAdd', () => {
  it('should join the tenant of a right code and go back', async () => {
    const app = createTestApp();
    app.server.addTenant('DEMO-CODE-2024', tenant({ id: 'tenant-demo', name: '金蝶演示租户' }));
    renderPage(TenantAddPage, app);

    typeCode('demo-code-2024');
    fireEvent.click(screen.getByText('确认'));

    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '添加成功', icon: 'success' });
    expect(app.store.tenants.tenants.map((t) => t.name)).toEqual(['金蝶演示租户']);
  });

  it('should go on to tenant editing when the page was opened directly', async () => {
    const app = createTestApp();
    app.server.addTenant('DEMO-CODE-2024', tenant({ name: '金蝶演示租户' }));
    jest.mocked(Taro.getCurrentPages).mockReturnValueOnce([{ route: 'packages/tenants/pages/add/index' }]);
    renderPage(TenantAddPage, app);

    typeCode('DEMO-CODE-2024');
    fireEvent.click(screen.getByText('确认'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/tenants/pages/edit/index' }));
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('should show the server’s message under the field and keep what was typed', async () => {
    renderPage(TenantAddPage, createTestApp());

    typeCode('WRONG-CODE');
    fireEvent.click(screen.getByText('确认'));

    expect(await screen.findByText(WRONG_CODE_MESSAGE)).toHaveClass('weui-form__error');
    expect(codeInput().value).toBe('WRONG-CODE');
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('should keep 确认 disabled while wrong codes are rate limited, counting the wait down', async () => {
    jest.useFakeTimers();
    try {
      const app = createTestApp({ server: createFakeServer({ retryAfterSeconds: 62 }) });
      renderPage(TenantAddPage, app);
      typeCode('WRONG-CODE');

      for (let attempt = 1; attempt <= WRONG_CODE_LIMIT; attempt++) {
        fireEvent.click(screen.getByText('确认'));
        await waitFor(() => expect(app.store.tenants.joining).toBe(false));
      }
      expect(screen.getByText(WRONG_CODE_MESSAGE)).toBeInTheDocument();
      fireEvent.click(screen.getByText('确认'));

      expect(await screen.findByText('尝试次数过多，请 1 分 02 秒后再试')).toHaveClass('weui-form__error');
      expect(codeInput().value).toBe('WRONG-CODE');
      expect(confirmButton()).toHaveClass('weui-btn_disabled');

      // Editing the code does not lift the wait; tapping sends nothing.
      typeCode('WRONG-CODE-2');
      const sent = app.server.requests.length;
      fireEvent.click(screen.getByText('确认'));
      act(() => void jest.advanceTimersByTime(3000));
      expect(screen.getByText('尝试次数过多，请 59 秒后再试')).toBeInTheDocument();
      expect(confirmButton()).toHaveClass('weui-btn_disabled');
      expect(app.server.requests).toHaveLength(sent);

      act(() => void jest.advanceTimersByTime(59_000));
      expect(screen.queryByText(/尝试次数过多/)).not.toBeInTheDocument();
      expect(confirmButton()).not.toHaveClass('weui-btn_disabled');
    } finally {
      jest.useRealTimers();
    }
  });

  it('should clear the error once the code is edited', async () => {
    renderPage(TenantAddPage, createTestApp());
    typeCode('WRONG-CODE');
    fireEvent.click(screen.getByText('确认'));
    await screen.findByText(WRONG_CODE_MESSAGE);

    typeCode('WRONG-CODE-2');

    expect(screen.queryByText(WRONG_CODE_MESSAGE)).not.toBeInTheDocument();
  });

  it('should not send an empty code', () => {
    const app = createTestApp();
    renderPage(TenantAddPage, app);

    fireEvent.click(screen.getByText('确认'));

    expect(app.server.requests).toHaveLength(0);
  });
});
