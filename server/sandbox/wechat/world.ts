import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkValue, type FieldKind } from './template-rules';
import type { SandboxStore } from './store';

/** WeChat's side of the app: users, codes, tokens, subscriptions and messages, without HTTP. */

export interface TemplateSpec {
  /** Template key (e.g. "thing1") → its kind, which sets the value rule. */
  fields: Record<string, FieldKind>;
  /** Template key of an `enum` field → the values WeChat accepts for it. */
  enums?: Record<string, string[]>;
  /** The template's title, as gettemplate lists it (e.g. 登录通知). */
  title?: string;
  /** Template key → its keyword name (e.g. thing1 → 企业名称), as gettemplate's `content` shows it. */
  keywords?: Record<string, string>;
}

export interface WorldConfig {
  appid: string;
  secret: string;
  templates: Record<string, TemplateSpec>;
  /** The app's pages (without query); undefined = any path without a leading slash. */
  pages?: string[];
  now: () => number;
  forcedRefreshPerDay: number;
  sendQuotaPerDay: number;
  /** code2Session calls per user per minute before 45011 (WeChat: 100). */
  code2SessionPerUserPerMinute: number;
}

export type FaultApi = 'jscode2session' | 'stable_token' | 'send';

export interface Fault {
  api: FaultApi;
  /** Answer this errcode instead of the normal answer. */
  errcode?: number;
  errmsg?: string;
  /** Wait this long (real time) before answering: for timeouts. */
  delayMs?: number;
  /** Only for this simulated user's code or openid. */
  user?: string;
  /** Gone after one use (default); false keeps it until DELETE /faults. */
  once: boolean;
}

export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';

/** A WeChat JSON answer; always sent with HTTP 200, as WeChat does. */
export type WxAnswer = Record<string, unknown>;

export interface SandboxData {
  version: 1;
  /** By simulated user name. */
  users: Record<string, { openid: string; sessionKey: string; createdAt: number }>;
  codes: Record<string, { user: string; issuedAt: number; used: boolean }>;
  /** Every token that may still be presented; replacedUntil is set once a newer one took over. */
  tokens: Record<string, { expiresAt: number; replacedUntil?: number }>;
  stable: { current: string | null; forcedDay: string; forcedCount: number; lastForcedAt: number };
  /** /cgi-bin/token keeps its own token: WeChat isolates it from stable_token. */
  plain: { current: string | null };
  /** user → template id → acceptances left (each allows one send). */
  credits: Record<string, Record<string, number>>;
  /** Oldest first. */
  messages: Array<{
    user: string;
    touser: string;
    template_id: string;
    page?: string;
    data: Record<string, { value: string }>;
    sentAt: number;
    msgid: string;
  }>;
  sends: { day: string; count: number };
  msgSeq: number;
}

const CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 7200;
/** WeChat hands out a new token in the last 5 minutes; /cgi-bin/token's replaced token works 5 more. */
const EARLY_REFRESH_MS = 5 * 60 * 1000;
const OVERLAP_MS = 5 * 60 * 1000;
/** Forced refreshes closer together than this return the current token unchanged. */
const FORCE_INTERVAL_MS = 30 * 1000;
const KEEP_MESSAGES = 2000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  40066: 'invalid url',
  41030: 'invalid page',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
};

export function emptyData(): SandboxData {
  return {
    version: 1,
    users: {},
    codes: {},
    tokens: {},
    stable: { current: null, forcedDay: '', forcedCount: 0, lastForcedAt: 0 },
    plain: { current: null },
    credits: {},
    messages: [],
    sends: { day: '', count: 0 },
    msgSeq: 0,
  };
}

