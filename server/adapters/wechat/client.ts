import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WechatError } from './errors';
import { formatDate } from './template-values';
import type { AccessTokenStore, StoredAccessToken } from './token-store';

/** The subset of a pino / Fastify logger the client uses. */
export interface WechatLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface WechatClientOptions {
  /** https://api.weixin.qq.com in production, `<server>/sandbox/wechat` with the sandbox. */
  apiBase: string;
  appid: string;
  secret: string;
  tokenStore: AccessTokenStore;
  timeoutMs?: number;
  logger?: WechatLogger;
  /** Clock for token expiry (epoch ms); tests move it. */
  now?: () => number;
  /** Forced token refreshes allowed per Beijing day (WeChat allows 20). */
  forcedRefreshPerDay?: number;
}

export interface Code2SessionResult {
  openid: string;
  /** Stays on the server: never logged, never sent to the app. */
  sessionKey: string;
  unionid?: string;
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';
export type WechatLang = 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** A page of the app with its query, e.g. `packages/notify/pages/login/index?id=…`. */
  page?: string;
  /** Template key → value; keep values within limits with the template-values helpers. */
  data: Record<string, string>;
  miniprogramState?: MiniprogramState;
  lang?: WechatLang;
}

/** A subscribe template of the account (gettemplate). */
export interface AccountTemplate {
  priTmplId: string;
  title: string;
  /** One line per field: `企业名称:{{thing1.DATA}}`. */
  content: string;
}

export interface WechatClient {
  code2Session(code: string): Promise<Code2SessionResult>;
  getAccessToken(): Promise<string>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgid: string }>;
  /** The account's own subscribe templates (个人模板), with their fields' names and keys. */
  getTemplates(): Promise<AccountTemplate[]>;
  /**
   * SOTER: whether WeChat finds `jsonString` (startSoterAuthentication's resultJSON) signed by the
   * user's device (`jsonSignature`, its resultJSONSignature). POST /cgi-bin/soter/verify_signature.
   */
  verifySoterSignature(input: { openid: string; jsonString: string; jsonSignature: string }): Promise<boolean>;
}

/** Refresh ahead of expiry; WeChat hands out a new token in the last 5 minutes. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** A token closer than this to expiry is not worth using while another instance refreshes. */
const STILL_VALID_MS = 30 * 1000;
const LOCK_POLL_MS = 100;
const BUSY_RETRY_DELAY_MS = 200;

