/**
 * Ahead of the failure (issue 14): a scheduled watch over the bureau sessions we hold, so their
 * holders learn of a drop or a coming end before invoicing fails.
 *
 * One run at a time across all instances (a `stately` pg-boss queue: each run queues the next,
 * SESSION_WATCH_TICK_SECONDS later). A run:
 *  1. checks the sessions due — each account's session per channel at most once per
 *     SESSION_CHECK_INTERVAL_SECONDS (a login or a caller's ask counts as a check), at most
 *     SESSION_CHECKS_PER_REGION_PER_MINUTE per bureau region, the longest unchecked first — with
 *     the gateway's cheapest call (pingSession). A session that ended early is 已掉线 with when and
 *     the likely cause (另一处登录 when the bureau dropped it, 到期 when it ran out); then
 *      - a hosted account (华盟托管号码, 企享云办税小号) logs in again on the queue (auto-login.ts,
 *        its lock rules);
 *      - else the bound holder gets a message opening 登录 of that account and channel (any
 *        登录通知 credit left may be spent: the account needs its holder now);
 *      - the tenant's webhook gets session.dropped;
 *  2. announces each 登录 (per channel) and 认证 ending within SESSION_REMINDER_LEAD_MINUTES once to
 *     the webhook (session.expiring), and reminds the holder of a bound manual account once
 *     ("开票登录将于 18:30 到期，点击续期") inside SESSION_REMINDER_HOURS (Beijing time).
 *
 * Credits: drop alerts and reminders go out with the 登录通知 template, so they share its one-time
 * credits (F20). A reminder never spends the last one: it stays for the 登录通知 the next ask may
 * need (when the reminded session does run out). A drop alert may spend it — it is that 登录通知,
 * sent before the ask.
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { enterprises, etaxAccounts, etaxSessions, sessionWatch } from '../db/schema';
import { EtaxError, type SessionPing } from '../adapters/etax/types';
import { formatTime, truncateCharacterString, truncatePhrase, truncateThing } from '../adapters/wechat';
import { templateIds } from '../notify/templates';
import { QUEUES } from '../jobs/queues';
import type { AccountRow, EnterpriseRow } from './permissions';
import { boundMember, relogInBackground } from './login-requests';
import { claimEnd, markChecked, recordDrop, releaseEnd, type Drop } from './session-records';
import { creditsOf, sendWithCredit } from './subscriptions';
import { announceSessionEvent } from './webhooks';
import { maskAccount } from '../../types/validators';
import { CHANNEL_SHORT, HOSTED_LOGIN_TYPES, type Channel } from '../../types/domain';
import { DROP_CAUSE_LABELS, accountLoginPagePath } from '../../types/watch';

type Deps = AppContext;
type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/** How many due sessions one run looks at, at most (the rest wait for the next run). */
const SCAN_LIMIT = 1000;

/** Queues the next run (refused while one is queued: the chain stays single across instances). */
export async function scheduleWatch(deps: Deps): Promise<void> {
  await deps.jobs.send(QUEUES.sessionWatch, {}, { startAfter: deps.config.SESSION_WATCH_TICK_SECONDS });
}

/** One run of the watch (a job). The next run is queued first, so a run that fails keeps the chain. */
export async function sessionWatchJob(deps: Deps, log: Log): Promise<void> {
  await scheduleWatch(deps);
  await checkDueSessions(deps, log);
  await announceEnds(deps, log);
}

// ---- 1. Checks and drops -------------------------------------------------------------------------

interface Due {
  account: AccountRow;
  enterprise: EnterpriseRow;
  channel: Channel;
  sessionIdEnc: string;
  expiresAt: Date;
}

/** Per run, each region gets the share of its per-minute budget that one run's interval allows. */
export function perRunBudget(config: Deps['config']): number {
  const { SESSION_CHECKS_PER_REGION_PER_MINUTE: perMinute, SESSION_WATCH_TICK_SECONDS: tick } = config;
  return Math.max(1, Math.floor((perMinute * Math.min(tick, 60)) / 60));
}

