/**
 * The control API (CONTRACT.md "E-tax sandbox control"): tests and demos create the bureau's data,
 * read the SMS a phone received, play the holder confirming a QR or face ticket, drop sessions,
 * and switch faults. Errors are `{ error: { code, message } }` like the product's own API.
 * Extra routes: PATCH /persons/:idNumber, POST /hosted-numbers, POST /tickets/:ticket/scan,
 * GET /state (the phone page's data), POST /clock, POST /reset, GET /sessions/checks.
 */
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { isMobile, isResidentIdNumber, isTaxId, maskAccount, passwordPolicyError } from '../../../../types/validators';
import { BureauError } from '../errors';
import { CHANNELS, HOSTED_PROVIDERS, ID_TYPES, QR_APP_LABELS, ROLES, type Person } from '../model';
import type { EtaxStore } from '../store';
import { phonePageHtml } from '../phone-page';
import { hashPassword } from '../rules/accounts';
import { hostNumber } from '../rules/hosted';
import { recentLoginsView } from '../rules/recent-logins';
import { dropSessionsOf } from '../rules/sessions';
import { actOnTicket, pendingTicketsFor } from '../rules/tickets';
import { InvalidInput, parse } from './validate';

class Conflict extends Error {}
class NotFound extends Error {}

const password = z.string().refine((v) => passwordPolicyError(v) === null, {
  error: (issue) => passwordPolicyError(String(issue.input)) ?? '密码不符合要求',
});
const personBody = z
  .object({
    name: z.string().trim().min(1, '姓名不能为空').max(50),
    idType: z.enum(ID_TYPES).default('居民身份证'),
    idNumber: z.string().trim().toUpperCase().min(1, '证件号码不能为空').max(30),
    phone: z.string().trim().refine(isMobile, '手机号码格式不正确'),
    password,
    userName: z.string().trim().min(1).max(50).optional(),
    realNameLevel: z.number().int().min(1).max(4).default(4),
    agreementSigned: z.boolean().default(true),
    failRealName: z.boolean().default(false),
  })
  .refine((p) => p.idType !== '居民身份证' || isResidentIdNumber(p.idNumber), {
    path: ['idNumber'],
    message: '居民身份证号码不正确',
  });
const personPatch = z.object({
  phone: z.string().trim().refine(isMobile, '手机号码格式不正确').optional(),
  password: password.optional(),
  realNameLevel: z.number().int().min(1).max(4).optional(),
  agreementSigned: z.boolean().optional(),
  failRealName: z.boolean().optional(),
  /** true: lift a lock and forget the wrong attempts. */
  unlock: z.boolean().optional(),
});
const enterpriseBody = z.object({
  taxId: z.string().trim().toUpperCase().refine(isTaxId, '税号格式不正确'),
  name: z.string().trim().min(1, '企业名称不能为空').max(200),
  region: z.string().trim().min(1, '地区不能为空').max(50),
});
const relationBody = z.object({
  taxId: z.string().trim().toUpperCase().min(1),
  idNumber: z.string().trim().toUpperCase().min(1),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(CHANNELS)).min(1, '至少需要一种业务权限'),
});
const hostedBody = z.object({
  phone: z.string().trim().refine(isMobile, '手机号码格式不正确'),
  provider: z.enum(HOSTED_PROVIDERS),
  deliver: z.boolean().default(true),
});
const idNumberBody = z.object({ idNumber: z.string().trim().toUpperCase().min(1, '证件号码不能为空') });
const faultBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('slow'), ms: z.number().int().min(0).max(600_000).optional() }),
  z.object({ mode: z.literal('down'), variant: z.enum(['reset', '503']).default('reset') }),
  z.object({ mode: z.literal('error') }),
]);
const clockBody = z.object({ advanceMs: z.number().int().min(0) });
const regionBody = z.object({
  region: z.string().trim().min(1, '地区不能为空').max(50),
  /** Seed §3.6: whether 忘记密码 offers SMS in this region (扫脸 is always offered). */
  smsPasswordReset: z.boolean(),
});

const iso = (ms: number) => new Date(ms).toISOString();

