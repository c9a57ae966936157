/**
 * The e-tax gateway as the server sees it: every tax-bureau interaction the product needs, typed,
 * independent of who implements it (the sandbox over HTTP in development and tests, a production
 * gateway otherwise; see README.md).
 *
 * Bureau logins are multi-step. The first call of a flow returns a step carrying an opaque
 * `flowId`; the caller acts on the step (enter the SMS code, show the QR, show the real-name
 * screen, show the agreement) and continues with the flowId until `logged_in`. Refusals are thrown
 * as EtaxError with a `kind` the caller branches on and the bureau's own Chinese text as message.
 */
import type { Channel, IdType, LoginType, QrApp, Role } from '../../../types/domain';

export type { Channel, IdType, QrApp, Role } from '../../../types/domain';

/** Providers of hosted numbers: 华盟托管号码, 企享云办税小号. */
export type HostedProvider = Exclude<LoginType, 'manual'>;

/** Which enterprise, business and 身份 a login is for. */
export interface LoginTarget {
  /** 税号 of the enterprise. */
  taxId: string;
  /** issue = 开票, receive = 收票. */
  channel: Channel;
  /** 身份; omitted = the person's first 身份 in the enterprise holding the channel's permission. */
  role?: Role;
}

/** A QR to scan in the 税务APP / 个人所得税APP: a QR login, a face check in a login, or a 认证. */
export interface QrChallenge {
  ticket: string;
  /** What the QR encodes. */
  payload: string;
  /** The QR as a PNG data URL, ready for an <Image>. */
  image?: string;
  app: QrApp;
  /** expired: refresh it (refreshQr / a new startAuth). */
  state: 'pending' | 'scanned' | 'expired';
  expiresAt: Date;
}

/** A code was sent to maskedPhone; it is valid until codeExpiresAt, another may be asked at resendAt. */
export interface SmsSentStep {
  step: 'sms_sent';
  flowId: string;
  maskedPhone: string;
  /** The bureau's time of sending: pass it as `sentAfter` to fetchHostedCode. */
  sentAt: Date;
  codeExpiresAt: Date;
  resendAt: Date;
}

/** A live bureau session of one person, enterprise, 身份 and channel. */
export interface EtaxSession {
  /** Opaque; check it with checkSession. */
  sessionId: string;
  /** The person's name. */
  name: string;
  taxId: string;
  enterpriseName: string;
  role: Role;
  channel: Channel;
  /** The 身份's business permissions in the enterprise. */
  permissions: Channel[];
  expiresAt: Date;
  /** Until when the person's 认证 for this enterprise holds; null when none is valid. */
  authValidUntil: Date | null;
}

/** Where a login stands. */
export type LoginStep =
  | SmsSentStep
  /** QR login: show the QR, poll with pollLogin. */
  | { step: 'qr_pending'; flowId: string; qr: QrChallenge }
  /** SMS-only login: the bureau asks for a face check in the 税务APP (seed 4.1); poll with pollLogin. */
  | { step: 'needs_face'; flowId: string; qr: QrChallenge }
  /** 实名等级 too low: show these; 确认 → confirmRealName, 取消/back → cancelRealName. */
  | { step: 'needs_real_name'; flowId: string; name: string; idType: IdType; maskedIdNumber: string }
  /** The user agreement is unsigned: show it; 确认 → signAgreement. */
  | { step: 'needs_agreement'; flowId: string; title: string; text: string }
  /** 扫脸登录 of a person's first login (seed §3.2): the password follows the face; submitLoginPassword. */
  | { step: 'needs_password'; flowId: string; message: string }
  /**
   * The face check failed (seed §3.5/§4.4): the bureau offers the person's recent logins to pick
   * from (start again for the picked 税号), or refreshQr to try the face again.
   */
  | {
      step: 'face_failed';
      flowId: string;
      message: string;
      name: string;
      taxId: string;
      enterpriseName: string;
      recentLogins: BureauRecentLogin[];
    }
  | { step: 'logged_in'; flowId: string; session: EtaxSession };

/** One of a person's recent successful logins as the bureau keeps them (at most 10, newest first). */
export interface BureauRecentLogin {
  taxId: string;
  enterpriseName: string;
  role: Role;
  channel: Channel;
  loggedInAt: Date;
}

/** 忘记密码's 安全验证 (seed §3.6): SMS where the region offers it, 扫脸 always. */
export type ResetCheck = 'sms' | 'face';

