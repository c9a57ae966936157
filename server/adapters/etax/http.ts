/**
 * EtaxGateway over HTTP, against the sandbox's bureau API (or a gateway speaking the same JSON):
 * requests to `${baseUrl}/...`, answers `{ code, message, data }` with code "0000" on success.
 *
 * Rules kept here:
 *  - every call has a timeout (default 10 s) and is made once: no retries, so a wrong password is
 *    never sent twice and an SMS is never requested twice by us;
 *  - SMS and QR requests are rate-limited per account (RateLimiter; in memory unless the server
 *    passes a shared one); the limit key is a hash of the account, carried inside the opaque flowId
 *    so later steps of the flow (resend, refresh) count for the same account;
 *  - log lines carry the operation, status, duration and error kind only: no password, code,
 *    account or body.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CHANNELS, ID_TYPES, QR_APPS, ROLES } from '../../../types/domain';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limit';
import {
  EtaxError,
  type EtaxErrorKind,
  type EtaxGateway,
  type EtaxLogger,
  type LoginStep,
  type PasswordResetStep,
  type QrChallenge,
  type ResetCheck,
  type SmsSentStep,
} from './types';

export interface EtaxHttpGatewayOptions {
  /** The bureau API, e.g. http://127.0.0.1:3000/sandbox/etax/api (ETAX_API_BASE). */
  baseUrl: string;
  /** Per call, covering the whole answer. */
  timeoutMs?: number;
  rateLimiter?: RateLimiter;
  /** Per-account budgets of SMS requests (login, SMS login, resend, password reset) and QR requests (QR login, refresh, 认证). */
  limits?: Partial<Record<'sms' | 'qr', { limit: number; windowMs: number }>>;
  /** Where `/<provider>/latest-code` is served; default: `provider` next to baseUrl's `api`. */
  providerBaseUrl?: string;
  logger?: EtaxLogger;
}

export const DEFAULT_ETAX_LIMITS = {
  sms: { limit: 8, windowMs: 10 * 60_000 },
  qr: { limit: 10, windowMs: 10 * 60_000 },
};

const BUREAU_OK = '0000';

const KIND_BY_BUREAU_CODE: Record<string, EtaxErrorKind> = {
  PASSWORD_WRONG: 'wrong_password',
  ACCOUNT_LOCKED: 'locked',
  USER_NOT_FOUND: 'not_found',
  ENTERPRISE_NOT_FOUND: 'not_found',
  TICKET_NOT_FOUND: 'not_found',
  SESSION_NOT_FOUND: 'not_found',
  RELATION_NOT_FOUND: 'no_relation',
  TICKET_NOT_YOURS: 'no_relation',
  NO_PERMISSION: 'no_permission',
  SMS_CODE_WRONG: 'sms_code_wrong',
  SMS_CODE_EXPIRED: 'sms_code_expired',
  SMS_TOO_FREQUENT: 'resend_too_soon',
  REAL_NAME_FAILED: 'real_name_failed',
  REAL_NAME_CANCELLED: 'flow_closed',
  QR_EXPIRED: 'qr_expired',
  FLOW_CLOSED: 'flow_closed',
  WRONG_STEP: 'wrong_step',
  PASSWORD_POLICY: 'weak_password',
  SMS_CHECK_UNAVAILABLE: 'sms_check_off',
  INVALID_REQUEST: 'invalid_request',
  SYSTEM_BUSY: 'unavailable',
};

const TEXT = {
  timeout: '电子税务局响应超时，请稍后再试',
  unreachable: '电子税务局暂时无法访问，请稍后再试',
  badResponse: '电子税务局返回了无法识别的数据，请稍后再试',
  rateLimited: (seconds: number) => `操作过于频繁，请${seconds}秒后再试`,
  badFlowId: '登录信息已失效，请重新登录！',
};

// ---- Wire shapes (validated: anything else is bad_response) ----

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const envelope = z.object({ code: z.string(), message: z.string(), data: z.unknown().optional() });
const errorData = z
  .object({
    attemptsLeft: z.number().int().optional(),
    lockedUntil: date.optional(),
    retryAfterSeconds: z.number().optional(),
  })
  .nullish();
