/**
 * No one can lock another person out at the bureau. The bureau locks a person for 30 minutes after
 * 5 wrong passwords or SMS codes within 30 minutes, whoever typed them; so we stop anyone but the
 * account's holder long before that, and never count their failures against the holder:
 *  - the holder (the WeChat user an account of this login name is bound to) is never limited here;
 *  - any other caller (a member, or a browser link) may get a typed password or SMS code for one
 *    login name wrong LIMITS.perCaller times a day, and all of them together LIMITS.perAccount
 *    times in the bureau's 30-minute window (5 − 3 leaves the holder 2 own mistakes before a lock);
 *  - each such failure is audited in the enterprises holding the account and the holder is told
 *    by the 账号变更 subscribe message when they have a credit.
 * The adapter's own per-account SMS limit (8 in 10 minutes) therefore never runs out through
 * others: they can spend at most 3 of it.
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db';
import { accountBindings, auditLog, enterprises, etaxAccounts, users } from '../db/schema';
import type { AppContext } from '../context';
import { sha256 } from '../crypto/secrets';
import { AppError } from '../http/errors';
import { EtaxError, type EtaxErrorKind } from '../adapters/etax/types';
import { createDbRateLimiter } from '../adapters/etax/db-rate-limit';
import { notifyAccountChange } from './bindings';
import { maskAccount } from '../../types/validators';
import { ErrorCodes } from '../../types/api';

const HOUR = 3_600_000;

export const LOCKOUT_LIMITS = {
  /** One caller (not the holder), one login name: wrong passwords and SMS codes a day. */
  perCaller: { max: 3, windowMs: 24 * HOUR },
  /** Every caller but the holder together, one login name, in the bureau's own window. */
  perAccount: { max: 3, windowMs: 0.5 * HOUR },
};

/** Refusals the bureau counts towards its lock. */
const COUNTED: readonly EtaxErrorKind[] = ['wrong_password', 'sms_code_wrong'];

type Deps = Pick<AppContext, 'db' | 'config' | 'wechat'>;
type Log = Pick<FastifyBaseLogger, 'warn'>;

/** Who types a password or code for which bureau login name. */
export interface Attempt {
  /** The bureau login name (手机号, 身份证号 or 用户名), as stored. */
  account: string;
  /** Our user, or the login request whose browser link is used. */
  by: { userId: string } | { loginRequestId: string };
}

const callerKey = (a: Attempt) => ('userId' in a.by ? `user:${a.by.userId}` : `link:${a.by.loginRequestId}`);
const keys = (a: Attempt) => {
  const name = sha256(a.account);
  return { caller: `lockout:${callerKey(a)}:${name}`, account: `lockout:others:${name}` };
};

/** Our accounts of this login name and the users they are bound to. */
async function holdings(db: Db, account: string) {
  return db
    .select({
      accountId: etaxAccounts.id,
      tenantId: etaxAccounts.tenantId,
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      taxId: enterprises.taxId,
      holderId: accountBindings.userId,
    })
    .from(etaxAccounts)
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .leftJoin(accountBindings, eq(accountBindings.accountId, etaxAccounts.id))
    .where(eq(etaxAccounts.account, account));
}

const isHolder = (a: Attempt, held: { holderId: string | null }[]) =>
  'userId' in a.by && held.some((h) => h.holderId === (a.by as { userId: string }).userId);

/** Failures counted under the key in its current window. */
async function counted(db: Db, key: string, windowMs: number): Promise<{ count: number; freeInMs: number }> {
  const res = (await db.execute(
    sql`select count, window_start from rate_limit_counters where key = ${key}`,
  )) as unknown as { rows: { count: number; window_start: string | Date }[] };
  const row = res.rows[0];
  if (!row) return { count: 0, freeInMs: 0 };
  const freeInMs = new Date(row.window_start).getTime() + windowMs - Date.now();
  return freeInMs > 0 ? { count: Number(row.count), freeInMs } : { count: 0, freeInMs: 0 };
}