const silentLogger: WechatLogger = { debug() {}, info() {}, warn() {} };

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const {
    appid,
    secret,
    tokenStore,
    timeoutMs = 10_000,
    logger = silentLogger,
    now = Date.now,
    forcedRefreshPerDay = 20,
  } = options;
  const base = options.apiBase.replace(/\/+$/, '');
  // This instance's copy of the stored token, so a send does not read the database each time.
  let cached: StoredAccessToken | null = null;

  function endpoint(path: string, query: Record<string, string> = {}): URL {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url;
  }

  /**
   * One HTTP call. Logs the API name, errcode and duration only: URLs carry the secret,
   * codes and tokens, and answers carry session_key.
   */
  async function call(api: string, url: URL, body?: object): Promise<{ json: Record<string, unknown>; text: string }> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      const errmsg = timedOut
        ? `no answer within ${timeoutMs} ms`
        : `request failed: ${err instanceof Error ? err.message : String(err)}`;
      logger.warn({ api, ms: ms(), kind: 'network' }, `wechat ${api}: ${errmsg}`);
      throw new WechatError({ api, errcode: null, errmsg, kind: 'network' }, { cause: err });
    }
    if (status < 200 || status > 299) {
      logger.warn({ api, ms: ms(), status, kind: 'network' }, `wechat ${api}: HTTP ${status}`);
      throw new WechatError({ api, errcode: null, errmsg: `HTTP ${status}`, kind: 'network' });
    }
    let json: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      json = parsed as Record<string, unknown>;
    } catch (err) {
      logger.warn({ api, ms: ms(), kind: 'network' }, `wechat ${api}: answer is not a JSON object`);
      throw new WechatError(
        { api, errcode: null, errmsg: 'answer is not a JSON object', kind: 'network' },
        { cause: err },
      );
    }
    // Successes may carry errcode 0 or no errcode at all.
    if (typeof json.errcode === 'number' && json.errcode !== 0) {
      const error = new WechatError({ api, errcode: json.errcode, errmsg: String(json.errmsg ?? '') });
      logger.warn(
        { api, ms: ms(), errcode: error.errcode, errmsg: error.errmsg, kind: error.kind },
        `wechat ${api}: errcode ${error.errcode}`,
      );
      throw error;
    }
    logger.debug({ api, ms: ms() }, `wechat ${api}: ok`);
    return { json, text };
  }

  async function code2Session(code: string): Promise<Code2SessionResult> {
    const url = endpoint('/sns/jscode2session', {
      appid,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    let json: Record<string, unknown>;
    try {
      json = (await call('jscode2session', url)).json;
    } catch (err) {
      // -1 means WeChat is busy and did not use the code: one retry is safe.
      if (!(err instanceof WechatError && err.kind === 'busy')) throw err;
      await sleep(BUSY_RETRY_DELAY_MS);
      json = (await call('jscode2session', url)).json;
    }
    const { openid, session_key: sessionKey, unionid } = json;
    if (typeof openid !== 'string' || typeof sessionKey !== 'string') {
      throw new WechatError({ api: 'jscode2session', errcode: null, errmsg: 'answer lacks openid or session_key' });
    }
    return typeof unionid === 'string' ? { openid, sessionKey, unionid } : { openid, sessionKey };
  }

  const isFresh = (t: StoredAccessToken) => t.expiresAt - now() > REFRESH_MARGIN_MS;

  function remember(t: StoredAccessToken): string {
    cached = t;
    return t.token;
  }

  async function getAccessToken(): Promise<string> {
    if (cached && isFresh(cached)) return cached.token;
    const stored = await tokenStore.read();
    if (stored && isFresh(stored)) return remember(stored);
    return obtainToken(false);
  }

  /** This process's fetch in progress: concurrent callers share it (the database lock is per instance). */
  let inflight: Promise<string> | null = null;

  /**
   * Get a token through the central store, one fetch at a time in this process: callers that
   * come while one runs wait for it and use its token, unless it is the one WeChat refused.
   */
  async function obtainToken(force: boolean, rejected?: string): Promise<string> {
    while (inflight) {
      const shared = inflight;
      const token = await shared.catch((err: unknown) => {
        if (!force) throw err;
        return null;
      });
      if (token !== null && token !== rejected) return token;
      if (inflight === shared) break;
    }
    const run = obtainTokenOnce(force, rejected);
    inflight = run;
    try {
      return await run;
    } finally {
      if (inflight === run) inflight = null;
    }
  }

  /**
   * Get a token through the central store, refreshing it when this instance wins the lock.
   * `rejected`: the token WeChat just refused (forced refresh); any other stored token is
   * newer, so an instance that finds one uses it instead of spending a forced refresh.
   */
  async function obtainTokenOnce(force: boolean, rejected?: string): Promise<string> {
    const usable = (t: StoredAccessToken): boolean =>
      t.token !== rejected && (force ? t.expiresAt > now() + STILL_VALID_MS : isFresh(t));
    const lockTtlMs = timeoutMs + 5_000;
    const deadline = performance.now() + lockTtlMs;
    for (;;) {
      if (await tokenStore.tryLock(lockTtlMs)) {
        try {
          // Re-read under the lock: the previous holder may have just refreshed.
          const current = await tokenStore.read();
          if (current && usable(current)) return remember(current);
          return remember(await refresh(current, force));
        } finally {
          await tokenStore.unlock();
        }
      }
      // Another instance is refreshing; a token that has not expired yet still works meanwhile.
      const current = await tokenStore.read();
      if (current && usable(current)) return remember(current);
      if (!force && current && current.expiresAt > now() + STILL_VALID_MS) return current.token;
      if (performance.now() > deadline) {
        throw new WechatError({
          api: 'stable_token',
          errcode: null,
          errmsg: 'another instance holds the refresh lock and no valid token is stored',
          kind: 'busy',
        });
      }
      await sleep(LOCK_POLL_MS);
    }
  }

  /** Call stable_token and store the answer; only while holding the lock. */
  async function refresh(current: StoredAccessToken | null, force: boolean): Promise<StoredAccessToken> {
    const day = formatDate(now());
    const forced = current?.forced.day === day ? current.forced : { day, count: 0 };
    if (force && forced.count >= forcedRefreshPerDay) {
      throw new WechatError({
        api: 'stable_token',
        errcode: null,
        errmsg: `forced refresh limit reached (${forcedRefreshPerDay} a day)`,
        kind: 'quota',
      });
    }
    const requestedAt = now();
    const { json } = await call('stable_token', endpoint('/cgi-bin/stable_token'), {
      grant_type: 'client_credential',
      appid,
      secret,
      force_refresh: force,
    });
    const { access_token: token, expires_in: expiresIn } = json;
    if (typeof token !== 'string' || typeof expiresIn !== 'number') {
      throw new WechatError({ api: 'stable_token', errcode: null, errmsg: 'answer lacks access_token or expires_in' });
    }
    const replaced = current && current.token !== token;
    const next: StoredAccessToken = {
      token,
      // Counted from before the request, so network time never makes us overestimate.
      expiresAt: requestedAt + expiresIn * 1000,
      forced: force ? { day, count: forced.count + 1 } : forced,
      previous: replaced
        ? {
            token: current.token,
            // A forced refresh invalidates the previous token at once; an early refresh does not.
            validUntil: force ? requestedAt : current.expiresAt,
          }
        : current?.previous,
    };
    await tokenStore.write(next);
    logger.info({ api: 'stable_token', force, expiresIn }, 'wechat access token refreshed');
    return next;
  }

  async function send(token: string, message: SubscribeMessage): Promise<{ msgid: string }> {
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
    const { json, text } = await call(
      'subscribe_send',
      endpoint('/cgi-bin/message/subscribe/send', { access_token: token }),
      {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data,
        miniprogram_state: message.miniprogramState ?? 'formal',
        lang: message.lang ?? 'zh_CN',
      },
    );
    // msgid is a 64-bit integer: read its digits from the text, JSON numbers would round it.
    const msgid = /"msgid"\s*:\s*"?(\d+)/.exec(text)?.[1] ?? String(json.msgid ?? '');
    return { msgid };
  }

  /** A call with the access token; 40001/42001 (stale or replaced) get a newer one once and retry once. */
  async function withToken<T>(run: (token: string) => Promise<T>): Promise<T> {
    const token = await getAccessToken();
    try {
      return await run(token);
    } catch (err) {
      if (!(err instanceof WechatError && (err.errcode === 40001 || err.errcode === 42001))) throw err;
      cached = null;
      return await run(await obtainToken(true, token));
    }
  }

  async function sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgid: string }> {
    return withToken((token) => send(token, message));
  }

  async function getTemplates(): Promise<AccountTemplate[]> {
    const { json } = await withToken((token) =>
      call('gettemplate', endpoint('/wxaapi/newtmpl/gettemplate', { access_token: token })),
    );
    const data = Array.isArray(json.data) ? (json.data as Record<string, unknown>[]) : [];
    return data.map((t) => ({
      priTmplId: String(t.priTmplId),
      title: String(t.title ?? ''),
      content: String(t.content ?? ''),
    }));
  }

  async function verifySoterSignature(input: { openid: string; jsonString: string; jsonSignature: string }) {
    return withToken(async (token) => {
      const { json } = await call(
        'soter_verify',
        endpoint('/cgi-bin/soter/verify_signature', { access_token: token }),
        {
          openid: input.openid,
          json_string: input.jsonString,
          json_signature: input.jsonSignature,
        },
      );
      return json.is_ok === true;
    });
  }

  return { code2Session, getAccessToken, sendSubscribeMessage, getTemplates, verifySoterSignature };
}