const qrFields = {
  flowId: z.string(),
  ticket: z.string(),
  qrPayload: z.string(),
  qrImage: z.string().optional(),
  app: z.enum(QR_APPS),
  state: z.enum(['pending', 'scanned', 'expired']),
  expiresAt: date,
};
const smsSentWire = z.object({
  step: z.literal('sms_sent'),
  flowId: z.string(),
  maskedPhone: z.string(),
  sentAt: date,
  codeExpiresAt: date,
  resendAt: date,
});
const sessionWire = z.object({
  sessionId: z.string(),
  name: z.string(),
  taxId: z.string(),
  enterpriseName: z.string(),
  role: z.enum(ROLES),
  channel: z.enum(CHANNELS),
  permissions: z.array(z.enum(CHANNELS)),
  expiresAt: date,
  authValidUntil: date.nullable(),
});
const loginStepWire = z.discriminatedUnion('step', [
  smsSentWire,
  z.object({ step: z.literal('qr_pending'), ...qrFields }),
  z.object({ step: z.literal('needs_face'), ...qrFields }),
  z.object({
    step: z.literal('needs_real_name'),
    flowId: z.string(),
    name: z.string(),
    idType: z.enum(ID_TYPES),
    maskedIdNumber: z.string(),
  }),
  z.object({ step: z.literal('needs_agreement'), flowId: z.string(), title: z.string(), text: z.string() }),
  z.object({ step: z.literal('needs_password'), flowId: z.string(), message: z.string() }),
  z.object({
    step: z.literal('face_failed'),
    flowId: z.string(),
    message: z.string(),
    name: z.string(),
    taxId: z.string(),
    enterpriseName: z.string(),
    recentLogins: z.array(
      z.object({
        taxId: z.string(),
        enterpriseName: z.string(),
        role: z.enum(ROLES),
        channel: z.enum(CHANNELS),
        loggedInAt: date,
      }),
    ),
  }),
  z.object({ step: z.literal('logged_in'), flowId: z.string(), session: sessionWire }),
]);
const resetStepWire = z.discriminatedUnion('step', [
  smsSentWire,
  z.object({ step: z.literal('needs_face'), ...qrFields }),
  z.object({ step: z.literal('face_failed'), flowId: z.string(), message: z.string() }),
  z.object({ step: z.literal('set_password'), flowId: z.string() }),
  z.object({ step: z.literal('password_reset'), flowId: z.string(), message: z.string() }),
]);
const anyWire = z.unknown();
const authWire = z.object({
  ticket: z.string(),
  qrPayload: z.string(),
  qrImage: z.string().optional(),
  app: z.enum(QR_APPS),
  state: z.enum(['pending', 'scanned', 'expired']),
  expiresAt: date,
});
const authStatusWire = z.object({
  ticket: z.string(),
  state: z.enum(['pending', 'scanned', 'confirmed', 'expired']),
  expiresAt: date,
  validUntil: date.nullable(),
});
const sessionStatusWire = z.discriminatedUnion('state', [
  z.object({ state: z.literal('active'), session: sessionWire }),
  z.object({ state: z.literal('expired'), at: date, reason: z.string() }),
  z.object({ state: z.literal('dropped'), at: date, reason: z.string() }),
]);
const sessionPingWire = z.discriminatedUnion('state', [
  z.object({ state: z.literal('active'), expiresAt: date }),
  z.object({ state: z.literal('expired'), at: date, reason: z.string() }),
  z.object({ state: z.literal('dropped'), at: date, reason: z.string() }),
]);
const enterpriseWire = z.object({ taxId: z.string(), name: z.string(), region: z.string() });
const relationsWire = z.object({
  person: z.object({ name: z.string(), idType: z.enum(ID_TYPES), maskedIdNumber: z.string(), maskedPhone: z.string() }),
  enterprise: enterpriseWire,
  relations: z.array(z.object({ role: z.enum(ROLES), permissions: z.array(z.enum(CHANNELS)) })),
});
const providerWire = z.object({
  success: z.boolean(),
  message: z.string().optional(),
  data: z.object({ phone: z.string(), code: z.string().nullable(), receivedAt: date }).nullable().optional(),
});

