/**
 * What we know of an account's bureau sessions beyond "已登录 until": when the bureau was last
 * asked and the last drop seen (session_watch). Written by the session watch and by a caller's ask
 * (login-requests.ts liveSession), which both ask the bureau; read by the account views and the
 * operator view.
 */
import { and, asc, eq, inArray, sql, type Column } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { etaxAccounts, etaxSessions, sessionWatch, type WatchSubject } from '../db/schema';
import type { EnterpriseRow } from './permissions';
import { maskAccount } from '../../types/validators';
import type { Channel } from '../../types/domain';
import type { DropCause, EnterpriseSessionsView } from '../../types/watch';

export type SessionWatchRow = typeof sessionWatch.$inferSelect;

const key = (accountId: string, subject: WatchSubject) =>
  and(eq(sessionWatch.accountId, accountId), eq(sessionWatch.subject, subject));

/** The bureau answered about this session now. */
export async function markChecked(
  db: Db,
  account: { id: string; tenantId: string },
  channel: Channel,
  at = new Date(),
): Promise<void> {
  // Every ask that finds a session held runs this: prepared once.
  const statement = prepared(db, 'mark_checked', (name) =>
    db
      .insert(sessionWatch)
      .values({
        accountId: sql.placeholder('accountId'),
        subject: sql.placeholder('subject'),
        tenantId: sql.placeholder('tenantId'),
        checkedAt: sql.placeholder('at'),
      })
      .onConflictDoUpdate({
        target: [sessionWatch.accountId, sessionWatch.subject],
        set: { checkedAt: sql`excluded.checked_at` },
      })
      .prepare(name),
  );
  await statement.execute({ accountId: account.id, subject: channel, tenantId: account.tenantId, at });
}

export interface Drop {
  at: Date;
  cause: DropCause;
  reason: string;
}

/**
 * The session we hold (sessionIdEnc) ended early: forget it (no more 已登录) and record the drop
 * (已掉线). True for the one caller that forgot it — so a drop seen twice at once is told once.
 */
export async function recordDrop(
  db: Db,
  account: { id: string; tenantId: string },
  channel: Channel,
  sessionIdEnc: string,
  drop: Drop,
): Promise<boolean> {
  const forgotten = await db
    .delete(etaxSessions)
    .where(
      and(
        eq(etaxSessions.accountId, account.id),
        eq(etaxSessions.channel, channel),
        eq(etaxSessions.sessionIdEnc, sessionIdEnc),
      ),
    )
    .returning({ accountId: etaxSessions.accountId });
  if (forgotten.length === 0) return false;
  const values = { droppedAt: drop.at, dropCause: drop.cause, dropReason: drop.reason };
  await db
    .insert(sessionWatch)
    .values({ accountId: account.id, subject: channel, tenantId: account.tenantId, ...values })
    .onConflictDoUpdate({ target: [sessionWatch.accountId, sessionWatch.subject], set: values });
  return true;
}

/** The watch records of these accounts. */
export async function watchRecords(db: Db, accountIds: string[]): Promise<SessionWatchRow[]> {
  if (accountIds.length === 0) return [];
  return db.select().from(sessionWatch).where(inArray(sessionWatch.accountId, accountIds));
}

/**
 * A drop still standing: no session since (a drop forgets the session it ended, so any session we
 * hold is a later login; the bureau's clock that dated the drop need not agree with ours).
 */
export function standingDrop(
  record: Pick<SessionWatchRow, 'droppedAt' | 'dropCause' | 'dropReason'> | undefined,
  liveSession: unknown,
): Drop | null {
  if (!record?.droppedAt || !record.dropCause || liveSession) return null;
  return { at: record.droppedAt, cause: record.dropCause, reason: record.dropReason ?? '' };
}

/** Rows grouped by their account in one pass, so that shaping N accounts is not N scans of every row. */
export function byAccount<T extends { accountId: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.accountId);
    if (list) list.push(row);
    else grouped.set(row.accountId, [row]);
  }
  return grouped;
}

/**
 * What the watch says of one account for its holder: 已掉线 per channel, 即将到期 (channels, auth).
 * `sessions` and `records` are this account's own (byAccount).
 */
