import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

/**
 * A list page's loading: on every show (the pages it opens change what it lists) and on pull-down
 * refresh, which ends once the load has.
 */
export function usePageLoad(load: () => Promise<unknown>): void {
  useDidShow(() => {
    load();
  });

  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
}
