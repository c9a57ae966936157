/**
 * The app API for e-tax accounts (F4–F9, F11, F16, F17, F19), shared by the mini program and the
 * server. Request bodies and answers are zod schemas (requests validated at the edge by the server,
 * both documented in /openapi.json); the app imports their types only. Errors are `{ error: { code, message } }` as in api.ts; bureau errors carry the
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
import { ACCOUNT_PAGE_MAX, CHANNELS, DROP_CAUSES, LOGIN_TYPES, QR_APPS, ROLES } from './domain';

// ---- Account list (F4) --------------------------------------------------------------------------

const iso = z.string().describe('ISO 8601 time');
/** One value per channel, each absent when it does not apply. */
const perChannel = <T extends z.ZodType>(value: T) => z.object({ issue: value.optional(), receive: value.optional() });

const BOUND_STATES = ['none', 'me', 'other'] as const;
export type BoundState = (typeof BOUND_STATES)[number];

export const accountView = z.object({
  id: z.string(),
  /** 151****1832 — the full account is never sent back. */
  maskedAccount: z.string(),
  /** 身份 */
  role: z.enum(ROLES),
  /** 开票 / 收票 permissions of this account at the bureau. */
  permissions: z.array(z.enum(CHANNELS)),
  loginType: z.enum(LOGIN_TYPES),
  /** 未绑定 / 已绑定 (me = 本人). */
  bound: z.enum(BOUND_STATES),
  /** 默认开票 / 默认收票 */
  defaults: z.array(z.enum(CHANNELS)),
  /** 已登录 per channel: when the bureau session ends (ISO); absent when not logged in. */
  sessions: perChannel(iso),
  /** 已认证 until (ISO), absent when not. */
  authValidUntil: iso.optional(),
  /** 已锁定 with its reason (F14). */
  locked: z.object({ reason: z.string(), byPassword: z.boolean(), at: iso }).optional(),
  /** What the current user may do with it (F7), so the page shows only allowed actions. */
  can: z.object({
    login: z.boolean(),
    edit: z.boolean(),
    delete: z.boolean(),
    changeWechat: z.boolean(),
    unlock: z.boolean(),
  }),
  /** For the bound user: how many 登录通知 WeChat will still deliver (F20). */
  notificationsLeft: z.number().int().optional(),
  /** 已掉线 per channel (types/watch.ts): when and the likely cause; absent once logged in again. */
  dropped: perChannel(z.object({ at: iso, cause: z.enum(DROP_CAUSES) })).optional(),
  /** 即将到期: the 登录 of these channels, or the 认证 (auth), end within the reminder lead time (SESSION_REMINDER_LEAD_MINUTES). */
  expiringSoon: z.array(z.enum([...CHANNELS, 'auth'])).optional(),
});
export type AccountView = z.infer<typeof accountView>;

const accountExample: AccountView = {
  id: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  maskedAccount: '139****6513',
  role: '财务负责人',
  permissions: ['issue', 'receive'],
  loginType: 'manual',
  bound: 'me',
  defaults: ['issue'],
  sessions: { issue: '2026-12-07T05:15:42.000Z' },
  authValidUntil: '2026-12-08T03:15:42.000Z',
  can: { login: true, edit: true, delete: true, changeWechat: false, unlock: false },
  notificationsLeft: 2,
};
const enterpriseExample = {
  id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  name: '乌鲁木齐丝路商贸有限责任公司',
  taxId: '91650100MA7XJ3K84G',
  region: '新疆',
};

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
export const accountListResponse = z
  .object({
    enterprise: z.object({
      id: z.string(),
      name: z.string(),
      taxId: z.string(),
      region: z.string(),
      tenantName: z.string(),
    }),
    accounts: z.array(accountView),
    /** The current user is a 数电配置管理员 of this enterprise. */
    isAdmin: z.boolean(),
    /** Pass as `cursor` for the next page; null when this page is the last. */
    nextCursor: z.string().nullable(),
  })
  .meta({
    examples: [
      {
        enterprise: { ...enterpriseExample, tenantName: '乌鲁木齐丝路商贸集团' },
        accounts: [accountExample],
        isAdmin: false,
        nextCursor: null,
      },
    ],
  });
export type AccountListResponse = z.infer<typeof accountListResponse>;

// ---- Flows ---------------------------------------------------------------------------------------

/**
 * What the user must do next:
 * sms — enter the SMS code sent to maskedPhone;
 * qr — scan the QR with the named app and confirm there; poll GET /flows/:id;
 * face — scan the face-check (认证) QR with the 税务APP; poll;
 * real_name — 实名等级 < 3: show 姓名, 证件类型, 证件号码; 确认 runs the check, 取消 fails the login;
 * agreement — the user agreement is not signed: show it; 确认 signs it;
 * hosted_wait — a hosted number is fetching its code; poll;
 * done, failed.
 */
