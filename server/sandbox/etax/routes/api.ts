/**
 * The bureau-side API the e-tax adapter calls (ETAX_API_BASE = <server>/sandbox/etax/api), shaped
 * like a gateway: JSON in, `{ code, message, data }` out, code "0000" on success, the bureau's own
 * Chinese text in `message`, a 4xx status on refusals. Faults (rule 10) apply here only.
 */
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import { CHANNELS, ID_TYPES, QR_APPS, ROLES } from '../model';
import { faultHook } from '../faults';
import type { EtaxStore } from '../store';
import { checkPassword, requirePerson } from '../rules/accounts';
import { pollAuth, startAuth } from '../rules/auth';
import {
  cancelRealName,
  confirmRealName,
  refreshQr,
  signAgreement,
  startFaceLogin,
  startPasswordLogin,
  startQrLogin,
  startSmsLogin,
  submitLoginPassword,
} from '../rules/login';
import { RESET_CHECKS, resetChecks, startPasswordReset, setNewPassword } from '../rules/password-reset';
import { lookupRelations, requireEnterprise } from '../rules/relations';
import { pingSession, sessionStatus } from '../rules/sessions';
import { pollFlow, resendSmsCode, submitSmsCode } from '../rules/steps';
import { InvalidInput, parse } from './validate';

const text = z.string().trim().min(1, '不能为空');
const loginTarget = {
  /** 税号 of the enterprise to log in to. */
  taxId: text,
  /** issue = 开票, receive = 收票. */
  channel: z.enum(CHANNELS),
  /** 身份; omitted = the person's first 身份 in the enterprise that holds the channel. */
  role: z.enum(ROLES).optional(),
};
const passwordLoginBody = z.object({ account: text, password: z.string().min(1, '不能为空'), ...loginTarget });
/** 短信登录 / 人脸登录 / 扫脸登录 name the person by 用户名 (seed §3.2, §4.1): 证件号码, phone or 用户名. */
const byUserNameBody = z.object({ account: text, ...loginTarget });
const qrLoginBody = z.object({ ...loginTarget, app: z.enum(QR_APPS).default('tax'), account: text.optional() });
const refreshBody = z.object({ app: z.enum(QR_APPS).optional() });
const codeBody = z.object({ code: z.string().regex(/^\s*\d{6}\s*$/, '验证码为6位数字') });
const newPasswordBody = z.object({ newPassword: z.string().min(1, '不能为空') });
const forgotBody = z.object({
  idType: z.enum(ID_TYPES).default('居民身份证'),
  idNumber: text,
  /** The region whose bureau is asked (SMS may be off there); omitted = every region of the person. */
  region: text.optional(),
  /** 安全验证: sms (where the region offers it) or face (always). */
  check: z.enum(RESET_CHECKS).default('sms'),
});
const checksQuery = z.object({ region: text });
const passwordBody = z.object({ password: z.string().min(1, '不能为空') });
const accountBody = z.object({ account: text, password: z.string().min(1, '不能为空') });
const authBody = z.object({ account: text, taxId: text, app: z.enum(QR_APPS).default('tax') });
const relationBody = z.object({ account: text, taxId: text });
const flowParams = z.object({ flowId: text });

function ok(data: unknown) {
  return { code: BUREAU_CODES.ok, message: MSG.ok, data };
}

/** QR answers carry the picture too (PNG data URL), as gateways do; rendered once per payload. */
const qrImages = new Map<string, string>();
async function withQrImage<T extends object>(view: T): Promise<T & { qrImage?: string }> {
  if (!('qrPayload' in view) || typeof view.qrPayload !== 'string') return view;
  let image = qrImages.get(view.qrPayload);
  if (!image) {
    image = await QRCode.toDataURL(view.qrPayload, { margin: 1, width: 240 });
    if (qrImages.size > 200) qrImages.clear();
    qrImages.set(view.qrPayload, image);
  }
  return { ...view, qrImage: image };
}

