/**
 * The app API for e-tax accounts (F4–F9, F11, F16, F17, F19), shared by the mini program and the
 * server. Request bodies are zod schemas (validated at the edge by the server); responses are
 * TypeScript types. Errors are `{ error: { code, message } }` as in api.ts; bureau errors carry the
 * bureau's own message text.
 *
 * Every bureau interaction (add an account, log in, 认证, 更换微信 …) is a *flow*: started by one
 * call, answered with a FlowState saying what the user must do next (enter the SMS code, scan a
 * QR, confirm the 实名 check, sign the agreement, wait for a hosted number), advanced by the flow
 * calls until it is `done` or `failed`. Flows live on the server (any instance can continue them)
 * and expire.
 */
import { z } from 'zod';
import { soterProof } from './soter';
import {
  CHANNELS,
  LOGIN_TYPES,
  QR_APPS,
  ROLES,
  type Channel,
  type DropCause,
  type LoginType,
  type QrApp,
  type Role,
} from './domain';

// ---- Account list (F4) --------------------------------------------------------------------------

export type BoundState = 'none' | 'me' | 'other';

export interface AccountView {
  id: string;
  /** 151****1832 — the full account is never sent back. */
  maskedAccount: string;
  /** 身份 */
  role: Role;
  /** 开票 / 收票 permissions of this account at the bureau. */
  permissions: Channel[];
  loginType: LoginType;
  /** 未绑定 / 已绑定 (me = 本人). */
  bound: BoundState;
  /** 默认开票 / 默认收票 */
  defaults: Channel[];
  /** 已登录 per channel: when the bureau session ends (ISO); absent when not logged in. */
  sessions: Partial<Record<Channel, string>>;
  /** 已认证 until (ISO), absent when not. */
  authValidUntil?: string;
  /** 已锁定 with its reason (F14). */
  locked?: { reason: string; byPassword: boolean; at: string };
  /** What the current user may do with it (F7), so the page shows only allowed actions. */
  can: { login: boolean; edit: boolean; delete: boolean; changeWechat: boolean; unlock: boolean };
  /** For the bound user: how many 登录通知 WeChat will still deliver (F20). */
  notificationsLeft?: number;
  /** 已掉线 per channel (types/watch.ts): when and the likely cause; absent once logged in again. */
  dropped?: Partial<Record<Channel, { at: string; cause: DropCause }>>;
  /** 即将到期: the 登录 of these channels, or the 认证 (auth), end within the reminder lead time (SESSION_REMINDER_LEAD_MINUTES). */
  expiringSoon?: (Channel | 'auth')[];
}

/** The most accounts one page of the list may ask for. */
export const ACCOUNT_PAGE_MAX = 100;

/**
 * GET /api/v1/enterprises/:enterpriseId/accounts?limit=&cursor=&q= — one page of the list, oldest
 * first. Without `limit` the answer holds every (matching) account, as before paging existed.
 */
export const accountListQuery = z.object({
  /** How many accounts at most (1–100); absent: all. */
  limit: z.coerce
    .number('每页数量须为数字')
    .int('每页数量须为整数')
    .min(1, '每页数量至少为1')
    .max(ACCOUNT_PAGE_MAX, `每页数量最多为${ACCOUNT_PAGE_MAX}`)
    .optional(),
  /** The previous page's nextCursor: the list goes on after it. */
  cursor: z
    .string()
    .max(200, '翻页位置无效，请刷新列表')
    .regex(/^[A-Za-z0-9_-]+$/, '翻页位置无效，请刷新列表')
    .optional(),
  /**
   * 搜索: the last four characters of the account (what the list shows), the whole account, or
   * the holder's whole 姓名 — never a part of what the list masks.
   */
  q: z.string().trim().max(64, '搜索内容过长').optional(),
});
export type AccountListQuery = z.input<typeof accountListQuery>;

/** GET /api/v1/enterprises/:enterpriseId/accounts */
export interface AccountListResponse {
  enterprise: { id: string; name: string; taxId: string; region: string; tenantName: string };
  accounts: AccountView[];
  /** The current user is a 数电配置管理员 of this enterprise. */
  isAdmin: boolean;
  /** Pass as `cursor` for the next page; null when this page is the last. */
  nextCursor: string | null;
}

// ---- Flows ---------------------------------------------------------------------------------------

export type FlowStep =
  /** Enter the SMS code sent to maskedPhone. */
  | 'sms'
  /** Scan the QR with the named app and confirm there; poll GET /flows/:id. */
  | 'qr'
  /** Scan the face-check (认证) QR with the 税务APP; poll. */
  | 'face'
  /** 实名等级 < 3: show 姓名, 证件类型, 证件号码; 确认 runs the check, 取消 fails the login. */
  | 'real_name'
  /** The user agreement is not signed: show it; 确认 signs it. */
  | 'agreement'
  /** A hosted number is fetching its code; poll. */
  | 'hosted_wait'
  | 'done'
  | 'failed';