function refusal(freeInMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(freeInMs / 1000));
  const wait = seconds >= 3600 ? `${Math.ceil(seconds / 3600)}小时` : `${Math.ceil(seconds / 60)}分钟`;
  return new AppError(
    429,
    ErrorCodes.tooManyAttempts,
    `该账号的密码或验证码已多次输错。为免账号在电子税局被锁定，请${wait}后再试，或请账号的绑定人操作`,
    seconds,
  );
}

/** Throws 429 when a caller other than the holder has used up a limit for this login name. */
async function assertMayTry(db: Db, attempt: Attempt, held: { holderId: string | null }[]): Promise<void> {
  if (isHolder(attempt, held)) return;
  const k = keys(attempt);
  const mine = await counted(db, k.caller, LOCKOUT_LIMITS.perCaller.windowMs);
  if (mine.count >= LOCKOUT_LIMITS.perCaller.max) throw refusal(mine.freeInMs);
  const others = await counted(db, k.account, LOCKOUT_LIMITS.perAccount.windowMs);
  if (others.count >= LOCKOUT_LIMITS.perAccount.max) throw refusal(others.freeInMs);
}

/** A failure by someone other than the holder: counted, audited, and the holders told. */
async function countFailure(deps: Deps, log: Log, attempt: Attempt, held: Awaited<ReturnType<typeof holdings>>) {
  const k = keys(attempt);
  const limiter = createDbRateLimiter(deps.db);
  await limiter.hit(k.caller, 2 ** 31 - 1, LOCKOUT_LIMITS.perCaller.windowMs);
  await limiter.hit(k.account, 2 ** 31 - 1, LOCKOUT_LIMITS.perAccount.windowMs);
  const bound = held.flatMap((h) => (h.holderId ? [{ ...h, holderId: h.holderId }] : []));
  if (bound.length === 0) return;
  const userId = 'userId' in attempt.by ? attempt.by.userId : null;
  const [actor] = userId ? await deps.db.select({ openid: users.openid }).from(users).where(eq(users.id, userId)) : [];
  await deps.db.insert(auditLog).values(
    bound.map((h) => ({
      tenantId: h.tenantId,
      enterpriseId: h.enterpriseId,
      enterpriseName: h.enterpriseName,
      taxId: h.taxId,
      action: 'failed_attempt' as const,
      // A browser link acts for the request made on the holder's behalf.
      actorUserId: userId ?? h.holderId,
      actorName: userId ? '其他微信用户' : '浏览器链接',
      actorOpenid: actor?.openid ?? '',
      accountId: h.accountId,
      maskedAccount: maskAccount(attempt.account),
      affectedUserId: h.holderId,
    })),
  );
  const told = new Set<string>();
  for (const h of bound) {
    if (told.has(h.holderId)) continue;
    told.add(h.holderId);
    await notifyAccountChange(deps, log, h.holderId, {
      enterpriseId: h.enterpriseId,
      enterpriseName: h.enterpriseName,
      account: attempt.account,
      change: '有人输错了该账号的密码或验证码',
    });
  }
}

/**
 * Runs a bureau call in which a typed password or SMS code is checked, under the limits above.
 * The call's own error is rethrown unchanged.
 */
export async function guardAttempt<T>(deps: Deps, log: Log, attempt: Attempt, call: () => Promise<T>): Promise<T> {
  const held = await holdings(deps.db, attempt.account);
  await assertMayTry(deps.db, attempt, held);
  try {
    return await call();
  } catch (err) {
    if (err instanceof EtaxError && COUNTED.includes(err.kind) && !isHolder(attempt, held)) {
      await countFailure(deps, log, attempt, held).catch((e: unknown) =>
        log.warn({ err: e instanceof Error ? e.message : String(e) }, 'lock-out guard: failure not recorded'),
      );
    }
    throw err;
  }
}
