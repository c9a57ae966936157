/** Page paths, as in app.config.ts and in subscribe messages' `page`. One place for every link. */
export const Routes = {
  home: '/pages/index/index',
  tenantEdit: '/packages/tenants/pages/edit/index',
  tenantAdd: '/packages/tenants/pages/add/index',
  /** 电子税局账号管理 of one enterprise (accounts subpackage). */
  accountList: '/packages/accounts/pages/list/index',
} as const;

export function accountListUrl(enterpriseId: string): string {
  return `${Routes.accountList}?enterpriseId=${encodeURIComponent(enterpriseId)}`;
}
