/**
 * The app API for 数电配置管理员 (F10), shared by the mini program and the server.
 *
 * 申请绑定 is a bureau flow like 新增账号 (types/accounts.ts): POST …/admins/flows answers a FlowState
 * (usually step 'sms'), the app continues it with the flow calls (POST /flows/:id/sms, GET /flows/:id …)
 * until `done` — the user is then an admin of the enterprise — or `failed` (error.code
 * `admin_role_required` when the bureau says the person is neither 法定代表人 nor 财务负责人 there).
 * An admin may delete accounts bound to other WeChat users (DELETE /accounts/:id); each such act is
 * written to the enterprise's audit log and the bound user is told by a subscribe message.
 */
import { z } from 'zod';
import { soterProof, type BiometricMode } from './soter';

/** POST /api/v1/enterprises/:enterpriseId/admins/flows — 提交验证. 201 → FlowState (types/accounts.ts). */
export const adminFlowBody = z.object({
  /** 电子税局账号 of the enterprise's 法定代表人 or 财务负责人: phone, 证件号码 or user name. */
  account: z.string().trim().min(1, '请输入电子税局账号').max(64, '账号过长'),
  /** Checked by the bureau login; never stored, never sent back. */
  password: z.string().min(1, '请输入密码').max(64, '密码过长'),
  /** The SOTER proof (types/soter.ts); absent or {unavailable: true} on a device without biometrics. */
  soter: soterProof.optional(),
});
export type AdminFlowBody = z.input<typeof adminFlowBody>;

/** One 数电配置管理员 as the current user sees them. */
export interface AdminView {
  /** The 法定代表人 / 财务负责人 who proved it: masked (张*丰) for others, in full for me. */
  name: string;
  /** This admin is me (本人). */
  me: boolean;
  /** When they became admin (ISO). */
  since: string;
}

/** GET /api/v1/enterprises/:enterpriseId/admins — any member of the tenant. */
export interface AdminListResponse {
  enterpriseId: string;
  /** Oldest first; empty = 未绑定. */
  admins: AdminView[];
  /** I am one of them. */
  isAdmin: boolean;
}
// DELETE /api/v1/enterprises/:enterpriseId/admins/me → 204 (step down; 409 not_admin when I am not one)

/** What an admin did with the rights of the role. */
export const AUDIT_ACTIONS = [
  'delete_account',
  'unbind_on_leave',
  'admin_end_on_leave',
  'failed_attempt',
  'change_wechat_start',
  'admin_apply_start',
  'password_reset_start',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  delete_account: '删除已绑定其他微信的账号',
  unbind_on_leave: '退出租户，账号随之解绑',
  admin_end_on_leave: '退出租户，不再是数电配置管理员',
  failed_attempt: '他人输错该账号的密码或验证码',
  change_wechat_start: '发起更换微信',
  admin_apply_start: '申请成为数电配置管理员',
  password_reset_start: '发起重置税局密码',
};

/** One entry of the audit log. No secret is ever in it. */
export interface AuditEntry {
  id: string;
  /** When (ISO). */
  at: string;
  action: AuditAction;
  /** AUDIT_ACTION_LABELS[action], for the screen. */
  actionLabel: string;
  /** Who: the admin's name (masked for others, in full for me) and whether it was me. */
  actor: { name: string; me: boolean };
  /** From which WeChat user: the acting openid, masked (oAbc****wxyz). */
  maskedOpenid: string;
  /** What: the account concerned, masked (151****1832). */
  maskedAccount: string;
  /** The enterprise as it was named at the time. */
  enterpriseName: string;
  /** 税号 */
  taxId: string;
  /** SOTER-guarded acts (types/soter.ts): confirmed by 指纹 / 面容, or the device had none. */
  biometric?: BiometricMode;
  /** BIOMETRIC_LABELS[biometric], for the screen. */
  biometricLabel?: string;
}

/** GET /api/v1/enterprises/:enterpriseId/audit-log — admins of the enterprise only (403 otherwise). */
export interface AuditLogResponse {
  /** Newest first, at most 100. */
  entries: AuditEntry[];
}

/** `error.code` values of these routes (besides ErrorCodes of api.ts and `etax_<kind>` bureau refusals). */
export const AdminErrorCodes = {
  /** The bureau says the person is neither 法定代表人 nor 财务负责人 of the enterprise; the message names what they are. */
  roleRequired: 'admin_role_required',
  /** 申请绑定 by someone who already is an admin of the enterprise. */
  alreadyAdmin: 'already_admin',
  /** Stepping down without being an admin. */
  notAdmin: 'not_admin',
  /** The audit log asked for by someone who is not an admin of the enterprise. */
  adminsOnly: 'admins_only',
} as const;
