/**
 * The operator API (`/ops/v1`, CONTRACT.md): for the invoice business system and operators.
 * `Authorization: Bearer <OPS_TOKEN>`; errors as in api.ts.
 */
import { z } from 'zod';
import { isTaxId } from './validators';
import { CHANNELS } from './domain';
import { LOGIN_REQUEST_PURPOSES, LOGIN_REQUEST_STATUSES } from './requests';

export const OPS_PREFIX = '/ops/v1';

/** POST /ops/v1/tenants → 201 { id, name, activationCode } (the code is shown this once). */
export const createTenantBody = z
  .object({
    /** 租户名称 */
    name: z.string().trim().min(1, '租户名称不能为空').max(100, '租户名称不能超过100个字符'),
  })
  .meta({ examples: [{ name: '乌鲁木齐丝路商贸集团' }] });
export const createTenantResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    /** 激活码: members join with it (POST /api/v1/me/tenants); shown this once, stored hashed. */
    activationCode: z.string(),
  })
  .meta({
    examples: [
      { id: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', name: '乌鲁木齐丝路商贸集团', activationCode: 'K7M2Q9XH4T' },
    ],
  });
export type CreateTenantResponse = z.infer<typeof createTenantResponse>;

/** POST /ops/v1/tenants/:tenantId/enterprises → 201 { id, name, taxId, region } */
export const createEnterpriseBody = z
  .object({
    /** 企业名称 */
    name: z.string().trim().min(1, '企业名称不能为空').max(200, '企业名称不能超过200个字符'),
    /** 税号: 18-character 统一社会信用代码 (with its check character) or a legacy 15-digit 税号. */
    taxId: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .refine(isTaxId, '税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号）'),
    /** 地区, e.g. 新疆 */
    region: z.string().trim().min(1, '地区不能为空').max(50, '地区不能超过50个字符'),
  })
  .meta({ examples: [{ name: '乌鲁木齐丝路商贸有限责任公司', taxId: '91650100MA7XJ3K84G', region: '新疆' }] });
export const createEnterpriseResponse = z
  .object({ id: z.string(), name: z.string(), taxId: z.string(), region: z.string() })
  .meta({
    examples: [
      {
        id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
        name: '乌鲁木齐丝路商贸有限责任公司',
        taxId: '91650100MA7XJ3K84G',
        region: '新疆',
      },
    ],
  });
export type CreateEnterpriseResponse = z.infer<typeof createEnterpriseResponse>;

// ---- Tax sessions: 登录通知 and the browser link (F15, F18; types/requests.ts) -------------------

/**
 * POST /ops/v1/tax-sessions — the invoice system needs a live bureau session.
 * → 200 TaxSessionReady when one is live (checked with the bureau: sessions drop; for `auth` the
 *   认证 must be valid too);
 * → 202 TaxSessionPending when a person must act (or a hosted account is logging in by itself):
 *   a login request was opened — or a pending one for the same account, channel and purpose joined,
 *   with no second notice. Follow it with GET /ops/v1/tax-sessions/:requestId or the tenant webhook.
 * Errors (4xx, `{ error: { code, message } }`): validation_error, enterprise_not_found,
 * ambiguous_tax_id (the 税号 is under several tenants: pass tenantId), account_not_found,
 * no_default_account, no_channel_permission, account_locked (423: 已锁定 in our system, F14 —
 * nothing is tried until someone unlocks it; the message gives the reason).
 */
export const taxSessionBody = z
  .object({
    /** 税号 of the enterprise. */
    taxId: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .refine(isTaxId, '税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号）'),
    /** issue = 开票, receive = 收票. */
    channel: z.enum(CHANNELS, 'channel 须为 issue（开票）或 receive（收票）'),
    /** login: a live session; auth: a live session and a valid 认证 (face check). */
    purpose: z.enum(LOGIN_REQUEST_PURPOSES, 'purpose 须为 login（登录）或 auth（认证）'),
    /** 电子税局账号 (phone, 证件号码 or 用户名); omitted = the enterprise's default account for the channel (F8). */
    account: z.string().trim().min(1, 'account 不能为空').max(64).optional(),
    /** Only when the 税号 is under several tenants: which one. */
    tenantId: z.uuid('tenantId 格式不正确').optional(),
  })
  .meta({ examples: [{ taxId: '91650100MA7XJ3K84G', channel: 'issue', purpose: 'login', account: '13977846513' }] });
export type TaxSessionBody = z.input<typeof taxSessionBody>;

export const taxSessionReady = z
  .object({
    status: z.literal('ready'),
    /** The account, masked (151****1832). */
    account: z.string(),
    /** When the bureau session runs out (ISO). */
    expiresAt: z.string(),
  })
  .meta({ examples: [{ status: 'ready', account: '139****6513', expiresAt: '2026-12-07T05:15:42.000Z' }] });
export type TaxSessionReady = z.infer<typeof taxSessionReady>;

export const taxSessionPending = z
  .object({
    status: z.literal('pending'),
    requestId: z.string(),
    /**
     * For the invoice system's user: "请151****1832绑定的微信用户，前往发票云小程序点击收到的登录通知进行操作"
     * (a subscribe message went to the bound WeChat user), the browser-link text below, or that a
     * hosted account is logging in by itself.
     */
    message: z.string(),
    /**
     * Only when no WeChat user could be told (account unbound, no subscribe credit, WeChat refused):
     * a single-use page that logs in with no WeChat sign-in, valid until expiresAt. `message` is then
     * "电子税局登录失败，请用浏览器打开该链接：<loginUrl>，完成登录后再操作！".
     */
    loginUrl: z.string().optional(),
    /** When the request expires unless done (ISO). */
    expiresAt: z.string(),
  })
  .meta({
    examples: [
      {
        status: 'pending',
        requestId: '4f0c6a36-5d5b-4f59-9d1a-2d3c8a7f1e20',
        message: '请139****6513绑定的微信用户，前往发票云小程序点击收到的登录通知进行操作',
        expiresAt: '2026-12-07T03:25:42.000Z',
      },
    ],
  });
export type TaxSessionPending = z.infer<typeof taxSessionPending>;

/** GET /ops/v1/tax-sessions/:requestId → the request's state; `reason` when failed or expired. */
export const taxSessionStatus = z
  .object({
    requestId: z.string(),
    status: z.enum(LOGIN_REQUEST_STATUSES),
    /** failed: the bureau's own words (or ours: account locked, deleted); expired: that it timed out. */
    reason: z.string().optional(),
    expiresAt: z.string(),
  })
  .meta({
    examples: [
      { requestId: '4f0c6a36-5d5b-4f59-9d1a-2d3c8a7f1e20', status: 'done', expiresAt: '2026-12-07T03:25:42.000Z' },
    ],
  });
export type TaxSessionStatus = z.infer<typeof taxSessionStatus>;

/**
 * PUT /ops/v1/tenants/:tenantId/webhook → 200 { tenantId, url } (the secret is never shown again);
 * GET → the same (404 when none); DELETE → 204.
 *
 * When a login request of the tenant ends (done, failed, expired) the server POSTs a
 * TaxSessionWebhookPayload as JSON to `url`, with the headers
 *   X-Timestamp: <unix seconds>        (also in the body as `timestamp`)
 *   X-Signature: sha256=<hex HMAC-SHA256(secret, raw request body)>
 * Check the signature over the raw bytes before parsing, and refuse old timestamps (replays).
 * Any answer but 2xx (or none within the timeout) is retried with exponential backoff on the job
 * queue (WEBHOOK_RETRY_LIMIT, WEBHOOK_RETRY_DELAY_SECONDS); each attempt is signed afresh.
 */
export const webhookBody = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'url 须为 http(s) 地址' }),
    /** The HMAC-SHA256 key shared with the invoice system. */
    secret: z.string().min(16, 'secret 至少16个字符').max(200, 'secret 不能超过200个字符'),
  })
  .meta({
    examples: [{ url: 'https://invoice.example.com/hooks/fapiaoyun', secret: 'a-long-shared-secret-of-yours' }],
  });
