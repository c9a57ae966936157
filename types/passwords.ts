/**
 * The app API for 修改密码 (F12, F13), shared by the mini program and the server.
 *
 * Both choices of 修改密码 are a *password change* kept on the server (any instance answers):
 *
 *  重置税局密码 (kind 'reset'):
 *    POST /accounts/:accountId/password-resets {idType, idNumber}   下一步      → step 'sms'
 *    POST /password-changes/:changeId/sms/send                      获取验证码   → step 'sms' (sms.maskedPhone, resendAt)
 *         hosted numbers: the server fetches the code and submits it itself → step 'password' (sms.filled);
 *         while it waits, poll GET /password-changes/:changeId
 *    POST /password-changes/:changeId/sms {code}                    下一步      → step 'password'
 *    Where the region's bureau offers no SMS in 忘记密码 (seed §3.6: SMS is optional, 扫脸 fixed),
 *    下一步 answers step 'face' instead of 'sms':
 *    POST /password-changes/:changeId/face                          开始扫脸验证 / 重新验证 → step 'face' (face: the QR)
 *         the holder confirms the face check in the 税务APP; poll GET /password-changes/:changeId → step 'password'
 *    POST /password-changes/:changeId/password {newPassword, confirmPassword}  确定 → step 'updating' | 'done'
 *
 *  已在税局修改，仅更新发票云 (kind 'sync'):
 *    POST /accounts/:accountId/password {password}   确定: checked by the bureau first → step 'updating' | 'done'
 *
 *  Then, for both, the progress page (更新关联账号): `items` are the same natural person's accounts in
 *  the tenant (the account itself first), each updated in our store one by one with its own state.
 *    GET  /password-changes/:changeId                              poll while step is 'updating'
 *    POST /password-changes/:changeId/items/:accountId/retry       a failed item again
 *  Updating an account stores the new password (encrypted) and lifts its 已锁定 (F14).
 */
import { z } from 'zod';
import { ID_TYPES, QR_APPS, type PasswordItemState } from './domain';
import { idNumberError, passwordPolicyError } from './validators';
import { soterProof } from './soter';

/** POST /api/v1/accounts/:accountId/password-resets — 重置税局密码, 身份认证 page's 下一步. 201 → PasswordChangeState */
export const passwordResetBody = z
  .object({
    /** 证件类型 */
    idType: z.enum(ID_TYPES, '请选择证件类型'),
    /** 证件号码 of the account's holder; spaces ignored, x upper-cased. */
    idNumber: z
      .string('请输入证件号码')
      .max(32, '证件号码格式不正确，请核对后重新输入')
      .transform((s) => s.replace(/\s/g, '').toUpperCase()),
    /** The SOTER proof (types/soter.ts); absent or {unavailable: true} on a device without biometrics. */
    soter: soterProof.optional(),
  })
  .superRefine((body, ctx) => {
    const error = idNumberError(body.idType, body.idNumber);
    if (error) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: error });
  });
export type PasswordResetBody = z.input<typeof passwordResetBody>;

// POST /api/v1/password-changes/:changeId/sms/send → PasswordChangeState (获取验证码; 429 etax_resend_too_soon before resendAt)
// POST /api/v1/password-changes/:changeId/sms {code} → PasswordChangeState (smsCodeBody of types/accounts.ts)

/** POST /api/v1/password-changes/:changeId/password — 确定 on the 重置密码 page. → PasswordChangeState */
export const newPasswordBody = z
  .object({
    /** 新密码, under the bureau's policy (passwordPolicyError; check it as the user types). */
    newPassword: z.string('请输入新密码').min(1, '请输入新密码').max(64, '密码长度须为8-16位'),
    /** 确认密码: must equal newPassword. */
    confirmPassword: z.string('请再次输入新密码').min(1, '请再次输入新密码').max(64, '两次输入的密码不一致'),
  })
  .superRefine((body, ctx) => {
    const policy = passwordPolicyError(body.newPassword);
    if (policy) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: policy });
    else if (body.confirmPassword !== body.newPassword)
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
  });
export type NewPasswordBody = z.input<typeof newPasswordBody>;

/** POST /api/v1/accounts/:accountId/password — 已在税局修改，仅更新发票云. 201 → PasswordChangeState */
export const syncPasswordBody = z.object({
  /** The bureau's latest password: checked by the bureau before anything is saved. */
  password: z.string('请输入税局最新密码').min(1, '请输入税局最新密码').max(64, '密码过长'),
});
export type SyncPasswordBody = z.input<typeof syncPasswordBody>;

const PASSWORD_CHANGE_KINDS = ['reset', 'sync'] as const;
export type PasswordChangeKind = (typeof PASSWORD_CHANGE_KINDS)[number];