export function watchState(
  account: { permissions: Channel[]; authValidUntil: Date | null },
  sessions: { channel: Channel; expiresAt: Date }[],
  records: Pick<SessionWatchRow, 'subject' | 'droppedAt' | 'dropCause' | 'dropReason'>[],
  now: number,
  soon: number,
): { dropped: Partial<Record<Channel, Drop>>; expiringSoon: (Channel | 'auth')[] } {
  const own = sessions.filter((s) => s.expiresAt.getTime() > now);
  const dropped: Partial<Record<Channel, Drop>> = {};
  for (const channel of account.permissions) {
    const record = records.find((r) => r.subject === channel);
    const drop = standingDrop(
      record,
      own.find((s) => s.channel === channel),
    );
    if (drop) dropped[channel] = drop;
  }
  const expiringSoon: (Channel | 'auth')[] = own.filter((s) => s.expiresAt.getTime() <= soon).map((s) => s.channel);
  const auth = account.authValidUntil?.getTime();
  if (auth && auth > now && auth <= soon) expiringSoon.push('auth');
  return { dropped, expiringSoon };
}

/** Whether the holder should act: a session 已掉线, or a 登录 / 认证 即将到期. */
export function needsHolder(state: ReturnType<typeof watchState>): boolean {
  return Object.keys(state.dropped).length > 0 || state.expiringSoon.length > 0;
}

/**
 * Claims an end (expiresAt / authValidUntil) of the subject for one announcement or reminder:
 * true for the one caller that moved the mark to it.
 */
export async function claimEnd(
  db: Db,
  account: { id: string; tenantId: string },
  subject: WatchSubject,
  mark: 'expiringNotedFor' | 'remindedFor',
  end: Date,
): Promise<boolean> {
  await db
    .insert(sessionWatch)
    .values({ accountId: account.id, subject, tenantId: account.tenantId })
    .onConflictDoNothing();
  const column = sessionWatch[mark];
  const claimed = await db
    .update(sessionWatch)
    .set({ [mark]: end })
    .where(and(key(account.id, subject), sqlDistinct(column, end)))
    .returning({ accountId: sessionWatch.accountId });
  return claimed.length > 0;
}

/** Gives an unused reminder claim back (the message could not be sent). */
export async function releaseEnd(
  db: Db,
  accountId: string,
  subject: WatchSubject,
  mark: 'expiringNotedFor' | 'remindedFor',
): Promise<void> {
  await db
    .update(sessionWatch)
    .set({ [mark]: null })
    .where(key(accountId, subject));
}

function sqlDistinct(column: Column, value: Date) {
  return sql`${column} is distinct from ${value.toISOString()}::timestamptz`;
}

/**
 * GET /ops/v1/enterprises/:taxId/sessions — each account's live state per channel, expiry, last
 * check and last drop, so the invoice system can plan instead of failing. What we know, not a
 * fresh bureau call (the watch keeps it fresh at its rate).
 */
export async function enterpriseSessions(db: Db, enterprise: EnterpriseRow): Promise<EnterpriseSessionsView> {
  const accounts = await db
    .select()
    .from(etaxAccounts)
    .where(eq(etaxAccounts.enterpriseId, enterprise.id))
    .orderBy(asc(etaxAccounts.createdAt), asc(etaxAccounts.id));
  const ids = accounts.map((a) => a.id);
  const sessions = ids.length
    ? await db
        .select({ accountId: etaxSessions.accountId, channel: etaxSessions.channel, expiresAt: etaxSessions.expiresAt })
        .from(etaxSessions)
        .where(inArray(etaxSessions.accountId, ids))
    : [];
  const records = await watchRecords(db, ids);
  const now = Date.now();
  return {
    taxId: enterprise.taxId,
    name: enterprise.name,
    region: enterprise.region,
    at: new Date(now).toISOString(),
    accounts: accounts.map((a) => ({
      account: maskAccount(a.account),
      loginType: a.loginType,
      defaults: [
        ...(a.defaultIssue ? (['issue'] as Channel[]) : []),
        ...(a.defaultReceive ? (['receive'] as Channel[]) : []),
      ],
      locked: a.lockedAt !== null,
      channels: a.permissions.map((channel) => {
        const session = sessions.find(
          (s) => s.accountId === a.id && s.channel === channel && s.expiresAt.getTime() > now,
        );
        const record = records.find((r) => r.accountId === a.id && r.subject === channel);
        const drop = standingDrop(record, session);
        return {
          channel,
          state: session ? ('live' as const) : drop ? ('dropped' as const) : ('none' as const),
          ...(session ? { expiresAt: session.expiresAt.toISOString() } : {}),
          ...(record?.checkedAt ? { lastCheckedAt: record.checkedAt.toISOString() } : {}),
          ...(record?.droppedAt && record.dropCause
            ? {
                lastDrop: {
                  at: record.droppedAt.toISOString(),
                  cause: record.dropCause,
                  reason: record.dropReason ?? '',
                },
              }
            : {}),
        };
      }),
      ...(a.authValidUntil && a.authValidUntil.getTime() > now
        ? { authValidUntil: a.authValidUntil.toISOString() }
        : {}),
    })),
  };
}