export type WebhookBody = z.input<typeof webhookBody>;

export const webhookView = z.object({ tenantId: z.string(), url: z.string() }).meta({
  examples: [{ tenantId: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', url: 'https://invoice.example.com/hooks/fapiaoyun' }],
});

export const taxSessionWebhookPayload = z.object({
  event: z.literal('tax_session.ended'),
  requestId: z.string(),
  status: z.enum(['done', 'failed', 'expired']),
  /** failed: the bureau's words (or ours); expired: that it timed out. */
  reason: z.string().optional(),
  taxId: z.string(),
  channel: z.enum(CHANNELS),
  purpose: z.enum(LOGIN_REQUEST_PURPOSES),
  /** Masked (151****1832). */
  account: z.string(),
  /** When the request ended (ISO). */
  endedAt: z.string(),
  /** Unix seconds of this delivery attempt; equals X-Timestamp. */
  timestamp: z.number().int(),
});
export type TaxSessionWebhookPayload = z.infer<typeof taxSessionWebhookPayload>;

/** `error.code` values of the tax-session and webhook routes. */
export const TaxSessionErrorCodes = {
  enterpriseNotFound: 'enterprise_not_found',
  ambiguousTaxId: 'ambiguous_tax_id',
  accountNotFound: 'account_not_found',
  noDefaultAccount: 'no_default_account',
  noChannelPermission: 'no_channel_permission',
  accountLocked: 'account_locked',
  requestNotFound: 'request_not_found',
  tenantNotFound: 'tenant_not_found',
  webhookNotFound: 'webhook_not_found',
} as const;