export const bureauApiRoutes: FastifyPluginAsync<{ store: EtaxStore }> = async (app, { store }) => {
  app.addHook('onRequest', faultHook(store));

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof BureauError) {
      return reply.code(err.status).send({ code: err.code, message: err.message, data: err.data ?? null });
    }
    if (err instanceof InvalidInput || (err.statusCode !== undefined && err.statusCode < 500)) {
      return reply
        .code(400)
        .send({ code: BUREAU_CODES.invalidRequest, message: MSG.invalidRequest(err.message), data: null });
    }
    request.log.error({ err }, 'etax sandbox: unexpected error');
    return reply.code(500).send({ code: BUREAU_CODES.systemBusy, message: MSG.systemBusy, data: null });
  });

  const flowId = (params: unknown) => parse(flowParams, params).flowId;

  // ---- Logins (rules 1, 3) ----
  app.post('/login/password', async (req) => {
    const body = parse(passwordLoginBody, req.body);
    return ok(store.mutate(() => startPasswordLogin(store, body)));
  });
  app.post('/login/sms', async (req) => {
    const body = parse(byUserNameBody, req.body);
    return ok(store.mutate(() => startSmsLogin(store, body)));
  });
  app.post('/login/face', async (req) => {
    const body = parse(byUserNameBody, req.body);
    return ok(await withQrImage(store.mutate(() => startFaceLogin(store, body))));
  });
  app.post('/login/qr', async (req) => {
    const body = parse(qrLoginBody, req.body);
    return ok(await withQrImage(store.mutate(() => startQrLogin(store, body))));
  });

  // ---- Steps of a flow (rules 1, 3, 4, 5, 8) ----
  app.get('/flows/:flowId', async (req) => {
    const id = flowId(req.params);
    return ok(await withQrImage(store.mutate(() => pollFlow(store, id))));
  });
  app.post('/flows/:flowId/sms-code', async (req) => {
    const id = flowId(req.params);
    const { code } = parse(codeBody, req.body);
    return ok(await withQrImage(store.mutate(() => submitSmsCode(store, id, code.trim()))));
  });
  app.post('/flows/:flowId/sms-resend', async (req) => {
    const id = flowId(req.params);
    return ok(store.mutate(() => resendSmsCode(store, id)));
  });
  app.post('/flows/:flowId/qr', async (req) => {
    const id = flowId(req.params);
    const { app: qrApp } = parse(refreshBody, req.body);
    return ok(await withQrImage(store.mutate(() => refreshQr(store, id, qrApp))));
  });
  /** The password after the face check of a first 扫脸登录 (§3.2). */
  app.post('/flows/:flowId/login-password', async (req) => {
    const id = flowId(req.params);
    const { password } = parse(passwordBody, req.body);
    return ok(store.mutate(() => submitLoginPassword(store, id, password)));
  });
  app.post('/flows/:flowId/real-name/confirm', async (req) => {
    const id = flowId(req.params);
    return ok(store.mutate(() => confirmRealName(store, id)));
  });
  app.post('/flows/:flowId/real-name/cancel', async (req) => {
    const id = flowId(req.params);
    return ok(store.mutate(() => cancelRealName(store, id)));
  });
  app.post('/flows/:flowId/agreement/sign', async (req) => {
    const id = flowId(req.params);
    return ok(store.mutate(() => signAgreement(store, id)));
  });
  app.post('/flows/:flowId/password', async (req) => {
    const id = flowId(req.params);
    const { newPassword } = parse(newPasswordBody, req.body);
    return ok(store.mutate(() => setNewPassword(store, id, newPassword)));
  });

  // ---- Passwords (rules 2, 8) ----
  app.post('/password/forgot', async (req) => {
    const body = parse(forgotBody, req.body);
    return ok(await withQrImage(store.mutate(() => startPasswordReset(store, body))));
  });
  /** The 安全验证 a region's 忘记密码 offers (§3.6): ["sms","face"] or ["face"]. */
  app.get('/password/checks', async (req) => {
    const { region } = parse(checksQuery, req.query);
    return ok({ region, checks: resetChecks(store.data, region) });
  });
  /** Checks a password without logging in (仅更新发票云); a wrong one counts like at login. */
  app.post('/password/verify', async (req) => {
    const body = parse(accountBody, req.body);
    return ok(
      store.mutate(() => {
        const person = requirePerson(store.data, body.account);
        checkPassword(store, person, body.password);
        return { valid: true };
      }),
    );
  });

  // ---- 认证 (rule 7) ----
  app.post('/auth', async (req) => {
    const body = parse(authBody, req.body);
    return ok(await withQrImage(store.mutate(() => startAuth(store, body))));
  });
  app.get('/auth/:ticket', async (req) => {
    const { ticket } = parse(z.object({ ticket: text }), req.params);
    return ok(pollAuth(store, ticket));
  });

  // ---- Sessions (rule 6) and lookups ----
  app.get('/sessions/:sessionId', async (req) => {
    const { sessionId } = parse(z.object({ sessionId: text }), req.params);
    return ok(sessionStatus(store, sessionId));
  });
  app.get('/sessions/:sessionId/ping', async (req) => {
    const { sessionId } = parse(z.object({ sessionId: text }), req.params);
    return ok(pingSession(store, sessionId));
  });
  app.post('/relations/query', async (req) => {
    const body = parse(relationBody, req.body);
    return ok(lookupRelations(store.data, body.account, body.taxId));
  });
  app.get('/enterprises/:taxId', async (req) => {
    const { taxId } = parse(z.object({ taxId: text }), req.params);
    const { name, region } = requireEnterprise(store.data, taxId);
    return ok({ taxId: taxId.toUpperCase(), name, region });
  });
};