async function dueSessions(deps: Deps): Promise<Due[]> {
  const cutoff = new Date(Date.now() - deps.config.SESSION_CHECK_INTERVAL_SECONDS * 1000).toISOString();
  // A login is as good as a check: the session was live then.
  const lastKnown = sql`greatest(coalesce(${sessionWatch.checkedAt}, ${etaxSessions.loggedInAt}), ${etaxSessions.loggedInAt})`;
  const rows = await deps.db
    .select({
      account: etaxAccounts,
      enterprise: enterprises,
      channel: etaxSessions.channel,
      sessionIdEnc: etaxSessions.sessionIdEnc,
      expiresAt: etaxSessions.expiresAt,
    })
    .from(etaxSessions)
    .innerJoin(etaxAccounts, eq(etaxAccounts.id, etaxSessions.accountId))
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .leftJoin(
      sessionWatch,
      and(eq(sessionWatch.accountId, etaxSessions.accountId), eq(sessionWatch.subject, etaxSessions.channel)),
    )
    .where(lte(lastKnown, sql`${cutoff}::timestamptz`))
    .orderBy(asc(lastKnown))
    .limit(SCAN_LIMIT);
  const budget = perRunBudget(deps.config);
  const taken = new Map<string, number>();
  return rows.filter((row) => {
    const n = taken.get(row.enterprise.region) ?? 0;
    if (n >= budget) return false;
    taken.set(row.enterprise.region, n + 1);
    return true;
  });
}

async function checkDueSessions(deps: Deps, log: Log): Promise<void> {
  for (const due of await dueSessions(deps)) {
    try {
      await checkOne(deps, log, due);
    } catch (err) {
      // One account's trouble must not stop the watch of the others.
      log.warn({ accountId: due.account.id, err: (err as Error).message }, 'session watch: check failed');
    }
  }
}

async function checkOne(deps: Deps, log: Log, due: Due): Promise<void> {
  const { account, channel } = due;
  let ping: SessionPing;
  if (due.expiresAt.getTime() <= Date.now()) {
    // Ran out by its own clock: nothing to ask the bureau.
    ping = { state: 'expired', at: due.expiresAt, reason: '登录已到期' };
  } else {
    try {
      ping = await deps.etax.pingSession(deps.secrets.decrypt(due.sessionIdEnc));
    } catch (err) {
      if (!(err instanceof EtaxError)) throw err;
      await markChecked(deps.db, account, channel);
      if (err.kind !== 'not_found') {
        log.warn({ accountId: account.id, kind: err.kind }, 'session watch: bureau did not answer');
        return;
      }
      ping = { state: 'expired', at: new Date(), reason: err.message };
    }
    // Marked once answered, so two checks are never closer at the bureau than the interval.
    await markChecked(deps.db, account, channel);
  }
  if (ping.state === 'active') {
    if (ping.expiresAt.getTime() !== due.expiresAt.getTime()) {
      await deps.db
        .update(etaxSessions)
        .set({ expiresAt: ping.expiresAt })
        .where(and(eq(etaxSessions.accountId, account.id), eq(etaxSessions.channel, channel)));
    }
    return;
  }
  const drop: Drop = { at: ping.at, cause: ping.state === 'dropped' ? 'elsewhere' : 'expired', reason: ping.reason };
  if (!(await recordDrop(deps.db, account, channel, due.sessionIdEnc, drop))) return;
  const relogin = await afterDrop(deps, log, due, drop);
  log.info({ accountId: account.id, channel, cause: drop.cause, relogin }, 'session watch: session dropped');
  await announceSessionEvent(deps, account.tenantId, {
    event: 'session.dropped',
    taxId: due.enterprise.taxId,
    account: maskAccount(account.account),
    channel,
    droppedAt: drop.at.toISOString(),
    cause: drop.cause,
    reason: drop.reason,
    relogin,
  });
}

/** A hosted account logs in again by itself; a manual one's holder is told (with a credit left). */
async function afterDrop(deps: Deps, log: Log, due: Due, drop: Drop): Promise<'auto' | 'notified' | 'none'> {
  const { account, enterprise, channel } = due;
  if (HOSTED_LOGIN_TYPES.includes(account.loginType)) {
    return (await relogInBackground(deps, log, { account, enterprise, channel })) ? 'auto' : 'none';
  }
  const holder = await boundMember(deps.db, account);
  if (!holder) return 'none';
  const word = CHANNEL_SHORT[channel];
  const sent = await sendWithCredit(deps, log, holder, {
    templateId: templateIds(deps.config).loginNotice,
    page: accountLoginPagePath(account.id, { channel }),
    data: {
      thing1: truncateThing(enterprise.name),
      character_string2: truncateCharacterString(enterprise.taxId),
      phrase3: truncatePhrase(`${word}掉线`),
      time4: formatTime(drop.at),
      thing5: truncateThing(`已掉线（${DROP_CAUSE_LABELS[drop.cause]}），点击重新登录`),
    },
  });
  return sent === 'sent' ? 'notified' : 'none';
}

