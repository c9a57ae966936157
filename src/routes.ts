import type { Channel } from '../types/domain';

/** Page paths, as in app.config.ts and in subscribe messages' `page`. One place for every link. */
export const Routes = {
  home: '/pages/index/index',
  tenantEdit: '/packages/tenants/pages/edit/index',
  tenantAdd: '/packages/tenants/pages/add/index',
  /** 电子税局账号管理 of one enterprise (accounts subpackage). */
  accountList: '/packages/accounts/pages/list/index',
  /** 新增账号 (F5). */
  accountAdd: '/packages/accounts/pages/add/index',
  /** 编辑: 绑定电子税局账号, 设置默认账号, 删除 (F6, F8, F11). */
  accountEdit: '/packages/accounts/pages/edit/index',
  /** 登录 / 扫码登录 / 认证 of an account (F16, F17). */
  accountLogin: '/packages/accounts/pages/login/index',
  /** 更换微信 (F9). */
  accountChangeWechat: '/packages/accounts/pages/change-wechat/index',
} as const;

function withQuery(path: string, query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${path}?${pairs.join('&')}`;
}

export function accountListUrl(enterpriseId: string): string {
  return withQuery(Routes.accountList, { enterpriseId });
}

export function accountAddUrl(enterpriseId: string, business: Channel): string {
  return withQuery(Routes.accountAdd, { enterpriseId, business });
}

export function accountEditUrl(accountId: string): string {
  return withQuery(Routes.accountEdit, { accountId });
}

/** 登录 in one business, or 认证 (the face check). */
export function accountLoginUrl(accountId: string, target: { channel: Channel } | { purpose: 'auth' }): string {
  return withQuery(
    Routes.accountLogin,
    'channel' in target ? { accountId, channel: target.channel } : { accountId, purpose: 'auth' },
  );
}

export function accountChangeWechatUrl(accountId: string): string {
  return withQuery(Routes.accountChangeWechat, { accountId });
}