// ---- Opaque flow ids: the bureau's id plus the account tag for the rate limit ----

function accountTag(account: string): string {
  return createHash('sha256').update(account.trim().toUpperCase()).digest('base64url').slice(0, 16);
}

function splitFlowId(flowId: string): { bureauId: string; tag: string } {
  const dot = flowId.lastIndexOf('.');
  if (dot <= 0 || dot === flowId.length - 1) throw new EtaxError('flow_closed', TEXT.badFlowId);
  return { bureauId: flowId.slice(0, dot), tag: flowId.slice(dot + 1) };
}

function toQr(w: z.output<typeof authWire>): QrChallenge {
  return {
    ticket: w.ticket,
    payload: w.qrPayload,
    image: w.qrImage,
    app: w.app,
    state: w.state,
    expiresAt: w.expiresAt,
  };
}

function toSmsSent(w: z.output<typeof smsSentWire>, tag: string): SmsSentStep {
  return { ...w, flowId: `${w.flowId}.${tag}` };
}

function toLoginStep(w: z.output<typeof loginStepWire>, tag: string): LoginStep {
  const flowId = `${w.flowId}.${tag}`;
  switch (w.step) {
    case 'sms_sent':
      return toSmsSent(w, tag);
    case 'qr_pending':
    case 'needs_face':
      return { step: w.step, flowId, qr: toQr(w) };
    default:
      return { ...w, flowId };
  }
}

function toResetStep(w: z.output<typeof resetStepWire>, tag: string): PasswordResetStep {
  if (w.step === 'sms_sent') return toSmsSent(w, tag);
  if (w.step === 'needs_face') return { step: w.step, flowId: `${w.flowId}.${tag}`, qr: toQr(w) };
  return { ...w, flowId: `${w.flowId}.${tag}` };
}
const checksWire = z.object({ region: z.string(), checks: z.array(z.enum(['sms', 'face'])) });

function defaultProviderBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/api') ? `${trimmed.slice(0, -4)}/provider` : `${trimmed}/provider`;
}