export interface FlowState {
  flowId: string;
  step: FlowStep;
  /** When the flow stops being usable (ISO). */
  expiresAt: string;
  /** Step 'sms': where the code went, and when 获取验证码 may be pressed again (ISO). */
  sms?: { maskedPhone: string; resendAt: string };
  /** Step 'qr' / 'face': an image to show (data: URL of a PNG), its app and its expiry. */
  qr?: { image: string; app: QrApp; expiresAt: string; state: 'pending' | 'scanned' | 'expired' };
  /** Step 'real_name'. */
  realName?: { name: string; idType: string; maskedIdNumber: string };
  /** Step 'agreement'. */
  agreement?: { title: string; text: string };
  /** Step 'done': the account concerned. */
  accountId?: string;
  /** Step 'failed' (or a refused step that can be retried): the bureau's words. */
  error?: { code: string; message: string };
}

/** POST /api/v1/enterprises/:enterpriseId/accounts/flows — 新增账号 (F5). */
export const addAccountBody = z.object({
  /** 开票业务 / 收票业务 chosen on 新增. */
  business: z.enum(CHANNELS, '请选择开票业务或收票业务'),
  /** 电子税局账号: phone, 证件号码 or user name. */
  account: z.string().trim().min(1, '请输入电子税局账号').max(64, '账号过长'),
  /** Never stored in clear, never sent back. */
  password: z.string().min(1, '请输入密码').max(64, '密码过长'),
  /** 身份 chosen (prefilled from the bureau). */
  role: z.enum(ROLES, '请选择身份'),
  loginType: z.enum(LOGIN_TYPES, '请选择登录类型'),
  /** password: 登录 (SMS or hosted); qr: 扫码登录. */
  method: z.enum(['password', 'qr'], '请选择登录方式').default('password'),
  qrApp: z.enum(QR_APPS, '请选择扫码的APP').default('tax'),
});
export type AddAccountBody = z.input<typeof addAccountBody>;

/** POST /api/v1/accounts/:accountId/flows — 登录 / 认证 (F16, F17), 更换微信 (F9). */
export const accountFlowBody = z.object({
  purpose: z.enum(['login', 'auth', 'change_wechat'], '请选择操作'),
  /** Which business to log in to; required for login when the account has both. */
  channel: z.enum(CHANNELS, '请选择开票业务或收票业务').optional(),
  method: z.enum(['password', 'qr'], '请选择登录方式').default('password'),
  qrApp: z.enum(QR_APPS, '请选择扫码的APP').default('tax'),
  /** 更换微信: the holder proves it with the account's password. */
  password: z.string().min(1, '请输入密码').max(64, '密码过长').optional(),
  /** 更换微信: the SOTER proof (types/soter.ts); absent or {unavailable: true} on a device without biometrics. */
  soter: soterProof.optional(),
});
export type AccountFlowBody = z.input<typeof accountFlowBody>;

/** DELETE /api/v1/accounts/:accountId — optional body: the admin's SOTER proof (types/soter.ts). */
export const deleteAccountBody = z.object({ soter: soterProof.optional() });

/** POST /api/v1/flows/:flowId/sms */
export const smsCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入6位数字验证码'),
});
// POST /api/v1/flows/:flowId/sms/resend → FlowState (获取验证码 again; 429 before resendAt)
/** POST /api/v1/flows/:flowId/real-name */
export const realNameBody = z.object({ confirm: z.boolean('请选择确认或取消') });
/** POST /api/v1/flows/:flowId/agreement */
export const agreementBody = z.object({ sign: z.boolean('请选择是否同意协议') });
/** POST /api/v1/flows/:flowId/qr — a fresh QR (刷新二维码), optionally for the other app. */
export const refreshQrBody = z.object({ app: z.enum(QR_APPS, '请选择扫码的APP').optional() });
// GET /api/v1/flows/:flowId → FlowState (poll); DELETE /api/v1/flows/:flowId → 204 (cancel)

// ---- Account edits ------------------------------------------------------------------------------

/** GET /api/v1/accounts/:accountId → AccountDetail (for 编辑). */
export interface AccountDetail extends AccountView {
  enterprise: { id: string; name: string; taxId: string; region: string };
  /** How many accounts the enterprise has (F8: a lone account can only be 开票+收票 default). */
  enterpriseAccountCount: number;
}

/** Subscribe results of the tap that asked (wx.requestSubscribeMessage): templateId → result. */
export const subscribeResults = z
  .record(z.string().max(64, '模板编号过长'), z.enum(['accept', 'reject', 'ban', 'filter'], '订阅结果不正确'))
  .default({});