const FLOW_STEPS = ['sms', 'qr', 'face', 'real_name', 'agreement', 'hosted_wait', 'done', 'failed'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

export const flowState = z
  .object({
    flowId: z.string(),
    step: z.enum(FLOW_STEPS),
    /** When the flow stops being usable (ISO). */
    expiresAt: iso,
    /** Step 'sms': where the code went, and when 获取验证码 may be pressed again (ISO). */
    sms: z.object({ maskedPhone: z.string(), resendAt: iso }).optional(),
    /** Step 'qr' / 'face': an image to show (data: URL of a PNG), its app and its expiry. */
    qr: z
      .object({
        image: z.string(),
        app: z.enum(QR_APPS),
        expiresAt: iso,
        state: z.enum(['pending', 'scanned', 'expired']),
      })
      .optional(),
    /** Step 'real_name'. */
    realName: z.object({ name: z.string(), idType: z.string(), maskedIdNumber: z.string() }).optional(),
    /** Step 'agreement'. */
    agreement: z.object({ title: z.string(), text: z.string() }).optional(),
    /** Step 'done': the account concerned. */
    accountId: z.string().optional(),
    /** Step 'failed' (or a refused step that can be retried): the bureau's words. */
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({
    description:
      'A bureau flow: what the user must do next (step), continued with the /flows calls until done or failed.',
    examples: [
      {
        flowId: '2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f',
        step: 'sms',
        expiresAt: '2026-12-07T03:25:42.000Z',
        sms: { maskedPhone: '139****6513', resendAt: '2026-12-07T03:16:42.000Z' },
      },
      {
        flowId: '2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f',
        step: 'done',
        expiresAt: '2026-12-07T03:25:42.000Z',
        accountId: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
      },
    ],
  });
export type FlowState = z.infer<typeof flowState>;

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
export const accountDetail = accountView
  .extend({
    enterprise: z.object({ id: z.string(), name: z.string(), taxId: z.string(), region: z.string() }),
    /** How many accounts the enterprise has (F8: a lone account can only be 开票+收票 default). */
    enterpriseAccountCount: z.number().int(),
  })
  .meta({ examples: [{ ...accountExample, enterprise: enterpriseExample, enterpriseAccountCount: 3 }] });
export type AccountDetail = z.infer<typeof accountDetail>;

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
export const subscriptionsResponse = z
  .object({
    templates: z.object({ loginNotice: z.string(), accountChange: z.string() }),
    /** templateId → how many messages WeChat will still deliver. */
    credits: z.record(z.string(), z.number().int()),
  })
  .meta({
    examples: [
      {
        templates: { loginNotice: 'tmpl-login-notice', accountChange: 'tmpl-account-change' },
        credits: { 'tmpl-login-notice': 2, 'tmpl-account-change': 0 },
      },
    ],
  });
export type SubscriptionsResponse = z.infer<typeof subscriptionsResponse>;

// ---- Recent logins (F19) ------------------------------------------------------------------------

export const recentLogin = z.object({
  enterpriseId: z.string(),
  accountId: z.string(),
  taxId: z.string(),
  enterpriseName: z.string(),
  region: z.string(),
  maskedAccount: z.string(),
  loggedInAt: iso,
});
export type RecentLogin = z.infer<typeof recentLogin>;
/** GET /api/v1/me/recent-logins → RecentLogin[]: the user's last ≤ 10 successful logins, newest first. */
export const recentLogins = z.array(recentLogin).meta({
  examples: [
    [
      {
        enterpriseId: enterpriseExample.id,
        accountId: accountExample.id,
        taxId: enterpriseExample.taxId,
        enterpriseName: enterpriseExample.name,
        region: enterpriseExample.region,
        maskedAccount: '139****6513',
        loggedInAt: '2026-12-07T03:15:42.000Z',
      },
    ],
  ],
});

// ---- 新增账号 prefill (F5) -------------------------------------------------------------------------

/** POST /api/v1/enterprises/:enterpriseId/accounts/lookup — what the bureau says the account is here. */
export const accountLookupBody = z.object({
  /** 电子税局账号 as typed: phone, 证件号码 or user name. */
  account: z.string().trim().min(1, '请输入电子税局账号').max(64, '账号过长'),
});
export const accountLookupResponse = z
  .object({
    /** The person's name as the bureau gives it (masked, e.g. 张*丰). */
    name: z.string(),
    /** Their 身份 in the enterprise with the business permissions of each. */
    roles: z.array(z.object({ role: z.enum(ROLES), permissions: z.array(z.enum(CHANNELS)) })),
  })
  .meta({ examples: [{ name: '张*丰', roles: [{ role: '财务负责人', permissions: ['issue', 'receive'] }] }] });
export type AccountLookupResponse = z.infer<typeof accountLookupResponse>;

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
