import type { Channel } from '../types/domain';
// Types only: the values of types/requests.ts come with zod, which stays out of the app's packages.
import type { LOGIN_LINK_PAGE, LOGIN_REQUEST_PAGE } from '../types/requests';

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
  /** 数电配置管理员 of one enterprise: the admins, 退出管理员, the audit log (F10). */
  admins: '/packages/admin/pages/index/index',
  /** 申请绑定: the explanation with the risk note, then 提交验证 and the 验证码 (F10). */
  adminApply: '/packages/admin/pages/apply/index',
  /** 修改密码 → 重置税局密码 (F12). */
  passwordReset: '/packages/password/pages/reset/index',
  /** 修改密码 → 已在税局修改，仅更新发票云 (F13). */
  passwordSync: '/packages/password/pages/sync/index',
  /** 登录通知: my pending login requests (F15). */
  loginRequestList: '/packages/notify/pages/list/index',
  /** One login request, `?id=`: the page a subscribe message opens (types/requests.ts). */
  loginRequest: '/packages/notify/pages/request/index' satisfies `/${typeof LOGIN_REQUEST_PAGE}`,
  /** The browser link, `?t=` (F18): works with no WeChat sign-in. */
  loginLink: '/packages/notify/pages/link/index' satisfies `/${typeof LOGIN_LINK_PAGE}`,
} as const;

/** Whether the app signs in when launched on this page: not on the browser link, which must work without WeChat. */
export function signsInAtLaunch(path: string | undefined): boolean {
  return `/${(path ?? '').replace(/^\/+/, '').split('?')[0]}` !== Routes.loginLink;
}

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

export function adminsUrl(enterpriseId: string): string {
  return withQuery(Routes.admins, { enterpriseId });
}

export function adminApplyUrl(enterpriseId: string): string {
  return withQuery(Routes.adminApply, { enterpriseId });
}

export function passwordResetUrl(accountId: string): string {
  return withQuery(Routes.passwordReset, { accountId });
}

export function passwordSyncUrl(accountId: string): string {
  return withQuery(Routes.passwordSync, { accountId });
}

export function loginRequestUrl(requestId: string): string {
  return withQuery(Routes.loginRequest, { id: requestId });
}
