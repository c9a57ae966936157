import Taro from '@tarojs/taro';
import { accountListUrl, Routes } from '../../routes';

const bare = (route: string) => route.replace(/^\//, '').replace(/\?.*$/, '');

/**
 * 确定 at the end of 修改密码: back to 电子税局账号管理 (list → 编辑 → this page), or open it when this
 * page was reached another way.
 */
export function backToAccountList(enterpriseId: string | undefined): void {
  const pages = Taro.getCurrentPages();
  let listAt = -1;
  pages.forEach((page, index) => {
    if (bare(page.route ?? '') === bare(Routes.accountList)) listAt = index;
  });
  if (listAt >= 0) Taro.navigateBack({ delta: pages.length - 1 - listAt });
  else Taro.redirectTo({ url: enterpriseId ? accountListUrl(enterpriseId) : Routes.home });
}
