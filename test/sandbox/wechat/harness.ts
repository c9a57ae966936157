import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  createMemoryTokenBacking,
  createMemoryTokenStore,
  createWechatClient,
  type MemoryTokenBacking,
  type WechatClientOptions,
  type WechatLogger,
} from '../../../server/adapters/wechat';
import { wechatSandbox, type WechatSandboxOptions } from '../../../server/sandbox/wechat';

export const APPID = 'wx0123456789abcdef';
export const SECRET = 'sandbox-secret-0123456789abcdef';
export const LOGIN_TEMPLATE = 'tpl-login-notice';
export const BIND_TEMPLATE = 'tpl-bind-result';
export const TEMPLATES: WechatSandboxOptions['templates'] = {
  [LOGIN_TEMPLATE]: {
    fields: { thing1: 'thing', character_string2: 'character_string', time3: 'time', phrase4: 'phrase' },
  },
  [BIND_TEMPLATE]: { fields: { name1: 'name', phone_number2: 'phone_number', date3: 'date' } },
};
export const PAGES = ['pages/index/index', 'packages/notify/pages/login/index'];
/** 2025-03-01 10:00 in Beijing. */
export const START = Date.parse('2025-03-01T02:00:00Z');

export interface Sandbox {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:PORT/sandbox/wechat — what WECHAT_API_BASE would be. */
  base: string;
  clock: { t: number };
  /** "GET /sandbox/wechat/sns/jscode2session" per request, WeChat API paths only. */
  calls: string[];
  /** Every line the sandbox's Fastify logger wrote. */
  serverLog: string[];
  callsTo(path: string): number;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }>;
  wechat<T = Record<string, unknown>>(method: string, pathAndQuery: string, body?: unknown): Promise<T>;
  code(user: string): Promise<string>;
  subscribe(user: string, results: Record<string, string>): Promise<Record<string, unknown>>;
  credits(user: string): Promise<Record<string, number>>;
  openid(user: string): Promise<string>;
  close(): Promise<void>;
}

/** The sandbox plugin mounted as the main server mounts it, on 127.0.0.1, a free port. */
export async function startSandbox(overrides: Partial<WechatSandboxOptions> = {}): Promise<Sandbox> {
  const clock = { t: START };
  const calls: string[] = [];
  const serverLog: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      serverLog.push(String(chunk));
      done();
    },
  });
  // forceCloseConnections: a keep-alive socket that turns idle just after close() began would
  // otherwise hold the test for Fastify's 72 s keep-alive timeout.
  const app = Fastify({ logger: { level: 'trace', stream }, forceCloseConnections: true });
  app.addHook('onRequest', async (req) => {
    if (!req.url.includes('/control/')) calls.push(`${req.method} ${req.url.split('?')[0]}`);
  });
  await app.register(wechatSandbox, {
    prefix: '/sandbox/wechat',
    appid: APPID,
    secret: SECRET,
    templates: TEMPLATES,
    pages: PAGES,
    now: () => clock.t,
    ...overrides,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/sandbox/wechat`;

  async function request(method: string, url: string, body?: unknown) {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  const sandbox: Sandbox = {
    app,
    base,
    clock,
    calls,
    serverLog,
    callsTo: (path) => calls.filter((c) => c.endsWith(path)).length,
    control: (method, path, body) => request(method, `${base}/control${path}`, body),
    wechat: async (method, pathAndQuery, body) => (await request(method, base + pathAndQuery, body)).json,
    async code(user) {
      return (await sandbox.control<{ code: string }>('POST', '/code', { user })).json.code;
    },
    async subscribe(user, results) {
      return (await sandbox.control<Record<string, unknown>>('POST', '/subscriptions', { user, results })).json;
    },
    async credits(user) {
      const res = await sandbox.control<{ credits: Record<string, number> }>(
        'GET',
        `/subscriptions?user=${encodeURIComponent(user)}`,
      );
      return res.json.credits;
    },
    async openid(user) {
      const res = await sandbox.control<{ openid: string }>('GET', `/subscriptions?user=${encodeURIComponent(user)}`);
      return res.json.openid;
    },
    close: () => app.close(),
  };
  return sandbox;
}

/** A logger that keeps every line, as JSON, to search for secrets. */
export function captureLogger(): WechatLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (obj: object, msg?: string) => lines.push(JSON.stringify({ level, ...obj, msg }));
  return { lines, debug: keep('debug'), info: keep('info'), warn: keep('warn') };
}

/** One server instance's client; instances sharing `backing` share the central token store. */
export function clientFor(
  sandbox: Sandbox,
  options: Partial<WechatClientOptions> & { backing?: MemoryTokenBacking } = {},
) {
  const { backing = createMemoryTokenBacking(), ...rest } = options;
  const now = () => sandbox.clock.t;
  return createWechatClient({
    apiBase: sandbox.base,
    appid: APPID,
    secret: SECRET,
    tokenStore: createMemoryTokenStore(backing, now),
    now,
    ...rest,
  });
}

/** Valid data for LOGIN_TEMPLATE. */
export function loginData(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    thing1: '华盟科技开票业务登录',
    character_string2: '91350100M000100Y43',
    time3: '2025-03-01 10:00',
    phrase4: '待登录',
    ...overrides,
  };
}

export async function rejects(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}