/**
 * sms — 获取验证码, then the code (reset only); face — 扫脸验证 instead, where the region offers no
 * SMS (reset only); password — 新密码 + 确认密码 (reset only); updating — the bureau has the new
 * password, related accounts are being updated: poll; done — every related account was tried: each
 * item is done or failed (a failed one can be retried); failed — ended before the bureau took a new
 * password (expired, or the bureau closed its flow): start again.
 */
const PASSWORD_CHANGE_STEPS = ['sms', 'face', 'password', 'updating', 'done', 'failed'] as const;
export type PasswordChangeStep = (typeof PASSWORD_CHANGE_STEPS)[number];

const PASSWORD_ITEM_STATES = ['pending', 'updating', 'done', 'failed'] as const satisfies readonly PasswordItemState[];

/** One related account on the progress page. */
export const passwordItem = z.object({
  accountId: z.string(),
  /** 151****1832 */
  maskedAccount: z.string(),
  enterpriseName: z.string(),
  /** 税号 */
  taxId: z.string(),
  /** The account 修改密码 was started from. */
  current: z.boolean(),
  state: z.enum(PASSWORD_ITEM_STATES),
  /** state 'failed': why, for the screen. */
  error: z.string().optional(),
});
export type PasswordItem = z.infer<typeof passwordItem>;

export const passwordChangeState = z
  .object({
    changeId: z.string(),
    kind: z.enum(PASSWORD_CHANGE_KINDS),
    step: z.enum(PASSWORD_CHANGE_STEPS),
    /** Until when the change can be continued (ISO): the code steps last 10 minutes, retries a day. */
    expiresAt: z.string(),
    /** Step 'sms' (and after it). */
    sms: z
      .object({
        /** A hosted number (华盟托管号码, 企享云办税小号): the code is fetched and filled in by itself. */
        hosted: z.boolean(),
        /** Where the code went; absent until 获取验证码. */
        maskedPhone: z.string().optional(),
        /** When 获取验证码 may be pressed again (ISO); absent until the first. */
        resendAt: z.string().optional(),
        /** Hosted: the code arrived and was submitted for the user (show the field as filled). */
        filled: z.boolean(),
      })
      .optional(),
    /**
     * Step 'face': the face check to confirm in the 税务APP (a QR image); absent until 开始扫脸验证.
     * failed: the face did not match; expired: not confirmed in time — 重新验证 either way.
     */
    face: z
      .object({
        image: z.string(),
        app: z.enum(QR_APPS),
        expiresAt: z.string(),
        state: z.enum(['pending', 'scanned', 'expired', 'failed']),
      })
      .optional(),
    /** Steps 'updating' and 'done': the related accounts, the current one first. */
    items: z.array(passwordItem),
    /** A refusal that ended the change (step 'failed') or a passing trouble next to an unchanged step. */
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({
    description: 'A password change (修改密码): its step, and on the progress page the related accounts.',
    examples: [
      {
        changeId: '6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e',
        kind: 'reset',
        step: 'sms',
        expiresAt: '2026-12-07T03:25:42.000Z',
        sms: { hosted: false, maskedPhone: '139****6513', resendAt: '2026-12-07T03:16:42.000Z', filled: false },
        items: [],
      },
      {
        changeId: '6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e',
        kind: 'sync',
        step: 'done',
        expiresAt: '2026-12-08T03:15:42.000Z',
        items: [
          {
            accountId: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
            maskedAccount: '139****6513',
            enterpriseName: '乌鲁木齐丝路商贸有限责任公司',
            taxId: '91650100MA7XJ3K84G',
            current: true,
            state: 'done',
          },
        ],
      },
    ],
  });
export type PasswordChangeState = z.infer<typeof passwordChangeState>;

/** `error.code` values of these routes, besides ErrorCodes of api.ts and `etax_<kind>` bureau refusals. */
export const PasswordErrorCodes = {
  /** The 证件 typed is not the account holder's (as the bureau knows them). */
  idMismatch: 'id_mismatch',
  /** The code was submitted before 获取验证码. */
  codeNotSent: 'code_not_sent',
  /** A hosted number received no code in time: 获取验证码 again. */
  hostedTimeout: 'hosted_timeout',
  /** The change is over or expired: start 修改密码 again. */
  changeClosed: 'change_closed',
  /** The call does not fit the change's current step. */
  wrongStep: 'wrong_step',
  /** The previous call of this change is still being handled. */
  busy: 'change_busy',
  /** Retry of an item that did not fail. */
  nothingToRetry: 'nothing_to_retry',
} as const;
