/**
 * The bureau's numbers. None is published officially (PLATFORM.md), so every one is a setting;
 * tests pass small values or an injected clock instead of sleeping.
 */
export interface EtaxTiming {
  /** How long an SMS code stays valid. */
  smsValidityMs: number;
  /** Minimum interval between two codes sent for the same flow. */
  smsResendMs: number;
  /** Wrong passwords or SMS codes within the window that lock the person. */
  maxWrongPasswords: number;
  /** Window in which wrong passwords and codes are counted. */
  wrongPasswordWindowMs: number;
  /** How long a lock lasts. */
  lockMs: number;
  /** Lifetime of a login session. */
  sessionTtlMs: number;
  /** How long a confirmed 认证 (face check) stays valid. */
  authValidityMs: number;
  /** Lifetime of a QR-login or face-check ticket. */
  qrTicketTtlMs: number;
  /** Lifetime of a multi-step flow (login or password reset) from its first step. */
  flowTtlMs: number;
  /** 实名等级 below this sends the login through the real-name check (seed 000: 3). */
  minRealNameLevel: number;
  /** Delay of the `slow` fault when the control call names no `ms`. */
  slowDefaultMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_TIMING: EtaxTiming = {
  smsValidityMs: 5 * MINUTE,
  smsResendMs: 60_000,
  maxWrongPasswords: 5,
  wrongPasswordWindowMs: 30 * MINUTE,
  lockMs: 30 * MINUTE,
  sessionTtlMs: 2 * HOUR,
  authValidityMs: 24 * HOUR,
  qrTicketTtlMs: 2 * MINUTE,
  flowTtlMs: 10 * MINUTE,
  minRealNameLevel: 3,
  slowDefaultMs: 5_000,
};

export function resolveTiming(overrides: Partial<EtaxTiming> = {}): EtaxTiming {
  return { ...DEFAULT_TIMING, ...overrides };
}
