/**
 * The biometric guard (WeChat SOTER) of the sensitive acts: 更换微信, deleting an account bound to
 * someone else (数电配置管理员), becoming 数电配置管理员 and 重置税局密码.
 *
 * The app first asks POST /api/v1/soter/challenges {act} → {challenge, expiresAt}; a device with
 * 指纹 or 面容 enrolled passes `challenge` to startSoterAuthentication and sends what it answers as
 * the act's `soter` field ({resultJSON, resultJSONSignature, authMode}); a device without them sends
 * `soter: {unavailable: true}` (or nothing) and the act goes on as before. A challenge serves once,
 * for its act, by its user, within SOTER_CHALLENGE_TTL_MS. The audit log says which it was.
 */
import { z } from 'zod';

export const SOTER_ACTS = ['change_wechat', 'admin_delete', 'become_admin', 'reset_password'] as const;
export type SoterAct = (typeof SOTER_ACTS)[number];

/** How long a challenge may be used: long enough for one finger, too short to be stored. */
export const SOTER_CHALLENGE_TTL_MS = 5 * 60_000;

/** POST /api/v1/soter/challenges */
export const soterChallengeBody = z.object({ act: z.enum(SOTER_ACTS, '请选择需要验证的操作') });
export const soterChallenge = z
  .object({
    /** What startSoterAuthentication signs. */
    challenge: z.string(),
    /** ISO */
    expiresAt: z.string(),
  })
  .meta({ examples: [{ challenge: 'kq3V0m8yJ2xLr7Tb5Nc1Wd9Fg4Hs6Pa', expiresAt: '2026-12-07T03:20:42.000Z' }] });
export type SoterChallenge = z.infer<typeof soterChallenge>;

/** How the act was confirmed, as the audit log records it. */
export const BIOMETRIC_MODES = ['fingerPrint', 'facial', 'unavailable'] as const;
export type BiometricMode = (typeof BIOMETRIC_MODES)[number];
export const BIOMETRIC_LABELS: Record<BiometricMode, string> = {
  fingerPrint: '已通过指纹验证',
  facial: '已通过面容验证',
  unavailable: '设备不支持指纹或面容，未验证',
};

/** The act's `soter` field: the signed result of startSoterAuthentication, or "this device has none". */
export const soterProof = z.union(
  [
    z.object({
      resultJSON: z.string().min(1).max(4096),
      resultJSONSignature: z.string().min(1).max(4096),
      authMode: z.enum(['fingerPrint', 'facial']),
    }),
    z.object({ unavailable: z.literal(true) }),
  ],
  '生物认证结果格式不正确，请重新验证',
);
export type SoterProof = z.infer<typeof soterProof>;

export const SoterErrorCodes = {
  challengeInvalid: 'soter_challenge_invalid',
  challengeUsed: 'soter_challenge_used',
  challengeExpired: 'soter_challenge_expired',
  rejected: 'soter_rejected',
  /** WeChat could not verify now (503): try again later. */
  unavailable: 'soter_unavailable',
} as const;