function personView(p: Person) {
  const { passwordHash: _h, passwordSalt: _s, wrongAttempts: _w, ...rest } = p;
  return { ...rest, lockedUntil: p.lockedUntil ? iso(p.lockedUntil) : null };
}

export const controlRoutes: FastifyPluginAsync<{ store: EtaxStore }> = async (app, { store }) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (status: number, code: string, message: string) =>
      reply.code(status).send({ error: { code, message } });
    if (err instanceof InvalidInput) return send(400, 'validation_error', err.message);
    if (err instanceof Conflict) return send(409, 'conflict', err.message);
    if (err instanceof NotFound) return send(404, 'not_found', err.message);
    if (err instanceof BureauError) return send(err.status, err.code, err.message);
    if (err.statusCode !== undefined && err.statusCode < 500) return send(400, 'validation_error', err.message);
    request.log.error({ err }, 'etax sandbox control: unexpected error');
    return send(500, 'internal_error', '沙箱内部错误');
  });

  const person = (idNumber: string) => {
    const p = store.data.persons[idNumber];
    if (!p) throw new NotFound(`未找到证件号码为 ${idNumber} 的自然人`);
    return p;
  };

  // ---- The phone page (rule 11) ----
  app.get('/', async (_req, reply) => {
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:",
      )
      .send(phonePageHtml);
  });
  app.get('/state', async () => {
    const persons = Object.values(store.data.persons).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return {
      now: iso(store.now()),
      phones: persons.map((p) => ({
        phone: p.phone,
        name: p.name,
        idNumber: p.idNumber,
        maskedIdNumber: maskAccount(p.idNumber),
        hostedBy: store.data.hostedNumbers[p.phone]?.provider ?? null,
        lockedUntil: p.lockedUntil && p.lockedUntil > store.now() ? iso(p.lockedUntil) : null,
        sms: smsOf(p.phone).slice(0, 5),
        tickets: ticketsOf(p.idNumber),
      })),
    };
  });

  // ---- Data ----
  app.post('/persons', async (req, reply) => {
    const body = parse(personBody, req.body);
    const created = store.mutate((d) => {
      if (d.persons[body.idNumber]) throw new Conflict('该证件号码已注册');
      if (Object.values(d.persons).some((p) => p.phone === body.phone))
        throw new Conflict('该手机号码已被其他用户绑定');
      const { password: pw, ...rest } = body;
      const p: Person = { ...rest, ...hashPassword(pw), wrongAttempts: [] };
      d.persons[p.idNumber] = p;
      return p;
    });
    return reply.code(201).send(personView(created));
  });
  app.patch('/persons/:idNumber', async (req) => {
    const { idNumber } = parse(idNumberBody, req.params);
    const body = parse(personPatch, req.body);
    return personView(
      store.mutate((d) => {
        const p = person(idNumber);
        if (body.phone && Object.values(d.persons).some((o) => o.phone === body.phone && o !== p)) {
          throw new Conflict('该手机号码已被其他用户绑定');
        }
        if (body.phone) p.phone = body.phone;
        if (body.password) Object.assign(p, hashPassword(body.password));
        if (body.realNameLevel !== undefined) p.realNameLevel = body.realNameLevel;
        if (body.agreementSigned !== undefined) p.agreementSigned = body.agreementSigned;
        if (body.failRealName !== undefined) p.failRealName = body.failRealName;
        if (body.unlock) {
          p.wrongAttempts = [];
          delete p.lockedUntil;
        }
        return p;
      }),
    );
  });
  app.post('/enterprises', async (req, reply) => {
    const body = parse(enterpriseBody, req.body);
    store.mutate((d) => {
      if (d.enterprises[body.taxId]) throw new Conflict('该税号的企业已存在');
      d.enterprises[body.taxId] = body;
    });
    return reply.code(201).send(body);
  });
  app.post('/relations', async (req, reply) => {
    const body = parse(relationBody, req.body);
    store.mutate((d) => {
      person(body.idNumber);
      if (!d.enterprises[body.taxId]) throw new NotFound(`未找到税号为 ${body.taxId} 的企业`);
      const existing = d.relations.find(
        (r) => r.taxId === body.taxId && r.idNumber === body.idNumber && r.role === body.role,
      );
      if (existing) existing.permissions = body.permissions;
      else d.relations.push(body);
    });
    return reply.code(201).send(body);
  });
  app.post('/hosted-numbers', async (req, reply) => {
    const body = parse(hostedBody, req.body);
    store.mutate(() => hostNumber(store, body.phone, body.provider, body.deliver));
    return reply.code(201).send(body);
  });

  // ---- The holder's phone ----
  const smsOf = (phone: string) =>
    store.data.sms
      .filter((s) => s.phone === phone)
      .reverse()
      .map((s) => ({ phone: s.phone, code: s.code, purpose: s.purpose, text: s.text, sentAt: iso(s.sentAt) }));
  const ticketsOf = (idNumber: string) =>
    pendingTicketsFor(store, idNumber).map((t) => ({
      ticket: t.ticket,
      kind: t.kind,
      app: t.app,
      appLabel: QR_APP_LABELS[t.app],
      state: t.state,
      taxId: t.taxId,
      enterpriseName: store.data.enterprises[t.taxId]?.name ?? '',
      expiresAt: iso(t.expiresAt),
      /** A face check inside a login or password reset, which the holder's face may fail. */
      canFail: t.kind === 'auth' && t.flowId !== undefined,
    }));

  app.get('/sms', async (req) => {
    const { phone } = parse(z.object({ phone: z.string().trim().min(1, '请提供 phone') }), req.query);
    return smsOf(phone);
  });
  app.get('/tickets', async (req) => {
    const { idNumber } = parse(idNumberBody, req.query);
    return ticketsOf(idNumber);
  });
  /** The person's recent successful logins, as a failed face check offers them (§3.5/§4.4). */
  app.get('/persons/:idNumber/recent-logins', async (req) => {
    const { idNumber } = parse(idNumberBody, req.params);
    return recentLoginsView(store, person(idNumber));
  });
  app.post('/regions', async (req, reply) => {
    const body = parse(regionBody, req.body);
    store.mutate((d) => {
      d.regions[body.region] = { smsPasswordReset: body.smsPasswordReset };
    });
    return reply.code(201).send(body);
  });
  app.get('/regions', async () =>
    Object.entries(store.data.regions).map(([region, settings]) => ({ region, ...settings })),
  );
  for (const action of ['scan', 'confirm', 'fail'] as const) {
    app.post(`/tickets/:ticket/${action}`, async (req) => {
      const { ticket } = parse(z.object({ ticket: z.string().min(1) }), req.params);
      const { idNumber } = parse(idNumberBody, req.body);
      const t = store.mutate(() => actOnTicket(store, ticket, idNumber, action));
      return { ticket: t.ticket, kind: t.kind, app: t.app, state: t.state };
    });
  }
  app.post('/sessions/drop', async (req) => {
    const { idNumber } = parse(idNumberBody, req.body);
    person(idNumber);
    return { dropped: store.mutate(() => dropSessionsOf(store, idNumber)) };
  });
  /** The session checks (GET /api/sessions/:id and …/ping) the bureau answered for a person, oldest first. */
  app.get('/sessions/checks', async (req) => {
    const { idNumber } = parse(idNumberBody, req.query);
    return store.checks.filter((c) => c.idNumber === idNumber).map((c) => ({ sessionId: c.sessionId, at: iso(c.at) }));
  });

  // ---- Faults, clock, reset ----
  app.post('/faults', async (req) => {
    const body = parse(faultBody, req.body);
    store.fault = body.mode === 'slow' ? { mode: 'slow', ms: body.ms ?? store.timing.slowDefaultMs } : body;
    return { fault: store.fault };
  });
  app.delete('/faults', async () => {
    store.fault = null;
    return { fault: null };
  });
  app.post('/clock', async (req) => {
    const { advanceMs } = parse(clockBody, req.body);
    store.advanceClock(advanceMs);
    return { now: iso(store.now()) };
  });
  app.post('/reset', async () => {
    store.reset();
    return { reset: true };
  });
};