export function createEtaxHttpGateway(options: EtaxHttpGatewayOptions): EtaxGateway {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const providerBase = (options.providerBaseUrl ?? defaultProviderBase(baseUrl)).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const limiter = options.rateLimiter ?? createMemoryRateLimiter();
  const limits = { ...DEFAULT_ETAX_LIMITS, ...options.limits };
  const logger = options.logger;
  const seg = encodeURIComponent;

  async function limit(kind: 'sms' | 'qr', tag: string): Promise<void> {
    const { limit: max, windowMs } = limits[kind];
    const result = await limiter.hit(`etax:${kind}:${tag}`, max, windowMs);
    if (result.allowed) return;
    logger?.warn({ op: `limit.${kind}`, kind: 'rate_limited' }, 'etax request refused by our rate limit');
    throw new EtaxError('rate_limited', TEXT.rateLimited(Math.max(1, Math.ceil(result.retryAfterMs / 1000))), {
      retryAfterMs: result.retryAfterMs,
    });
  }

  /** One HTTP exchange, once; returns the parsed JSON or throws unavailable / bad_response. */
  async function exchange(op: string, url: string, init: { method: 'GET' | 'POST'; body?: unknown }) {
    const started = Date.now();
    const log = (level: 'info' | 'warn', fields: object, msg: string) =>
      logger?.[level]({ op, ms: Date.now() - started, ...fields }, msg);
    let status = 0;
    let text: string;
    try {
      const res = await fetch(url, {
        method: init.method,
        headers:
          init.body === undefined
            ? { accept: 'application/json' }
            : { accept: 'application/json', 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      log('warn', { status, kind: 'unavailable', timedOut }, 'etax call failed');
      throw new EtaxError('unavailable', timedOut ? TEXT.timeout : TEXT.unreachable, {}, { cause: err });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      const kind = status >= 500 ? 'unavailable' : 'bad_response';
      log('warn', { status, kind }, 'etax call failed');
      throw new EtaxError(kind, kind === 'unavailable' ? TEXT.unreachable : TEXT.badResponse, {}, { cause: err });
    }
    return { status, json, log };
  }

  async function call<S extends z.ZodType>(
    op: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S,
  ): Promise<z.output<S>> {
    const { status, json, log } = await exchange(op, `${baseUrl}${path}`, {
      method,
      body: method === 'POST' ? (body ?? {}) : undefined,
    });
    const env = envelope.safeParse(json);
    if (!env.success) {
      const kind = status >= 500 ? 'unavailable' : 'bad_response';
      log('warn', { status, kind }, 'etax call failed');
      throw new EtaxError(kind, kind === 'unavailable' ? TEXT.unreachable : TEXT.badResponse);
    }
    if (env.data.code !== BUREAU_OK) {
      const kind = KIND_BY_BUREAU_CODE[env.data.code] ?? 'refused';
      const extra = errorData.safeParse(env.data.data);
      const d = extra.success ? extra.data : undefined;
      log('warn', { status, kind, bureauCode: env.data.code }, 'etax call refused');
      throw new EtaxError(kind, env.data.message, {
        bureauCode: env.data.code,
        attemptsLeft: d?.attemptsLeft,
        until: d?.lockedUntil,
        retryAfterMs: d?.retryAfterSeconds === undefined ? undefined : d.retryAfterSeconds * 1000,
      });
    }
    const data = schema.safeParse(env.data.data);
    if (!data.success) {
      log('warn', { status, kind: 'bad_response' }, 'etax call failed');
      throw new EtaxError('bad_response', TEXT.badResponse, {}, { cause: data.error });
    }
    log('info', { status }, 'etax call');
    return data.data;
  }

  async function loginCall(op: string, path: string, body: unknown, tag: string, method: 'GET' | 'POST' = 'POST') {
    return toLoginStep(await call(op, method, path, body, loginStepWire), tag);
  }

  return {
    async startLogin(input) {
      const tag = accountTag(input.account);
      await limit('sms', tag);
      return loginCall('startLogin', '/login/password', input, tag);
    },
    async startSmsLogin(input) {
      const tag = accountTag(input.account);
      await limit('sms', tag);
      return loginCall('startSmsLogin', '/login/sms', input, tag);
    },
    async startFaceLogin(input) {
      const tag = accountTag(input.account);
      await limit('qr', tag);
      return loginCall('startFaceLogin', '/login/face', input, tag);
    },
    async submitLoginPassword(flowId, password) {
      const { bureauId, tag } = splitFlowId(flowId);
      return loginCall('submitLoginPassword', `/flows/${seg(bureauId)}/login-password`, { password }, tag);
    },
    async startQrLogin(input) {
      const tag = accountTag(input.account ?? input.taxId);
      await limit('qr', tag);
      return loginCall('startQrLogin', '/login/qr', input, tag);
    },
    async submitSmsCode(flowId, code) {
      const { bureauId, tag } = splitFlowId(flowId);
      return loginCall('submitSmsCode', `/flows/${seg(bureauId)}/sms-code`, { code }, tag);
    },
    async resendSms(flowId) {
      const { bureauId, tag } = splitFlowId(flowId);
      await limit('sms', tag);
      return toSmsSent(await call('resendSms', 'POST', `/flows/${seg(bureauId)}/sms-resend`, {}, smsSentWire), tag);
    },
    async pollLogin(flowId) {
      const { bureauId, tag } = splitFlowId(flowId);
      return loginCall('pollLogin', `/flows/${seg(bureauId)}`, undefined, tag, 'GET');
    },
    async refreshQr(flowId, app) {
      const { bureauId, tag } = splitFlowId(flowId);
      await limit('qr', tag);
      return loginCall('refreshQr', `/flows/${seg(bureauId)}/qr`, { app }, tag);
    },
    async confirmRealName(flowId) {
      const { bureauId, tag } = splitFlowId(flowId);
      return loginCall('confirmRealName', `/flows/${seg(bureauId)}/real-name/confirm`, {}, tag);
    },
    async cancelRealName(flowId) {
      const { bureauId } = splitFlowId(flowId);
      await call('cancelRealName', 'POST', `/flows/${seg(bureauId)}/real-name/cancel`, {}, anyWire);
    },
    async signAgreement(flowId) {
      const { bureauId, tag } = splitFlowId(flowId);
      return loginCall('signAgreement', `/flows/${seg(bureauId)}/agreement/sign`, {}, tag);
    },

    async verifyPassword(input) {
      await call('verifyPassword', 'POST', '/password/verify', input, anyWire);
    },
    async passwordResetChecks(region): Promise<ResetCheck[]> {
      const query = `?region=${seg(region)}`;
      return (await call('passwordResetChecks', 'GET', `/password/checks${query}`, undefined, checksWire)).checks;
    },
    async startPasswordReset(input) {
      const tag = accountTag(input.idNumber);
      await limit(input.check === 'face' ? 'qr' : 'sms', tag);
      return toResetStep(await call('startPasswordReset', 'POST', '/password/forgot', input, resetStepWire), tag);
    },
    async pollPasswordReset(flowId) {
      const { bureauId, tag } = splitFlowId(flowId);
      return toResetStep(
        await call('pollPasswordReset', 'GET', `/flows/${seg(bureauId)}`, undefined, resetStepWire),
        tag,
      );
    },
    async retryPasswordResetFace(flowId) {
      const { bureauId, tag } = splitFlowId(flowId);
      await limit('qr', tag);
      return toResetStep(
        await call('retryPasswordResetFace', 'POST', `/flows/${seg(bureauId)}/qr`, {}, resetStepWire),
        tag,
      );
    },
    async submitPasswordResetCode(flowId, code) {
      const { bureauId, tag } = splitFlowId(flowId);
      return toResetStep(
        await call('submitPasswordResetCode', 'POST', `/flows/${seg(bureauId)}/sms-code`, { code }, resetStepWire),
        tag,
      );
    },
    async resetPassword(flowId, newPassword) {
      const { bureauId } = splitFlowId(flowId);
      await call('resetPassword', 'POST', `/flows/${seg(bureauId)}/password`, { newPassword }, resetStepWire);
    },

    async startAuth(input) {
      await limit('qr', accountTag(input.account));
      return toQr(await call('startAuth', 'POST', '/auth', input, authWire));
    },
    async pollAuth(ticket) {
      return call('pollAuth', 'GET', `/auth/${seg(ticket)}`, undefined, authStatusWire);
    },

    async checkSession(sessionId) {
      return call('checkSession', 'GET', `/sessions/${seg(sessionId)}`, undefined, sessionStatusWire);
    },
    async pingSession(sessionId) {
      return call('pingSession', 'GET', `/sessions/${seg(sessionId)}/ping`, undefined, sessionPingWire);
    },
    async lookupRelations(input) {
      return call('lookupRelations', 'POST', '/relations/query', input, relationsWire);
    },
    async lookupEnterprise(taxId) {
      return call('lookupEnterprise', 'GET', `/enterprises/${seg(taxId)}`, undefined, enterpriseWire);
    },

    async fetchHostedCode(input) {
      const url = `${providerBase}/${seg(input.provider)}/latest-code?phone=${seg(input.phone)}`;
      const { status, json, log } = await exchange('fetchHostedCode', url, { method: 'GET' });
      const parsed = providerWire.safeParse(json);
      if (!parsed.success) {
        log('warn', { status, kind: 'bad_response' }, 'hosted-number provider answer not understood');
        throw new EtaxError('bad_response', TEXT.badResponse);
      }
      if (!parsed.data.success) {
        const kind = status === 404 ? 'not_found' : 'refused';
        log('warn', { status, kind }, 'hosted-number provider refused');
        throw new EtaxError(kind, parsed.data.message ?? '托管号码服务商拒绝了请求');
      }
      log('info', { status }, 'hosted-number provider call');
      const latest = parsed.data.data;
      if (!latest || latest.code === null) return null;
      if (input.sentAfter && latest.receivedAt.getTime() < input.sentAfter.getTime()) return null;
      return { code: latest.code, receivedAt: latest.receivedAt };
    },
  };
}