/** POST /api/v1/accounts/:accountId/binding — 绑定微信收登录通知 (F6). → AccountDetail */
export const bindBody = z.object({ subscriptions: subscribeResults });
// DELETE /api/v1/accounts/:accountId/binding → AccountDetail (解绑)

/** PUT /api/v1/accounts/:accountId/defaults — 设置默认账号 (F8). → AccountListResponse */
export const defaultsBody = z.object({
  /** The channels this account is the default for: [], ['issue'], ['receive'] or both. */
  channels: z.array(z.enum(CHANNELS, '请选择开票或收票'), '请选择默认的业务').max(2, '最多选择开票和收票两项'),
});
// DELETE /api/v1/accounts/:accountId → 204 (删除, F11)
// POST /api/v1/accounts/:accountId/unlock → AccountDetail (解锁, F14)
// DELETE /api/v1/enterprises/:enterpriseId/bindings → 204 (解绑 all my accounts of it, F2)

/** POST /api/v1/me/subscriptions — record a subscribe popup's results at a natural tap (F20). */
export const recordSubscriptionsBody = z.object({ subscriptions: subscribeResults });
/** GET /api/v1/me/subscriptions → credits left per template, and the template ids to ask for. */
export interface SubscriptionsResponse {
  templates: { loginNotice: string; accountChange: string };
  credits: Record<string, number>;
}

// ---- Recent logins (F19) ------------------------------------------------------------------------

/** GET /api/v1/me/recent-logins → RecentLogin[]: the user's last ≤ 10 successful logins, newest first. */
export interface RecentLogin {
  enterpriseId: string;
  accountId: string;
  taxId: string;
  enterpriseName: string;
  region: string;
  maskedAccount: string;
  loggedInAt: string;
}

// ---- 新增账号 prefill (F5) -------------------------------------------------------------------------

/** POST /api/v1/enterprises/:enterpriseId/accounts/lookup — what the bureau says the account is here. */
export const accountLookupBody = z.object({
  /** 电子税局账号 as typed: phone, 证件号码 or user name. */
  account: z.string().trim().min(1, '请输入电子税局账号').max(64, '账号过长'),
});
export interface AccountLookupResponse {
  /** The person's name as the bureau gives it (masked, e.g. 张*丰). */
  name: string;
  /** Their 身份 in the enterprise with the business permissions of each. */
  roles: { role: Role; permissions: Channel[] }[];
}

// ---- Error codes ---------------------------------------------------------------------------------

/**
 * `error.code` values of these routes, beyond ErrorCodes of api.ts (unauthorized, validation_error,
 * not_found — also for tenants the user is not a member of —, forbidden …). A bureau refusal has the
 * code `etax_<kind>` (etax_wrong_password, etax_locked, etax_no_relation, etax_sms_code_wrong,
 * etax_sms_code_expired, etax_resend_too_soon, etax_unavailable …) and the bureau's own text as message.
 */
export const AccountErrorCodes = {
  /** 已有的账号无需重复添加 */
  accountExists: 'account_exists',
  /** Another WeChat user bound the account first (F6). */
  alreadyBound: 'already_bound',
  /** 更换微信 of an account that is mine or not bound at all (F9). */
  nothingToChange: 'nothing_to_change',
  /** A 设置默认账号 choice the rules do not allow (F8); the message says why. */
  defaultsRefused: 'defaults_refused',
  /** 登录 of an account that is 已锁定: 解锁 first (F14). */
  accountLocked: 'account_locked',
  /** 解锁 of an account that is not locked. */
  notLocked: 'not_locked',
  /** 登录 in a business the account has no permission for, or none chosen though it has both. */
  channelRequired: 'channel_required',
  /** Hosted login types need the hosted phone number as the account. */
  hostedNeedsPhone: 'hosted_needs_phone',
  /** The flow is over (done, failed, cancelled or expired): start again. */
  flowClosed: 'flow_closed',
  /** The call does not fit the flow's current step. */
  wrongStep: 'wrong_step',
  /** The previous call of this flow is still being handled. */
  flowBusy: 'flow_busy',
} as const;

/**
 * `FlowState.error.code` of a flow that ended `failed`, besides `account_exists` (someone saved the
 * same account first) and `etax_<kind>` (the bureau ended it, e.g. etax_locked, etax_real_name_failed).
 * A poll that met a passing trouble (etax_unavailable …) answers the unchanged step with `error` set.
 */
export const FlowFailureCodes = {
  /** The flow's time (expiresAt) ran out. */
  expired: 'flow_expired',
  /** DELETE /flows/:id. */
  cancelled: 'cancelled',
  /** A hosted number received no code in time. */
  hostedTimeout: 'hosted_timeout',
  /** 取消 on the 实名 screen. */
  realNameCancelled: 'real_name_cancelled',
  /** The user agreement was not signed. */
  agreementDeclined: 'agreement_declined',
  /** The account was deleted while the flow ran. */
  accountDeleted: 'account_deleted',
} as const;
