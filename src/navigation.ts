import Taro from '@tarojs/taro';

/** Opens a page; says so instead of failing silently when it cannot (e.g. a page not shipped yet). */
export function openPage(url: string): void {
  Taro.navigateTo({ url }).catch(() => Taro.showToast({ title: '页面暂时无法打开', icon: 'none' }));
}

/**
 * Back to the previous page, or to `fallbackUrl` when this page was opened directly (a link in the
 * browser, a subscribe message): there is nothing to go back to then.
 */
export function navigateBackOr(fallbackUrl: string): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
  else Taro.redirectTo({ url: fallbackUrl });
}

/**
 * Hides the navigation bar's 🏠 for a page opened by whoever holds a link, with no WeChat user (the
 * browser link, F18): 🏠 leads to 个人中心, which would ask them to sign in. Returns the undo, for
 * the browser's single navigation bar that the next page shares.
 */
export function hideHomeButton(): () => void {
  if (process.env.TARO_ENV !== 'h5') {
    Taro.hideHomeButton().catch(() => undefined);
    return () => undefined;
  }
  // Taro's browser bar shows 🏠 (by a class it sets on every page change) when a page opened first.
  const home = document.querySelector<HTMLElement>('#taro-navigation-bar .taro-navigation-bar-home');
  if (!home) return () => undefined;
  home.style.display = 'none';
  return () => {
    home.style.display = '';
  };
}
