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
import { BIOMETRIC_MODES, soterProof } from './soter';

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
export const adminView = z.object({
  /** The 法定代表人 / 财务负责人 who proved it: masked (张*丰) for others, in full for me. */
  name: z.string(),
  /** This admin is me (本人). */
  me: z.boolean(),
  /** When they became admin (ISO). */
  since: z.string(),
});
export type AdminView = z.infer<typeof adminView>;

/** GET /api/v1/enterprises/:enterpriseId/admins — any member of the tenant. */
export const adminListResponse = z
  .object({
    enterpriseId: z.string(),
    /** Oldest first; empty = 未绑定. */
    admins: z.array(adminView),
    /** I am one of them. */
    isAdmin: z.boolean(),
  })
  .meta({
    examples: [
      {
        enterpriseId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
        admins: [{ name: '张*丰', me: false, since: '2026-11-20T02:10:00.000Z' }],
        isAdmin: false,
      },
    ],
  });
export type AdminListResponse = z.infer<typeof adminListResponse>;
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
export const auditEntry = z.object({
  id: z.string(),
  /** When (ISO). */
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** AUDIT_ACTION_LABELS[action], for the screen. */
  actionLabel: z.string(),
  /** Who: the admin's name (masked for others, in full for me) and whether it was me. */
  actor: z.object({ name: z.string(), me: z.boolean() }),
  /** From which WeChat user: the acting openid, masked (oAbc****wxyz). */
  maskedOpenid: z.string(),
  /** What: the account concerned, masked (151****1832). */
  maskedAccount: z.string(),
  /** The enterprise as it was named at the time. */
  enterpriseName: z.string(),
  /** 税号 */
  taxId: z.string(),
  /** SOTER-guarded acts (types/soter.ts): confirmed by 指纹 / 面容, or the device had none. */
  biometric: z.enum(BIOMETRIC_MODES).optional(),
  /** BIOMETRIC_LABELS[biometric], for the screen. */
  biometricLabel: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** GET /api/v1/enterprises/:enterpriseId/audit-log — admins of the enterprise only (403 otherwise). */
export const auditLogResponse = z
  .object({
    /** Newest first, at most 100. */
    entries: z.array(auditEntry),
  })
  .meta({
    examples: [
      {
        entries: [
          {
            id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
            at: '2026-12-07T03:15:42.000Z',
            action: 'delete_account',
            actionLabel: '删除已绑定其他微信的账号',
            actor: { name: '张三丰', me: true },
            maskedOpenid: 'oAbc****wxyz',
            maskedAccount: '139****6513',
            enterpriseName: '乌鲁木齐丝路商贸有限责任公司',
            taxId: '91650100MA7XJ3K84G',
            biometric: 'fingerPrint',
            biometricLabel: '已通过指纹验证',
          },
        ],
      },
    ],
  });
export type AuditLogResponse = z.infer<typeof auditLogResponse>;

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
