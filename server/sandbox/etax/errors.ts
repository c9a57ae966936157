/**
 * A refusal of the bureau: a stable code, the HTTP status and the bureau's own text. The bureau API
 * answers it as `{ code, message, data }`; the adapter maps `code` to its error kinds.
 */
export const BUREAU_CODES = {
  ok: '0000',
  wrongPassword: 'PASSWORD_WRONG',
  locked: 'ACCOUNT_LOCKED',
  userNotFound: 'USER_NOT_FOUND',
  enterpriseNotFound: 'ENTERPRISE_NOT_FOUND',
  noRelation: 'RELATION_NOT_FOUND',
  noPermission: 'NO_PERMISSION',
  smsCodeWrong: 'SMS_CODE_WRONG',
  smsCodeExpired: 'SMS_CODE_EXPIRED',
  smsTooSoon: 'SMS_TOO_FREQUENT',
  realNameFailed: 'REAL_NAME_FAILED',
  realNameCancelled: 'REAL_NAME_CANCELLED',
  qrExpired: 'QR_EXPIRED',
  flowClosed: 'FLOW_CLOSED',
  wrongStep: 'WRONG_STEP',
  ticketNotFound: 'TICKET_NOT_FOUND',
  ticketNotYours: 'TICKET_NOT_YOURS',
  sessionNotFound: 'SESSION_NOT_FOUND',
  passwordPolicy: 'PASSWORD_POLICY',
  smsResetOff: 'SMS_CHECK_UNAVAILABLE',
  invalidRequest: 'INVALID_REQUEST',
  systemBusy: 'SYSTEM_BUSY',
} as const;
export type BureauCode = (typeof BUREAU_CODES)[keyof typeof BUREAU_CODES];

export class BureauError extends Error {
  constructor(
    readonly code: BureauCode,
    message: string,
    readonly status: number,
    /** Extra fields the caller needs, e.g. attemptsLeft, lockedUntil, retryAfterSeconds. */
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'BureauError';
  }
}