// ---- 2. Coming ends: session.expiring and the holder's reminder ------------------------------------

interface Ending {
  account: AccountRow;
  enterprise: EnterpriseRow;
  /** A channel's 登录, or the account's 认证. */
  what: { channel: Channel } | { purpose: 'auth' };
  end: Date;
}

async function endingSoon(deps: Deps): Promise<Ending[]> {
  const now = new Date();
  const horizon = new Date(now.getTime() + deps.config.SESSION_REMINDER_LEAD_MINUTES * 60_000);
  const logins = await deps.db
    .select({
      account: etaxAccounts,
      enterprise: enterprises,
      channel: etaxSessions.channel,
      end: etaxSessions.expiresAt,
    })
    .from(etaxSessions)
    .innerJoin(etaxAccounts, eq(etaxAccounts.id, etaxSessions.accountId))
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .where(and(gt(etaxSessions.expiresAt, now), lte(etaxSessions.expiresAt, horizon)))
    .limit(SCAN_LIMIT);
  const auths = await deps.db
    .select({ account: etaxAccounts, enterprise: enterprises, end: etaxAccounts.authValidUntil })
    .from(etaxAccounts)
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .where(and(gt(etaxAccounts.authValidUntil, now), lte(etaxAccounts.authValidUntil, horizon)))
    .limit(SCAN_LIMIT);
  return [
    ...logins.map((r) => ({ account: r.account, enterprise: r.enterprise, what: { channel: r.channel }, end: r.end })),
    ...auths.flatMap((r) =>
      r.end ? [{ account: r.account, enterprise: r.enterprise, what: { purpose: 'auth' as const }, end: r.end }] : [],
    ),
  ];
}

async function announceEnds(deps: Deps, log: Log): Promise<void> {
  const hours = workingHours(deps.config.SESSION_REMINDER_HOURS);
  const inHours = hours(new Date());
  for (const ending of await endingSoon(deps)) {
    try {
      await announceEnding(deps, log, ending, inHours);
    } catch (err) {
      log.warn({ accountId: ending.account.id, err: (err as Error).message }, 'session watch: reminder failed');
    }
  }
}

async function announceEnding(deps: Deps, log: Log, ending: Ending, inHours: boolean): Promise<void> {
  const { account, enterprise, what, end } = ending;
  const subject = 'channel' in what ? what.channel : 'auth';
  if (await claimEnd(deps.db, account, subject, 'expiringNotedFor', end)) {
    await announceSessionEvent(deps, account.tenantId, {
      event: 'session.expiring',
      taxId: enterprise.taxId,
      account: maskAccount(account.account),
      ...('channel' in what ? { purpose: 'login' as const, channel: what.channel } : { purpose: 'auth' as const }),
      expiresAt: end.toISOString(),
    });
  }
  // Hosted accounts log in again by themselves once the session runs out: nobody to remind.
  if (!inHours || HOSTED_LOGIN_TYPES.includes(account.loginType)) return;
  const holder = await boundMember(deps.db, account);
  if (!holder) return;
  const template = templateIds(deps.config).loginNotice;
  // The last credit stays for the 登录通知 that may be needed once this end comes.
  if ((await creditsOf(deps.db, deps.config, holder))[template] < 2) return;
  if (!(await claimEnd(deps.db, account, subject, 'remindedFor', end))) return;
  const title = 'channel' in what ? `${CHANNEL_SHORT[what.channel]}登录` : '认证';
  const sent = await sendWithCredit(deps, log, holder, {
    templateId: template,
    page: accountLoginPagePath(account.id, what),
    data: {
      thing1: truncateThing(enterprise.name),
      character_string2: truncateCharacterString(enterprise.taxId),
      phrase3: truncatePhrase(`${'channel' in what ? '登录' : '认证'}到期`),
      time4: formatTime(end),
      thing5: truncateThing(`${title}将于 ${formatTime(end).slice(-5)} 到期，点击续期`),
    },
  });
  if (sent !== 'sent') await releaseEnd(deps.db, account.id, subject, 'remindedFor');
  else log.info({ accountId: account.id, subject }, 'session watch: holder reminded');
}

/** `HH:MM-HH:MM` (Beijing time) → whether a moment is inside; a start after the end spans midnight. */
export function workingHours(spec: string): (at: Date) => boolean {
  const [from, to] = spec.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return (at) => {
    const minute = Math.floor((at.getTime() + 8 * 3_600_000) / 60_000) % (24 * 60);
    return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  };
}
