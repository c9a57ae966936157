import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { openSandboxStore } from './store';
import { FIELD_KINDS } from './template-rules';
import { createWorld, wxError, type TemplateSpec, type WechatWorld, type WxAnswer } from './world';
import { createSoterKeys, publishedKeys, signOnDevice, verifySignature, type SoterKeys } from './soter';

export type { FieldKind } from './template-rules';
export type { Fault, FaultApi, SubscribeResult, TemplateSpec } from './world';

export interface WechatSandboxOptions {
  appid: string;
  secret: string;
  /** The app's subscribe templates: id → field kinds. Unknown ids answer 40037. */
  templates?: Record<string, TemplateSpec>;
  /** The app's pages (e.g. "pages/index/index"); omitted = any path without a leading slash. */
  pages?: string[];
  /** JSON file keeping the sandbox's data across restarts; omitted = in memory. */
  dataFile?: string;
  /** Clock (epoch ms) for code and token expiry, daily limits and message times. */
  now?: () => number;
  /** Forced stable_token refreshes per Beijing day before 45009 (WeChat: 20). */
  forcedRefreshPerDay?: number;
  /** Subscribe sends per Beijing day before 45009. */
  sendQuotaPerDay?: number;
  /** code2Session calls per user per minute before 45011 (WeChat: 100). */
  code2SessionPerUserPerMinute?: number;
}

/**
 * A stand-in for WeChat's server API, mounted under `/sandbox/wechat` (CONTRACT.md): WeChat's
 * own paths, parameters, answers and errcodes, plus a control API under `/control`.
 * Not wrapped in fastify-plugin on purpose: its parsers and error handlers stay inside.
 */
export const wechatSandbox: FastifyPluginAsync<WechatSandboxOptions> = async (app, options) => {
  // A copy: the control API may add templates to this sandbox's account.
  const templates = { ...(options.templates ?? {}) };
  templateSpecs.parse(templates);
  const store = await openSandboxStore(options.dataFile);
  const world = createWorld(
    {
      appid: options.appid,
      secret: options.secret,
      templates,
      pages: options.pages,
      now: options.now ?? Date.now,
      forcedRefreshPerDay: options.forcedRefreshPerDay ?? 20,
      sendQuotaPerDay: options.sendQuotaPerDay ?? 100_000,
      code2SessionPerUserPerMinute: options.code2SessionPerUserPerMinute ?? 100,
    },
    store,
  );
  // Sandbox routes stay out of the app's OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true } as typeof route.schema;
  });
  const soter = createSoterKeys();
  await app.register(wechatApi, { world, soter });
  await app.register(control, { world, soter, prefix: '/control' });
};

const templateSpec = z
  .object({
    fields: z.record(z.string().min(1), z.enum(FIELD_KINDS)),
    enums: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
    title: z.string().min(1).optional(),
    keywords: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .refine(
    (t) => Object.entries(t.fields).every(([key, kind]) => kind !== 'enum' || t.enums?.[key]),
    'an enum field needs its values in enums',
  );
const templateSpecs = z.record(z.string().min(1), templateSpec);

// ---------------------------------------------------------------- WeChat's own API

const wechatApi: FastifyPluginAsync<{ world: WechatWorld; soter: SoterKeys }> = async (app, { world, soter }) => {
  /** Path → method of WeChat's routes here, for the answer to a wrong method. */
  const methods = new Map<string, string>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') methods.set(route.url, method);
  });
  // WeChat reads every body as JSON, whatever its content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  // WeChat answers everything with HTTP 200 and an errcode.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof SyntaxError || err.code?.startsWith('FST_ERR_CTP')) return reply.code(200).send(wxError(47001));
    req.log.error({ err }, 'wechat sandbox failed');
    return reply.code(200).send(wxError(-1));
  });

  const query = (q: unknown) => (q ?? {}) as Record<string, unknown>;

  app.get('/sns/jscode2session', async (req) => world.jscode2session(query(req.query)));

  app.post('/cgi-bin/stable_token', async (req) => withObjectBody(req.body, (body) => world.stableToken(body)));

  app.get('/cgi-bin/token', async (req) => world.plainToken(query(req.query)));

  app.get('/wxaapi/newtmpl/gettemplate', async (req) => world.templateList(query(req.query).access_token));

  app.post('/cgi-bin/message/subscribe/send', async (req, reply) => {
    const answer = await withObjectBody(req.body, (body) => world.send(query(req.query).access_token, body));
    return sendWithMsgid(reply, answer);
  });

  /** SOTER: is this biometric result signed by the device's key? (soter.ts) */
  app.post('/cgi-bin/soter/verify_signature', async (req) =>
    withObjectBody(req.body, async (body) => {
      const bad = world.tokenError(query(req.query).access_token);
      if (bad) return bad;
      return verifySignature(soter, (openid) => world.userByOpenid(openid) !== undefined, body);
    }),
  );

  // Paths WeChat does not have answer like WeChat: 40066 invalid url; a known path with the
  // wrong method 43001 (require GET) or 43002 (require POST). A wildcard route rather than a
  // not-found handler, so the app's own catch-all (the browser build's static files) cannot take them.
  app.all('/*', async (req, reply) => {
    const path = req.url.split('?')[0];
    const method = methods.get(path);
    return reply.code(200).send(method ? wxError(method === 'GET' ? 43001 : 43002) : wxError(40066));
  });
};