/** Where a password reset (忘记密码) stands. */
export type PasswordResetStep =
  | SmsSentStep
  /** 扫脸: a face check to confirm in the 税务APP; poll with pollPasswordReset. */
  | { step: 'needs_face'; flowId: string; qr: QrChallenge }
  /** The face did not match: retryPasswordResetFace for a new check. */
  | { step: 'face_failed'; flowId: string; message: string }
  /** The code was right: call resetPassword with the new password. */
  | { step: 'set_password'; flowId: string }
  | { step: 'password_reset'; flowId: string; message: string };

export type SessionStatus =
  | { state: 'active'; session: EtaxSession }
  | { state: 'expired'; at: Date; reason: string }
  /** Dropped by the bureau, typically because the person logged in elsewhere in the same region. */
  | { state: 'dropped'; at: Date; reason: string };

/**
 * The cheapest answer about a session (pingSession): live and until when, or since when and why
 * not. What a watch that asks every few minutes needs, and nothing the bureau must look up.
 */
export type SessionPing =
  | { state: 'active'; expiresAt: Date }
  | { state: 'expired'; at: Date; reason: string }
  | { state: 'dropped'; at: Date; reason: string };

export interface AuthStatus {
  ticket: string;
  state: 'pending' | 'scanned' | 'confirmed' | 'expired';
  expiresAt: Date;
  /** Once confirmed: until when the 认证 holds. */
  validUntil: Date | null;
}

/** Who an account is and what they hold in an enterprise (prefills 身份 and permissions on 新增). */
export interface RelationLookup {
  person: { name: string; idType: IdType; maskedIdNumber: string; maskedPhone: string };
  enterprise: EnterpriseInfo;
  relations: { role: Role; permissions: Channel[] }[];
}

export interface EnterpriseInfo {
  taxId: string;
  name: string;
  region: string;
}

export interface HostedCode {
  code: string;
  receivedAt: Date;
}

export interface EtaxGateway {
  // ---- Logins ----
  /** 密码登录: account (证件号码, phone or 用户名) + password; on success the bureau sends the SMS code. */
  startLogin(input: LoginTarget & { account: string; password: string }): Promise<LoginStep>;
  /**
   * 短信登录 / 人脸登录 (seed §3.2, §4.1): the 用户名 (证件号码, phone or 用户名) + the code sent to the
   * bound phone; the bureau then asks for a face check (needs_face).
   */
  startSmsLogin(input: LoginTarget & { account: string }): Promise<LoginStep>;
  /** 扫脸登录 (seed §3.2): the 用户名, then a face check (needs_face); a first login then asks the password. */
  startFaceLogin(input: LoginTarget & { account: string }): Promise<LoginStep>;
  /** The password of a first 扫脸登录 (needs_password); a wrong one counts towards the lock. */
  submitLoginPassword(flowId: string, password: string): Promise<LoginStep>;
  /** 扫码登录; naming the account restricts the QR to that person. */
  startQrLogin(input: LoginTarget & { app?: QrApp; account?: string }): Promise<LoginStep>;
  /** The SMS code of a login. Wrong codes count towards the lock like wrong passwords. */
  submitSmsCode(flowId: string, code: string): Promise<LoginStep>;
  /** 获取验证码 again (login or password reset); resend_too_soon before resendAt. */
  resendSms(flowId: string): Promise<SmsSentStep>;
  /** The current step; moves a QR or face step on once the holder confirmed in the app. */
  pollLogin(flowId: string): Promise<LoginStep>;
  /** 刷新二维码 of a qr_pending or needs_face step, optionally for the other app. */
  refreshQr(flowId: string, app?: QrApp): Promise<LoginStep>;
  /** 确认 on the real-name screen: runs the check (real_name_failed ends the login). */
  confirmRealName(flowId: string): Promise<LoginStep>;
  /** 取消 or back on the real-name screen: the login fails. */
  cancelRealName(flowId: string): Promise<void>;
  /** 确认 on the agreement dialog. */
  signAgreement(flowId: string): Promise<LoginStep>;

  // ---- Passwords ----
  /** Checks a password without logging in (仅更新发票云); a wrong one counts like at login. */
  verifyPassword(input: { account: string; password: string }): Promise<void>;
  /** The 安全验证 忘记密码 offers in the region: ['sms', 'face'] or, where SMS is off, ['face']. */
  passwordResetChecks(region: string): Promise<ResetCheck[]>;
  /**
   * 忘记密码: 证件类型 + 证件号码, then the check: sms (default) → a code to the bound phone
   * (sms_check_off where the region has it off); face → a face check (needs_face).
   */
  startPasswordReset(input: {
    idType: IdType;
    idNumber: string;
    region?: string;
    check?: ResetCheck;
  }): Promise<PasswordResetStep>;
  /** The current step of a reset; moves a face check on once confirmed (set_password) or failed. */
  pollPasswordReset(flowId: string): Promise<PasswordResetStep>;
  /** A new face check after face_failed (or an expired one). */
  retryPasswordResetFace(flowId: string): Promise<PasswordResetStep>;
  submitPasswordResetCode(flowId: string, code: string): Promise<PasswordResetStep>;
  /** The new password, under the bureau's policy (weak_password otherwise); lifts a lock. */
  resetPassword(flowId: string, newPassword: string): Promise<void>;

