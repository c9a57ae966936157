/**
 * The app API (`/api/v1`), shared by the mini program and the server.
 * Every request body has a zod schema here (the server validates with it at the edge, the app may
 * pre-check with it); every response has a TypeScript type. Errors are always
 * `{ error: { code, message, retryAfterSeconds? } }` with a 4xx/5xx status, `message` in Chinese
 * and fit to show on screen as is.
 */
import { z } from 'zod';

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
export interface LoginResponse {
  /** Bearer token for every other call; opaque. */
  token: string;
  /** ISO time when the token stops working; the app signs in again by itself after that. */
  expiresAt: string;
  user: { id: string };
}
// POST /api/v1/auth/logout → 204 (revokes the current token)

// ---- Tenants and enterprises (F2, F3) -----------------------------------------------------------

/** The admin state of an enterprise as the current user sees it (F10). */
export type AdminState = 'none' | 'other' | 'me';

export interface EnterpriseSummary {
  id: string;
  name: string;
  /** 税号 */
  taxId: string;
  /** 地区 */
  region: string;
  /** How many e-tax accounts the enterprise has. */
  accountCount: number;
  /** How many of them are bound to the current user. */
  myBoundCount: number;
  /** How many of mine need me: 已掉线, or a 登录 / 认证 即将到期 (issue 14). */
  myNeedingCount?: number;
  /** 数电配置管理员: none (未绑定), someone else (masked names), or me (本人). */
  admin: { state: AdminState; names: string[] };
}

export interface TenantSummary {
  id: string;
  name: string;
  enterprises: EnterpriseSummary[];
}

/** GET /api/v1/me/tenants */
export interface MyTenantsResponse {
  tenants: TenantSummary[];
}

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
