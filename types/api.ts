/**
 * The app API (`/api/v1`), shared by the mini program and the server.
 * Every request body and every answer has a zod schema here: the server validates requests with
 * them at the edge and documents both in /openapi.json; the app imports their inferred types only
 * (answers are never parsed at run time: zod stays out of the mini program). Errors are always
 * `{ error: { code, message, retryAfterSeconds? } }` with a 4xx/5xx status, `message` in Chinese
 * and fit to show on screen as is.
 */
import { z } from 'zod';
import { loginRequestView } from './requests';

export const API_PREFIX = '/api/v1';

/** Error body of every failed call (app API and operator API). */
export interface ApiErrorBody {
  error: {
    /** Stable machine code, e.g. `invalid_activation_code`. */
    code: string;
    /** Chinese text fit for the screen. */
    message: string;
    /** When the caller is rate limited: seconds until it may try again. */
    retryAfterSeconds?: number;
  };
}

// ---- Sign-in (F1) -------------------------------------------------------------------------------

/** POST /api/v1/auth/login — exchange a wx.login code for our session token. */
export const loginBody = z.object({
  /** The code wx.login returned (single use, 5 minutes). */
  code: z.string().min(1, '缺少登录凭证').max(128),
});
export type LoginBody = z.infer<typeof loginBody>;
// POST /api/v1/auth/login → LoginResponse (below: it carries 个人中心's data)
// POST /api/v1/auth/logout → 204 (revokes the current token)

// ---- Tenants and enterprises (F2, F3) -----------------------------------------------------------

/** The admin state of an enterprise as the current user sees it (F10). */
const ADMIN_STATES = ['none', 'other', 'me'] as const;
export type AdminState = (typeof ADMIN_STATES)[number];

export const enterpriseSummary = z.object({
  id: z.string(),
  name: z.string(),
  /** 税号 */
  taxId: z.string(),
  /** 地区 */
  region: z.string(),
  /** How many e-tax accounts the enterprise has. */
  accountCount: z.number().int(),
  /** How many of them are bound to the current user. */
  myBoundCount: z.number().int(),
  /** How many of mine need me: 已掉线, or a 登录 / 认证 即将到期 (issue 14). */
  myNeedingCount: z.number().int().optional(),
  /** 数电配置管理员: none (未绑定), someone else (masked names), or me (本人). */
  admin: z.object({ state: z.enum(ADMIN_STATES), names: z.array(z.string()) }),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;

const tenantExample = {
  id: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
  name: '乌鲁木齐丝路商贸集团',
  enterprises: [
    {
      id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
      name: '乌鲁木齐丝路商贸有限责任公司',
      taxId: '91650100MA7XJ3K84G',
      region: '新疆',
      accountCount: 3,
      myBoundCount: 1,
      myNeedingCount: 0,
      admin: { state: 'other', names: ['张*丰'] },
    },
  ],
};

/** POST /api/v1/me/tenants → 201 TenantSummary */
export const tenantSummary = z
  .object({ id: z.string(), name: z.string(), enterprises: z.array(enterpriseSummary) })
  .meta({ examples: [tenantExample] });
export type TenantSummary = z.infer<typeof tenantSummary>;

/** GET /api/v1/me/tenants */
export const myTenantsResponse = z
  .object({ tenants: z.array(tenantSummary) })
  .meta({ examples: [{ tenants: [tenantExample] }] });
export type MyTenantsResponse = z.infer<typeof myTenantsResponse>;

/** POST /api/v1/auth/login — our session token for a wx.login code. */
export const loginResponse = z
  .object({
    /** Bearer token for every other call; opaque. */
    token: z.string(),
    /** ISO time when the token stops working; the app signs in again by itself after that. */
    expiresAt: z.string(),
    user: z.object({ id: z.string() }),
    /**
     * 个人中心's data for this user, as GET /me/tenants and GET /login-requests answer it: the first
     * screen shows it with the sign-in instead of asking for it one round trip later.
     */
    home: z.object({ tenants: z.array(tenantSummary), loginRequests: z.array(loginRequestView) }),
  })
  .meta({
    examples: [
      {
        token: 'q0Jx8c2kM1tHf3Qv9yLr5Wb7Zp4Ns6Da',
        expiresAt: '2026-12-14T03:15:42.000Z',
        user: { id: '1b6f3a52-7c1e-4d8a-9f0b-2e5d6c7a8b90' },
        home: { tenants: [tenantExample], loginRequests: [] },
      },
    ],
  });
export type LoginResponse = z.infer<typeof loginResponse>;

/** POST /api/v1/me/tenants — join a tenant by its 激活码. 201 → TenantSummary. */
export const joinTenantBody = z.object({
  /** 激活码 as typed; spaces and case are ignored. */
  activationCode: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().min(1, '请输入激活码').max(64, '激活码不正确，请核对后重新输入')),
});
export type JoinTenantBody = z.input<typeof joinTenantBody>;
// DELETE /api/v1/me/tenants/:tenantId → 204 (leave the tenant)

// ---- Fixed error codes the app reacts to ---------------------------------------------------------
export const ErrorCodes = {
  unauthorized: 'unauthorized',
  validation: 'validation_error',
  notFound: 'not_found',
  forbidden: 'forbidden',
  invalidActivationCode: 'invalid_activation_code',
  alreadyJoined: 'already_joined',
  tooManyAttempts: 'too_many_attempts',
  internal: 'internal_error',
} as const;
