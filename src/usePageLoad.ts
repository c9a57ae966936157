import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

/**
 * A list page's loading: on every show (the pages it opens change what it lists) and on pull-down
 * refresh, which ends once the load has. `onShow`, when given, runs on show instead of `load` (a
 * long list refreshes what it had, where the user left it; a pull-down starts it again from the top).
 */
export function usePageLoad(load: () => Promise<unknown>, onShow: () => Promise<unknown> = load): void {
  useDidShow(() => {
    onShow();
  });

  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
}