  // ---- 认证 (face check) ----
  startAuth(input: { account: string; taxId: string; app?: QrApp }): Promise<QrChallenge>;
  pollAuth(ticket: string): Promise<AuthStatus>;

  // ---- Sessions and lookups ----
  checkSession(sessionId: string): Promise<SessionStatus>;
  /**
   * The cheapest session check the gateway offers (the session watch's call): state and end only.
   * Checks count against the bureau's patience like logins do: call it sparingly.
   */
  pingSession(sessionId: string): Promise<SessionPing>;
  lookupRelations(input: { account: string; taxId: string }): Promise<RelationLookup>;
  lookupEnterprise(taxId: string): Promise<EnterpriseInfo>;
  /**
   * The latest code a hosted number received, from its provider; null while none arrived after
   * `sentAfter` (poll a few times; no code at all is an SMS timeout).
   */
  fetchHostedCode(input: { provider: HostedProvider; phone: string; sentAfter?: Date }): Promise<HostedCode | null>;
}

/** What went wrong, for the caller to branch on. */
export type EtaxErrorKind =
  /** Wrong password; attemptsLeft says how many before the lock. Never retry it automatically. */
  | 'wrong_password'
  /** Locked after too many wrong passwords or codes; `until` says when it lifts. */
  | 'locked'
  /** Unknown account, 税号, ticket or session (or 证件类型 not matching the number). */
  | 'not_found'
  /** "未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！" (or the 身份 asked for is not held). */
  | 'no_relation'
  /** The 身份 lacks the 开票/收票 permission of the channel. */
  | 'no_permission'
  /** Wrong SMS code; attemptsLeft counts towards the same lock. */
  | 'sms_code_wrong'
  /** The code expired or was replaced; ask for a new one. */
  | 'sms_code_expired'
  /** 获取验证码 too early; retryAfterMs. */
  | 'resend_too_soon'
  /** The real-name check (ITS 实名核验) failed; the login ended. */
  | 'real_name_failed'
  /** The QR ticket expired before it was confirmed. */
  | 'qr_expired'
  /** The flow is over: expired, cancelled (取消 on the real-name screen) or failed earlier. */
  | 'flow_closed'
  /** The call does not fit the flow's current step. */
  | 'wrong_step'
  /** A new password breaking the bureau's policy (8–16 characters, two kinds). */
  | 'weak_password'
  /** 忘记密码 by SMS where the region offers only 扫脸 (seed §3.6). */
  | 'sms_check_off'
  /** The bureau rejected the request's fields. */
  | 'invalid_request'
  /** Our own per-account limit on SMS and QR requests; retryAfterMs. Nothing reached the bureau. */
  | 'rate_limited'
  /** No answer: connection refused or cut, timeout, 5xx. Safe to try later, never in a loop. */
  | 'unavailable'
  /** An answer that is not what the API promises (garbled, not JSON, wrong shape). */
  | 'bad_response'
  /** A refusal with a code this adapter does not know; the message says why. */
  | 'refused';

export class EtaxError extends Error {
  readonly name = 'EtaxError';
  readonly kind: EtaxErrorKind;
  /** The bureau's code, when the bureau answered. */
  readonly bureauCode: string | null;
  /** wrong_password, sms_code_wrong: attempts before the lock. */
  readonly attemptsLeft?: number;
  /** locked: when the lock lifts. */
  readonly until?: Date;
  /** resend_too_soon, rate_limited: wait this long. */
  readonly retryAfterMs?: number;

  /** `message` is the bureau's own text (or ours for unavailable, bad_response, rate_limited): fit for the screen. */
  constructor(
    kind: EtaxErrorKind,
    message: string,
    details: { bureauCode?: string; attemptsLeft?: number; until?: Date; retryAfterMs?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = kind;
    this.bureauCode = details.bureauCode ?? null;
    this.attemptsLeft = details.attemptsLeft;
    this.until = details.until;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isEtaxError(err: unknown, kind?: EtaxErrorKind): err is EtaxError {
  return err instanceof EtaxError && (kind === undefined || err.kind === kind);
}

/** pino-compatible (fastify's `app.log` fits). The adapter logs no password, code or account. */
export interface EtaxLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}
