/**
 * Words of the domain shared by the app and the server: channels, 身份, 登录类型, with the labels
 * shown on screen (the seed's words). No zod here or in validators.ts: these two are what UI code
 * imports as values; the other files of types/ hold the API's zod schemas, which the app imports
 * as types only (eslint.config enforces it), so zod never ships in the mini program.
 */

/** 开票 = issue, 收票 = receive (CONTRACT.md). */
export const CHANNELS = ['issue', 'receive'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { issue: '开票业务', receive: '收票业务' };
export const CHANNEL_SHORT: Record<Channel, string> = { issue: '开票', receive: '收票' };

/** 身份 of a person in an enterprise (PLATFORM.md). 法定代表人 and 财务负责人 have full rights. */
export const ROLES = ['法定代表人', '财务负责人', '管理员', '办税员', '开票员', '领票人'] as const;
export type Role = (typeof ROLES)[number];
/** Who may become 数电配置管理员 (F10). */
export const ADMIN_ROLES: readonly Role[] = ['法定代表人', '财务负责人'];

/** 登录类型 (F5). 发票云登录App was withdrawn: shown as 已下架, never chosen. */
export const LOGIN_TYPES = ['manual', 'huameng', 'qixiangyun'] as const;
export type LoginType = (typeof LOGIN_TYPES)[number];
export const LOGIN_TYPE_LABELS: Record<LoginType, string> = {
  manual: '人工登录',
  huameng: '华盟托管号码',
  qixiangyun: '企享云办税小号',
};
/** Hosted types fetch their SMS codes themselves and log in without a person. */
export const HOSTED_LOGIN_TYPES: readonly LoginType[] = ['huameng', 'qixiangyun'];
export const WITHDRAWN_LOGIN_TYPE_LABEL = '发票云登录App';

/** The app a login QR is scanned with (F17). */
export const QR_APPS = ['tax', 'iit'] as const;
export type QrApp = (typeof QR_APPS)[number];
export const QR_APP_LABELS: Record<QrApp, string> = { tax: '税务APP', iit: '个人所得税APP' };

/** 证件类型 */
export const ID_TYPES = [
  '居民身份证',
  '中国护照',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '外国护照',
] as const;
export type IdType = (typeof ID_TYPES)[number];

/** The seed's risk note, shown on the explanation dialog of 申请绑定 (verbatim). */
export const ADMIN_RISK_NOTE =
  '注意：只能企业对应的法人或财务负责人可使用此功能。目前只是验证身份是法人或财务负责人，但无法验证操作的微信账号是否为企业法人或财务负责人本人在使用，成为数电配置管理员后，可以在发票云公众号修改操作在发票云添加的全部数电账号，因此企业管理人员需高度注意账号数据安全。';

/** How each related account of 修改密码's progress page stands. */
export type PasswordItemState = 'pending' | 'updating' | 'done' | 'failed';
export const PASSWORD_ITEM_LABELS: Record<PasswordItemState, string> = {
  pending: '待更新',
  updating: '更新中',
  done: '已更新',
  failed: '更新失败',
};

/** Why a bureau session ended early (issue 14): 另一处登录 (the bureau dropped it) or 到期 (it ran out). */
export const DROP_CAUSES = ['elsewhere', 'expired'] as const;
export type DropCause = (typeof DROP_CAUSES)[number];
export const DROP_CAUSE_LABELS: Record<DropCause, string> = { elsewhere: '另一处登录', expired: '到期' };

/**
 * Accounts per page the app asks for in 电子税局账号管理: a page's setData stays far below WeChat's
 * limits (an account card is ~1.2 KB of data and ~20 nodes).
 */
export const ACCOUNT_PAGE_SIZE = 20;

/** The most accounts one page of 电子税局账号管理 may ask for (GET …/accounts?limit=). */
export const ACCOUNT_PAGE_MAX = 100;