function withObjectBody(
  body: unknown,
  run: (body: Record<string, unknown>) => Promise<WxAnswer>,
): Promise<WxAnswer> | WxAnswer {
  if (body === undefined || body === null) return wxError(44002);
  if (typeof body !== 'object' || Array.isArray(body)) return wxError(47001);
  return run(body as Record<string, unknown>);
}

/** msgid is a 64-bit number in WeChat's JSON; write its digits bare, as WeChat does. */
function sendWithMsgid(reply: FastifyReply, answer: WxAnswer) {
  if (typeof answer.msgid !== 'string') return answer;
  const { msgid, ...rest } = answer;
  const json = JSON.stringify(rest).replace(/}$/, `,"msgid":${msgid}}`);
  return reply.type('application/json; charset=utf-8').send(json);
}

// ---------------------------------------------------------------- control API

const userName = z.string().trim().min(1).max(64);
const codeBody = z.object({ user: userName });
const subscriptionsBody = z.object({
  user: userName,
  /** Template id → what the user tapped in the popup. */
  results: z.record(z.string().min(1), z.enum(['accept', 'reject', 'ban', 'filter'])),
});
const userQuery = z.object({ user: userName });
const templateBody = z.intersection(z.object({ id: z.string().min(1) }), templateSpec);
const messagesQuery = z.object({ user: userName.optional() });
const faultBody = z
  .object({
    api: z.enum(['jscode2session', 'stable_token', 'send']),
    errcode: z
      .number()
      .int()
      .refine((n) => n !== 0, 'errcode 0 is a success, not a fault')
      .optional(),
    errmsg: z.string().optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    user: userName.optional(),
    once: z.boolean().default(true),
  })
  .refine((f) => f.errcode !== undefined || f.delayMs !== undefined, 'give errcode, delayMs or both');

const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  413: 'too_large',
  415: 'unsupported_media_type',
  500: 'internal',
};

const soterSignBody = z.object({
  /** Who holds the phone (one test key stands for every device). */
  user: userName.optional(),
  /** The challenge the app passed to startSoterAuthentication (its `challenge`, `raw` in the result). */
  challenge: z.string().min(1).max(512),
  authMode: z.enum(['fingerPrint', 'facial']).default('fingerPrint'),
});

const control: FastifyPluginAsync<{ world: WechatWorld; soter: SoterKeys }> = async (app, { world, soter }) => {
  app.all('/*', async (req, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `no control route ${req.method} ${req.url}` } }),
  );
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof z.ZodError) {
      const message = err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ');
      return reply.code(400).send({ error: { code: 'bad_request', message } });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'wechat sandbox control failed');
    const message = status === 500 ? 'internal error' : err.message;
    return reply.code(status).send({ error: { code: ERROR_CODES[status] ?? 'error', message } });
  });

  /** What wx.login returns for this simulated user: valid 5 minutes, single use. */
  app.post('/code', async (req) => {
    const { user } = codeBody.parse(req.body);
    return { code: await world.issueCode(user) };
  });

  /** SOTER's test key pair (soter.ts): tests sign with it, verify_signature checks with it. */
  app.get('/soter/key', async () => publishedKeys(soter));

  /** The simulated user's finger or face matched: what startSoterAuthentication answers. */
  app.post('/soter/sign', async (req) => {
    const { challenge, authMode } = soterSignBody.parse(req.body);
    return signOnDevice(soter, challenge, authMode);
  });

  /** Subscribe messages the user received, newest first. */
  app.get('/messages', async (req) => world.messages(messagesQuery.parse(req.query).user));

  /** The user taps in wx.requestSubscribeMessage's popup; each accept allows one send. */
  app.post('/subscriptions', async (req) => {
    const { user, results } = subscriptionsBody.parse(req.body);
    return world.subscribe(user, results);
  });

  /** Acceptances left per configured template. */
  app.get('/subscriptions', async (req) => {
    const { user } = userQuery.parse(req.query);
    return { user, openid: world.openidOf(user), credits: world.credits(user) };
  });

  app.get('/users', async () => world.users());

  /** Adds or replaces a template of the account: `{ id, title, fields: {key: kind}, keywords: {key: 名称} }`. */
  app.post('/templates', async (req, reply) => {
    const { id, ...spec } = templateBody.parse(req.body);
    world.setTemplate(id, spec);
    return reply.code(201).send({ id, ...spec });
  });

  app.get('/faults', async () => world.faults());

  app.post('/faults', async (req, reply) => {
    const fault = faultBody.parse(req.body);
    world.addFault(fault);
    return reply.code(201).send(fault);
  });

  app.delete('/faults', async (_req, reply) => {
    world.clearFaults();
    return reply.code(204).send();
  });
};
