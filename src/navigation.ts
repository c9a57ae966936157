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
