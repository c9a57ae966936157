/**
 * How a login request (F15) ends — the one place that decides it, from what happened to the
 * request's flows and its account. Called wherever that may have changed: when a flow of the
 * request ends (flows.ts, inside the flow's own transaction), whenever the request is read (so an
 * expiry is seen before its job runs), by the expiry job and by the automatic login.
 * Ending is a conditional update of a pending row: concurrent callers agree on one outcome.
 *
 *  - done: a login flow of the request finished (认证 requests: a 认证 flow finished and the
 *    channel's session is live, so a 认证 request without a session needs a login as well);
 *  - failed: the latest flow ended on a refusal no retry can mend (wrong password, the person
 *    locked or unrelated at the bureau, the real-name check failed, the account deleted); a wrong
 *    code, a passing outage or the user's own 取消 leave the request open for another try;
 *  - expired: its time ran out first.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { etaxSessions, loginFlows, loginRequests } from '../db/schema';
import type { Channel } from '../../types/domain';
import { FlowFailureCodes, type FlowState } from '../../types/accounts';
import type { LoginRequestStatus } from '../../types/requests';

export type LoginRequestRow = typeof loginRequests.$inferSelect;
type Ended = { status: Exclude<LoginRequestStatus, 'pending'>; reason: string | null };

/** Flow failures that also end the request. */
const FINAL_FAILURES: readonly string[] = [
  'etax_wrong_password',
  'etax_locked',
  'etax_no_relation',
  'etax_no_permission',
  'etax_not_found',
  'etax_real_name_failed',
  FlowFailureCodes.accountDeleted,
];

export const isFinalFailure = (code: string) => FINAL_FAILURES.includes(code);

export const EXPIRED_REASON = '登录请求已过期：未在有效期内完成登录';
export const ACCOUNT_DELETED_REASON = '该电子税局账号已被删除';

/** Our record says the account has a session for the channel that has not run out. */
export async function sessionLive(db: Db | Tx, accountId: string, channel: Channel): Promise<boolean> {
  const [row] = await db
    .select({ expiresAt: etaxSessions.expiresAt })
    .from(etaxSessions)
    .where(
      and(
        eq(etaxSessions.accountId, accountId),
        eq(etaxSessions.channel, channel),
        gt(etaxSessions.expiresAt, new Date()),
      ),
    );
  return Boolean(row);
}

/** A flow of the request, as far as its outcome goes: newest first. */
export type RequestFlow = { purpose: string; state: Pick<FlowState, 'step' | 'error'> };

/** The request's flows, newest first. */
async function flowsOf(db: Db | Tx, requestId: string): Promise<RequestFlow[]> {
  return db
    .select({ purpose: loginFlows.purpose, state: loginFlows.state })
    .from(loginFlows)
    .where(eq(loginFlows.loginRequestId, requestId))
    .orderBy(desc(loginFlows.createdAt));
}

/** The request's end as things stand, or null while it stays pending. */
async function outcomeOf(db: Db | Tx, request: LoginRequestRow, flows: RequestFlow[]): Promise<Ended | null> {
  if (!request.accountId) return { status: 'failed', reason: ACCOUNT_DELETED_REASON };
  const finished = (purpose: 'login' | 'auth') => flows.some((f) => f.purpose === purpose && f.state.step === 'done');
  const done =
    request.purpose === 'login'
      ? finished('login')
      : finished('auth') && (await sessionLive(db, request.accountId, request.channel));
  if (done) return { status: 'done', reason: null };
  const latest = flows[0]?.state;
  if (latest?.step === 'failed' && latest.error && isFinalFailure(latest.error.code)) {
    return { status: 'failed', reason: latest.error.message };
  }
  if (request.expiresAt.getTime() <= Date.now()) return { status: 'expired', reason: EXPIRED_REASON };
  return null;
}

/** Ends a pending request; the row as it is afterwards (another caller may have ended it first). */
export async function endRequest(db: Db | Tx, requestId: string, ended: Ended): Promise<LoginRequestRow | undefined> {
  const [row] = await db
    .update(loginRequests)
    .set({ status: ended.status, reason: ended.reason, settledAt: new Date() })
    .where(and(eq(loginRequests.id, requestId), eq(loginRequests.status, 'pending')))
    .returning();
  if (row) return row;
  const [current] = await db.select().from(loginRequests).where(eq(loginRequests.id, requestId));
  return current;
}

/** Brings the request up to date: ends it when its outcome is known. Undefined when there is no such request. */
export async function settleRequest(db: Db | Tx, requestId: string): Promise<LoginRequestRow | undefined> {
  const [request] = await db.select().from(loginRequests).where(eq(loginRequests.id, requestId));
  if (!request || request.status !== 'pending') return request;
  return settleRead(db, request, await flowsOf(db, request.id));
}

/** settleRequest of a pending request and its flows already read (the ask reads them with the account). */
export async function settleRead(
  db: Db | Tx,
  request: LoginRequestRow,
  flows: RequestFlow[],
): Promise<LoginRequestRow | undefined> {
  const ended = await outcomeOf(db, request, flows);
  return ended ? endRequest(db, request.id, ended) : request;
}

/** flows.ts: a flow of the request ended. */
export async function requestFollowsFlow(db: Db | Tx, requestId: string): Promise<void> {
  await settleRequest(db, requestId);
}
