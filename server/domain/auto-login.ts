/**
 * 华盟托管号码 / 企享云办税小号 log in by themselves (F14). A login request of a hosted account is
 * worked here, on the job queue, one attempt per job: a flow of the flow engine with the stored
 * password, then the SMS code as the number's provider received it — asked for every
 * HOSTED_CODE_POLL_MS (the engine's hosted_wait step asks once per poll) until
 * HOSTED_CODE_WAIT_SECONDS have passed.
 *
 * The seed's lock rules (解除电子税局账号登录锁定), applied in our system (已锁定 with the reason):
 *  - a wrong password locks at once (flows.ts lockIfHosted) and is never tried again;
 *  - two wrong codes, or three timeouts, lock too: counted on the account across attempts and
 *    requests, back to 0 on a success — and when they lock, so that 解锁 starts afresh;
 *  - a locked account is not tried: its request fails with the lock's reason.
 * Anything else the bureau refuses (it is down, the person is locked there …) fails the request
 * with the bureau's words and changes nothing else: the invoice system may simply ask again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db';
import { enterprises, etaxAccounts, loginFlows } from '../db/schema';
import { AppError } from '../http/errors';
import type { AppContext } from '../context';
import { QUEUES } from '../jobs/queues';
import { lockAccount } from './accounts';
import { cancelFlow, pollFlow, startFlowFor } from './flows';
import { lockedReason, refreshRequest } from './login-requests';
import { endRequest, type LoginRequestRow } from './request-outcomes';
import { announceEnd } from './webhooks';
import { FlowFailureCodes, type FlowState } from '../../types/accounts';

type Deps = AppContext;
type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/** In a row, these lock the account (the seed: 获取两次验证码错误、获取三次验证码超时). */
const MAX_WRONG_CODES = 2;
const MAX_TIMEOUTS = 3;

export async function autoLoginJob(deps: Deps, log: Log, requestId: string, signal: AbortSignal): Promise<void> {
  const request = await refreshRequest(deps, requestId);
  if (!request || request.status !== 'pending' || !request.accountId) return;
  const [found] = await deps.db
    .select({ account: etaxAccounts, enterprise: enterprises })
    .from(etaxAccounts)
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .where(eq(etaxAccounts.id, request.accountId));
  if (!found) return;
  if (found.account.lockedAt) return fail(deps, request, lockedReason(found.account));

  const owner = { loginRequestId: request.id };
  // A job cut short (a restart) left its flow open: carry on with it.
  const open = await openFlowOf(deps.db, request.id);
  let state: FlowState;
  let startedAt: number;
  if (open) {
    state = open.state;
    startedAt = open.createdAt.getTime();
  } else {
    try {
      state = await startFlowFor(deps, log, { userId: null, loginRequestId: request.id }, found, {
        purpose: 'login',
        channel: request.channel,
        method: 'password',
        qrApp: 'tax',
      });
    } catch (err) {
      if (err instanceof AppError) return fail(deps, request, err.message);
      throw err;
    }
    startedAt = Date.now();
  }

  const deadline = startedAt + deps.config.HOSTED_CODE_WAIT_SECONDS * 1000;
  while (state.step === 'hosted_wait' && Date.now() < deadline) {
    await sleep(deps.config.HOSTED_CODE_POLL_MS, undefined, { signal });
    state = await pollFlow(deps, log, owner, state.flowId);
  }

  if (state.step === 'done') {
    await setStrikes(deps.db, found.account.id, 0, 0);
    await refreshRequest(deps, request.id);
    return;
  }
  if (state.step === 'hosted_wait') {
    await cancelFlow(deps, owner, state.flowId);
    return strike(deps, log, request, 'timeout');
  }
  if (state.step === 'failed') {
    const code = state.error?.code;
    if (code === FlowFailureCodes.hostedTimeout) return strike(deps, log, request, 'timeout');
    if (code === 'etax_sms_code_wrong' || code === 'etax_sms_code_expired') {
      return strike(deps, log, request, 'wrong_code');
    }
    return fail(deps, request, state.error?.message ?? '自动登录失败');
  }
  // 实名核验, the user agreement or a face check: only the person can do these.
  await cancelFlow(deps, owner, state.flowId);
  return fail(deps, request, '自动登录需要本人确认（实名核验、用户协议或刷脸），请在发票云小程序中登录该账号');
}

async function openFlowOf(db: Db, requestId: string) {
  const [flow] = await db
    .select({ state: loginFlows.state, createdAt: loginFlows.createdAt })
    .from(loginFlows)
    .where(
      and(
        eq(loginFlows.loginRequestId, requestId),
        isNull(loginFlows.userId),
        sql`${loginFlows.state}->>'step' not in ('done', 'failed')`,
      ),
    )
    .orderBy(desc(loginFlows.createdAt))
    .limit(1);
  return flow;
}

async function setStrikes(db: Db, accountId: string, timeouts: number, wrongCodes: number) {
  await db
    .update(etaxAccounts)
    .set({ autoLoginTimeouts: timeouts, autoLoginWrongCodes: wrongCodes })
    .where(eq(etaxAccounts.id, accountId));
}

/** An attempt whose code never came, or came wrong: count it, lock at the limit, else try again. */
async function strike(deps: Deps, log: Log, request: LoginRequestRow, kind: 'timeout' | 'wrong_code') {
  const accountId = request.accountId ?? '';
  const [counts] = await deps.db
    .update(etaxAccounts)
    .set(
      kind === 'timeout'
        ? { autoLoginTimeouts: sql`${etaxAccounts.autoLoginTimeouts} + 1` }
        : { autoLoginWrongCodes: sql`${etaxAccounts.autoLoginWrongCodes} + 1` },
    )
    .where(eq(etaxAccounts.id, accountId))
    .returning({ timeouts: etaxAccounts.autoLoginTimeouts, wrongCodes: etaxAccounts.autoLoginWrongCodes });
  if (!counts) return;
  const lockReason =
    counts.timeouts >= MAX_TIMEOUTS
      ? '获取三次验证码超时'
      : counts.wrongCodes >= MAX_WRONG_CODES
        ? '获取两次验证码错误'
        : null;
  if (!lockReason) {
    log.info({ requestId: request.id, kind, ...counts }, 'automatic login attempt failed, trying again');
    await deps.jobs.send(QUEUES.autoLogin, { requestId: request.id });
    return;
  }
  await lockAccount(deps.db, accountId, lockReason, false);
  await setStrikes(deps.db, accountId, 0, 0);
  const [account] = await deps.db.select().from(etaxAccounts).where(eq(etaxAccounts.id, accountId));
  log.info({ requestId: request.id, kind }, 'automatic login locked the account');
  return fail(deps, request, lockedReason(account));
}

async function fail(deps: Deps, request: LoginRequestRow, reason: string): Promise<void> {
  await endRequest(deps.db, request.id, { status: 'failed', reason });
  await announceEnd(deps, request.id);
}
