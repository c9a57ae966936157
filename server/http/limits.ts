/**
 * HTTP-level abuse limits (@fastify/rate-limit) on what a stranger can guess: sign-in codes, the
 * operator token, browser-link tokens and 激活码. Only failures are counted, per caller address
 * (behind TRUST_PROXY: the forwarded one), so an office of many users behind one address is
 * never slowed by its own successful calls; once a limit is reached the next call is refused with
 * 429, `retry-after` and a Chinese message before anything is evaluated. Wrong 激活码 are also
 * limited per user (tenants.ts, ACTIVATION_MAX_FAILURES).
 *
 * The counters live in PostgreSQL (rate_limit_counters, a fixed window per key), so every
 * instance shares them. Reaching a limit is recorded in security_events (audited, not only
 * access-logged).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { rateLimitCounters, securityEvents } from '../db/schema';
import { sha256 } from '../crypto/secrets';
import { AppError } from './errors';

const MINUTE = 60_000;

/**
 * Failures allowed per caller address in the window. Chosen well above what a person mistyping
 * reaches, and far below what guessing needs: a 16-character 激活码, a 43-character link token
 * and a 32-byte operator token cannot be guessed at 20 tries per 10 minutes.
 */
export const HTTP_LIMITS = {
  /** wx.login codes refused (expired, used, forged). */
  sign_in: { max: 20, timeWindow: 10 * MINUTE },
  /** Operator API calls with a missing or wrong bearer token. */
  ops_token: { max: 10, timeWindow: 10 * MINUTE },
  /** Browser-link calls with an unknown token (a guess; a used or expired one answers 410). */
  link_token: { max: 20, timeWindow: 10 * MINUTE },
  /** Wrong 激活码, whichever WeChat user types them. */
  activation_code: { max: 20, timeWindow: 10 * MINUTE },
} as const;

export type LimitKind = keyof typeof HTTP_LIMITS;

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** The plugin's store on PostgreSQL: one fixed window per key, counted in one atomic upsert. */
function postgresStore(db: Db) {
  const rowsOf = (r: unknown) => (r as { rows: { count: number; window_start: string | Date }[] }).rows;
  const ttlOf = (start: string | Date, windowMs: number) =>
    Math.max(0, new Date(start).getTime() + windowMs - Date.now());
  return class PostgresStore {
    constructor(readonly options: unknown) {}

    incr(key: string, cb: Callback, timeWindow: number) {
      const now = new Date();
      const stale = new Date(now.getTime() - timeWindow);
      db.execute(
        sql`
        insert into rate_limit_counters (key, window_start, count) values (${key}, ${now}, 1)
        on conflict (key) do update set
          window_start = case when rate_limit_counters.window_start <= ${stale} then ${now} else rate_limit_counters.window_start end,
          count = case when rate_limit_counters.window_start <= ${stale} then 1 else rate_limit_counters.count + 1 end
        returning count, window_start`,
      ).then(
        (r) => {
          const [row] = rowsOf(r);
          cb(null, { current: Number(row.count), ttl: ttlOf(row.window_start, timeWindow) });
        },
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback, timeWindow: number) {
      // Every operator call reads its caller's counter first: prepared once.
      const statement = prepared(db, 'rate_limit_read', (name) =>
        db
          .select({ count: rateLimitCounters.count, windowStart: rateLimitCounters.windowStart })
          .from(rateLimitCounters)
          .where(eq(rateLimitCounters.key, sql.placeholder('key')))
          .prepare(name),
      );
      statement.execute({ key }).then(
        ([row]) => {
          const ttl = row ? ttlOf(row.windowStart, timeWindow) : 0;
          cb(null, { current: row && ttl > 0 ? Number(row.count) : 0, ttl });
        },
        (err: Error) => cb(err),
      );
    }

    child(routeOptions: unknown) {
      return new PostgresStore(routeOptions);
    }
  };
}

function tooMany(seconds: number): AppError {
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)}分钟` : `${seconds}秒`;
  return new AppError(429, 'too_many_requests', `失败次数过多，请${wait}后再试`, seconds);
}

export interface FailureLimit {
  /** onRequest: 429 when the caller's failures reached the limit (nothing else is evaluated). */
  check(request: FastifyRequest): Promise<void>;
  /** onSend: counts the answer when `failed` says it is a failure. */
  count(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** Whether an answer counts as a failure, by its status. */
export type Failed = (status: number) => boolean;

export type FailureLimits = Record<LimitKind, (failed: Failed) => FailureLimit>;

/** Registers the plugin (no global limit) with the PostgreSQL store; the limiters by kind. */
export async function installLimits(app: FastifyInstance, db: Db): Promise<FailureLimits> {
  await app.register(rateLimit, { global: false, store: postgresStore(db) });
  const make = (kind: LimitKind) => (failed: Failed) => {
    const { max, timeWindow } = HTTP_LIMITS[kind];
    const limiter = app.createRateLimit({
      max,
      timeWindow,
      keyGenerator: (request) => `http:${kind}:${request.ip}`,
    });
    return {
      async check(request: FastifyRequest) {
        const status = await limiter(request, { increment: false });
        if (!status.isAllowed && status.remaining <= 0 && status.ttl > 0) {
          throw tooMany(Math.max(1, Math.ceil(status.ttl / 1000)));
        }
      },
      async count(request: FastifyRequest, reply: FastifyReply) {
        if (!failed(reply.statusCode)) return;
        const status = await limiter(request);
        if (!status.isAllowed && status.remaining === 0) {
          // The limit is reached by this failure: recorded once per window and caller.
          await db.insert(securityEvents).values({
            kind,
            ip: request.ip,
            keyHash: sha256(status.key),
            failures: max,
          });
          request.log.warn({ kind, ip: request.ip }, 'failure limit reached');
        }
      },
    };
  };
  return {
    sign_in: make('sign_in'),
    ops_token: make('ops_token'),
    link_token: make('link_token'),
    activation_code: make('activation_code'),
  };
}

/** Adds a failure limit to the routes of the scope that `applies` picks (all by default). */
export function limitScope(
  scope: FastifyInstance,
  limit: FailureLimit,
  applies: (request: FastifyRequest) => boolean = () => true,
) {
  scope.addHook('onRequest', async (request) => {
    if (applies(request)) await limit.check(request);
  });
  // Counted before the answer leaves, so the caller's next call already sees it.
  scope.addHook('onSend', async (request, reply, payload) => {
    if (applies(request)) await limit.count(request, reply);
    return payload;
  });
}