/** WeChat's error answer, with a request id as WeChat appends one. */
export function wxError(errcode: number, detail?: string): WxAnswer {
  const rid = `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
  const text = detail ?? ERRMSG[errcode] ?? 'error';
  return { errcode, errmsg: `${text} rid: ${rid}` };
}

export function createWorld(config: WorldConfig, store: SandboxStore) {
  const { now } = config;
  const data = store.data;
  let faults: Fault[] = [];
  /** code2Session calls per user in the current minute (a rate window, not worth persisting). */
  const loginCalls = new Map<string, { minute: number; count: number }>();

  const beijingDay = (ms: number) => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

  /** Same name, same openid: derived, so it survives restarts and needs no stored mapping. */
  function openidOf(user: string): string {
    const digest = createHash('sha256').update(`${config.appid}\0${user}`).digest('base64url');
    return `o${digest.slice(0, 27)}`;
  }

  function ensureUser(user: string) {
    data.users[user] ??= { openid: openidOf(user), sessionKey: randomBytes(16).toString('base64'), createdAt: now() };
    return data.users[user];
  }

  function userByOpenid(openid: string): string | undefined {
    return Object.keys(data.users).find((name) => data.users[name].openid === openid);
  }

  /** Apply a matching fault: wait if asked, then return its error answer if it has one. */
  async function fault(api: FaultApi, user: string | undefined): Promise<WxAnswer | null> {
    const found = faults.find((f) => f.api === api && (f.user === undefined || f.user === user));
    if (!found) return null;
    if (found.once) faults = faults.filter((f) => f !== found);
    if (found.delayMs) await sleep(found.delayMs);
    return found.errcode === undefined ? null : wxError(found.errcode, found.errmsg);
  }

  function prune() {
    const t = now();
    for (const [code, c] of Object.entries(data.codes)) if (c.issuedAt < t - 60 * 60 * 1000) delete data.codes[code];
    for (const [token, k] of Object.entries(data.tokens))
      if (k.expiresAt < t - 24 * 60 * 60 * 1000) delete data.tokens[token];
  }

  function credentialsError(appid: unknown, secret: unknown): WxAnswer | null {
    if (typeof appid !== 'string' || !appid) return wxError(41002);
    if (typeof secret !== 'string' || !secret) return wxError(41004);
    if (appid !== config.appid) return wxError(40013);
    if (secret !== config.secret) return wxError(40125);
    return null;
  }

  function issueToken(): string {
    const token = randomToken(96);
    data.tokens[token] = { expiresAt: now() + TOKEN_TTL_S * 1000 };
    return token;
  }

  /** The previous token keeps working until `until` (never past its own expiry). */
  function retire(token: string | null, until: number) {
    const old = token ? data.tokens[token] : undefined;
    if (old) old.replacedUntil = Math.min(until, old.expiresAt);
  }

  /** 41001 missing, 40001 unknown or replaced, 42001 expired; null for a token that works. */
  function tokenError(accessToken: unknown): WxAnswer | null {
    if (typeof accessToken !== 'string' || !accessToken) return wxError(41001);
    const token = data.tokens[accessToken];
    const t = now();
    if (!token || (token.replacedUntil !== undefined && t >= token.replacedUntil)) return wxError(40001);
    if (t >= token.expiresAt) return wxError(42001);
    return null;
  }

  const tokenAnswer = (token: string): WxAnswer => ({
    access_token: token,
    expires_in: Math.max(0, Math.floor((data.tokens[token].expiresAt - now()) / 1000)),
  });

  return {
    openidOf,
    tokenError,
    userByOpenid,

    // ---- WeChat's API ----

    async jscode2session(query: Record<string, unknown>): Promise<WxAnswer> {
      const code = typeof query.js_code === 'string' ? query.js_code : '';
      const issued = data.codes[code];
      const injected = await fault('jscode2session', issued?.user);
      if (injected) return injected;
      const bad = credentialsError(query.appid, query.secret);
      if (bad) return bad;
      if (query.grant_type !== 'authorization_code') return wxError(40002);
      if (!code) return wxError(41008);
      if (!issued) return wxError(40029);
      // 100 calls per user per minute; the refused call does not use the code.
      const minute = Math.floor(now() / 60_000);
      const calls = loginCalls.get(issued.user);
      const count = calls?.minute === minute ? calls.count + 1 : 1;
      loginCalls.set(issued.user, { minute, count });
      if (count > config.code2SessionPerUserPerMinute) return wxError(45011);
      if (now() - issued.issuedAt > CODE_TTL_MS) return wxError(40029);
      if (issued.used) return wxError(40163);
      issued.used = true;
      const user = ensureUser(issued.user);
      await store.save();
      return { openid: user.openid, session_key: user.sessionKey };
    },

    async stableToken(body: Record<string, unknown>): Promise<WxAnswer> {
      const injected = await fault('stable_token', undefined);
      if (injected) return injected;
      if (body.grant_type !== 'client_credential') return wxError(40002);
      const bad = credentialsError(body.appid, body.secret);
      if (bad) return bad;
      if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') return wxError(47001);
      prune();
      const t = now();
      const s = data.stable;
      const current = s.current ? data.tokens[s.current] : undefined;
      if (body.force_refresh === true) {
        const day = beijingDay(t);
        if (s.forcedDay !== day) Object.assign(s, { forcedDay: day, forcedCount: 0 });
        if (s.forcedCount >= config.forcedRefreshPerDay) return wxError(45009);
        if (current && t - s.lastForcedAt < FORCE_INTERVAL_MS) return tokenAnswer(s.current!);
        s.forcedCount += 1;
        s.lastForcedAt = t;
        // A forced refresh invalidates the previous token at once (unlike an early refresh).
        retire(s.current, t);
        s.current = issueToken();
      } else if (!current || current.replacedUntil !== undefined || current.expiresAt - t <= EARLY_REFRESH_MS) {
        // Early refresh: the old token simply runs to its own expiry.
        retire(s.current, Infinity);
        s.current = issueToken();
      }
      await store.save();
      return tokenAnswer(s.current!);
    },

    /** GET /cgi-bin/token: a new token on every call, the previous one working 5 more minutes. */
    async plainToken(query: Record<string, unknown>): Promise<WxAnswer> {
      if (query.grant_type !== 'client_credential') return wxError(40002);
      const bad = credentialsError(query.appid, query.secret);
      if (bad) return bad;
      prune();
      retire(data.plain.current, now() + OVERLAP_MS);
      data.plain.current = issueToken();
      await store.save();
      return tokenAnswer(data.plain.current);
    },

    async send(accessToken: unknown, body: Record<string, unknown>): Promise<WxAnswer> {
      const user = typeof body.touser === 'string' ? userByOpenid(body.touser) : undefined;
      const injected = await fault('send', user);
      if (injected) return injected;

      const badToken = tokenError(accessToken);
      if (badToken) return badToken;
      const t = now();

      const day = beijingDay(t);
      if (data.sends.day !== day) data.sends = { day, count: 0 };
      if (data.sends.count >= config.sendQuotaPerDay) return wxError(45009);

      if (!user) return wxError(40003);
      const templateId = body.template_id;
      const template = typeof templateId === 'string' ? config.templates[templateId] : undefined;
      if (typeof templateId !== 'string' || !template) return wxError(40037);

      const page = body.page;
      if (page !== undefined && page !== '') {
        if (typeof page !== 'string') return wxError(41030);
        const path = page.split('?')[0];
        const known = config.pages ? config.pages.includes(path) : path !== '' && !path.startsWith('/');
        if (!known) return wxError(41030);
      }

      for (const key of ['miniprogram_state', 'lang'] as const) {
        const allowed = key === 'lang' ? LANGS : MINIPROGRAM_STATES;
        if (body[key] !== undefined && !allowed.includes(body[key] as string)) return wxError(47001);
      }

      const fields = body.data;
      if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return wxError(47001);
      const given = fields as Record<string, unknown>;
      for (const key of Object.keys(given)) {
        if (!(key in template.fields)) return wxError(47003, `argument invalid! data.${key}.value not in template`);
      }
      const values: Record<string, { value: string }> = {};
      for (const [key, kind] of Object.entries(template.fields)) {
        const entry = given[key] as { value?: unknown } | undefined;
        const value = entry && typeof entry === 'object' ? entry.value : undefined;
        if (typeof value !== 'string') return wxError(47003, `argument invalid! data.${key}.value missing`);
        const problem = checkValue(kind, value, template.enums?.[key]);
        if (problem) return wxError(47003, `argument invalid! data.${key}.value ${problem}`);
        values[key] = { value };
      }

      const credits = data.credits[user] ?? {};
      if (!credits[templateId]) return wxError(43101);
      credits[templateId] -= 1;
      data.sends.count += 1;
      // A 64-bit id like WeChat's, beyond what a JavaScript number holds exactly.
      data.msgSeq += 1;
      const msgid = (BigInt(t) * 1_000_000n + BigInt(data.msgSeq % 1_000_000)).toString();
      data.messages.push({
        user,
        touser: body.touser as string,
        template_id: templateId,
        ...(typeof page === 'string' && page ? { page } : {}),
        data: values,
        sentAt: t,
        msgid,
      });
      if (data.messages.length > KEEP_MESSAGES) data.messages.splice(0, data.messages.length - KEEP_MESSAGES);
      await store.save();
      return { errcode: 0, errmsg: 'ok', msgid };
    },

    // ---- control ----

    async issueCode(user: string): Promise<string> {
      ensureUser(user);
      prune();
      const code = randomToken(24);
      data.codes[code] = { user, issuedAt: now(), used: false };
      await store.save();
      return code;
    },

    /** What tapping in the subscribe popup does; answers as wx.requestSubscribeMessage would. */
    async subscribe(user: string, results: Record<string, SubscribeResult>): Promise<Record<string, unknown>> {
      const ids = Object.keys(results);
      if (ids.length === 0) return { errMsg: 'requestSubscribeMessage:fail invalid tmplIds', errCode: 10001 };
      if (ids.length > 3) return { errMsg: 'requestSubscribeMessage:fail tmplIds more than 3', errCode: 20003 };
      const unknown = ids.find((id) => !config.templates[id]);
      if (unknown)
        return {
          errMsg: `requestSubscribeMessage:fail No template data return, verify the template id exist`,
          errCode: 20001,
        };
      ensureUser(user);
      const credits = (data.credits[user] ??= {});
      for (const id of ids) if (results[id] === 'accept') credits[id] = (credits[id] ?? 0) + 1;
      await store.save();
      return { errMsg: 'requestSubscribeMessage:ok', ...results };
    },

    /** GET /wxaapi/newtmpl/gettemplate: the account's templates, each field a line `名称:{{key.DATA}}`. */
    async templateList(accessToken: unknown): Promise<WxAnswer> {
      if (typeof accessToken !== 'string' || !accessToken) return wxError(41001);
      const token = data.tokens[accessToken];
      const t = now();
      if (!token || (token.replacedUntil !== undefined && t >= token.replacedUntil)) return wxError(40001);
      if (t >= token.expiresAt) return wxError(42001);
      return {
        errcode: 0,
        errmsg: 'ok',
        data: Object.entries(config.templates).map(([id, spec]) => ({
          priTmplId: id,
          title: spec.title ?? id,
          content: Object.keys(spec.fields)
            .map((key) => `${spec.keywords?.[key] ?? key}:{{${key}.DATA}}\n`)
            .join(''),
          example: '',
          // 2: a one-time subscription (一次性订阅), the only kind the app asks for.
          type: 2,
        })),
      };
    },

    /** Control: add or replace a template of the account (e.g. one picked from the library, numbered its own way). */
    setTemplate(id: string, spec: TemplateSpec) {
      config.templates[id] = spec;
    },

    credits(user: string): Record<string, number> {
      const left = data.credits[user] ?? {};
      return Object.fromEntries(Object.keys(config.templates).map((id) => [id, left[id] ?? 0]));
    },

    users() {
      return Object.entries(data.users)
        .sort(([, a], [, b]) => a.createdAt - b.createdAt)
        .map(([user, u]) => ({ user, openid: u.openid, createdAt: new Date(u.createdAt).toISOString() }));
    },

    messages(user?: string) {
      return data.messages
        .filter((m) => user === undefined || m.user === user)
        .reverse()
        .map((m) => ({
          touser: m.touser,
          template_id: m.template_id,
          page: m.page,
          data: m.data,
          sentAt: new Date(m.sentAt).toISOString(),
        }));
    },

    faults: () => faults,
    addFault(f: Fault) {
      faults.push(f);
    },
    clearFaults() {
      faults = [];
    },
  };
}

export type WechatWorld = ReturnType<typeof createWorld>;
