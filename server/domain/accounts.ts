/**
 * E-tax accounts of an enterprise (F4, F11, F14, F2 figures): the list as each user sees it, the
 * detail for 编辑, delete, 解绑 of all my accounts of an enterprise, unlock. Accounts are created
 * only by the 新增账号 flow (flows.ts) once the bureau login succeeded (insertAccount).
 * The account name is never answered in clear, the password and session ids never at all.
 */
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../db';
import { accountBindings, enterpriseAdmins, etaxAccounts, etaxSessions } from '../db/schema';
import { needsHolder, watchRecords, watchState } from './session-records';
import { AppError } from '../http/errors';
import type { AppContext } from '../context';
import type { Config } from '../config';
import { templateIds } from '../notify/templates';
import {
  accountAccess,
  authorize,
  capabilities,
  enterpriseAccess,
  usesAdminRight,
  type AccountRow,
  type Standing,
} from './permissions';
import { recordAdminDeletion } from './audit';
import { creditsOf } from './subscriptions';
import { notifyAccountChange } from './bindings';
import type { EnterpriseFigures } from './tenants';
import { maskAccount } from '../../types/validators';
import { CHANNELS, type Channel } from '../../types/domain';
import {
  AccountErrorCodes,
  type AccountDetail,
  type AccountListResponse,
  type AccountView,
} from '../../types/accounts';

type Deps = Pick<AppContext, 'db' | 'config'>;

/** The account name as stored and compared: trimmed, ID numbers upper-cased (…X). */
export function normalizeAccount(account: string): string {
  const a = account.trim();
  return /^\d{17}[\dxX]$/.test(a) ? a.toUpperCase() : a;
}

export async function accountExists(db: Db, enterpriseId: string, account: string): Promise<boolean> {
  const [row] = await db
    .select({ id: etaxAccounts.id })
    .from(etaxAccounts)
    .where(and(eq(etaxAccounts.enterpriseId, enterpriseId), eq(etaxAccounts.account, account)));
  return Boolean(row);
}

/** Saves a new account (in the flow's transaction); null when the enterprise already has it. */
export async function insertAccount(tx: Tx, values: typeof etaxAccounts.$inferInsert): Promise<string | null> {
  const [row] = await tx.insert(etaxAccounts).values(values).onConflictDoNothing().returning({ id: etaxAccounts.id });
  return row?.id ?? null;
}

/** The views of these accounts for this user. */
async function views(
  deps: Deps,
  userId: string,
  isAdmin: boolean,
  rows: { account: AccountRow; boundUserId: string | null }[],
): Promise<AccountView[]> {
  if (rows.length === 0) return [];
  const sessions = await deps.db
    .select({ accountId: etaxSessions.accountId, channel: etaxSessions.channel, expiresAt: etaxSessions.expiresAt })
    .from(etaxSessions)
    .where(
      and(
        inArray(
          etaxSessions.accountId,
          rows.map((r) => r.account.id),
        ),
        gt(etaxSessions.expiresAt, new Date()),
      ),
    );
  const mine = rows.some((r) => r.boundUserId === userId);
  const notificationsLeft = mine
    ? (await creditsOf(deps.db, deps.config, userId))[templateIds(deps.config).loginNotice]
    : undefined;
  const records = await watchRecords(
    deps.db,
    rows.map((r) => r.account.id),
  );
  const now = Date.now();
  const soon = now + deps.config.SESSION_REMINDER_LEAD_MINUTES * 60_000;
  return rows.map(({ account: a, boundUserId }) => {
    const standing: Standing = { userId, boundUserId, isAdmin };
    const view: AccountView = {
      id: a.id,
      maskedAccount: maskAccount(a.account),
      role: a.role,
      permissions: a.permissions,
      loginType: a.loginType,
      bound: boundUserId === null ? 'none' : boundUserId === userId ? 'me' : 'other',
      defaults: [
        ...(a.defaultIssue ? (['issue'] as Channel[]) : []),
        ...(a.defaultReceive ? (['receive'] as Channel[]) : []),
      ],
      sessions: Object.fromEntries(
        sessions.filter((s) => s.accountId === a.id).map((s) => [s.channel, s.expiresAt.toISOString()]),
      ),
      can: capabilities(standing, a.lockedAt !== null),
    };
    if (a.authValidUntil && a.authValidUntil.getTime() > now) view.authValidUntil = a.authValidUntil.toISOString();
    if (a.lockedAt)
      view.locked = { reason: a.lockReason ?? '', byPassword: a.lockedByPassword, at: a.lockedAt.toISOString() };
    if (boundUserId === userId) view.notificationsLeft = notificationsLeft;
    const { dropped, expiringSoon } = watchState(a, sessions, records, now, soon);
    const shown = CHANNELS.flatMap((c) => {
      const d = dropped[c];
      return d ? [[c, { at: d.at.toISOString(), cause: d.cause }]] : [];
    });
    if (shown.length) view.dropped = Object.fromEntries(shown);
    view.expiringSoon = expiringSoon;
    return view;
  });
}

/** 电子税局账号管理 (F4): the enterprise's accounts, oldest first. */
export async function listAccounts(deps: Deps, userId: string, enterpriseId: string): Promise<AccountListResponse> {
  const { enterprise: e, tenantName, isAdmin } = await enterpriseAccess(deps.db, userId, enterpriseId);
  const rows = await deps.db
    .select({ account: etaxAccounts, boundUserId: accountBindings.userId })
    .from(etaxAccounts)
    .leftJoin(accountBindings, eq(accountBindings.accountId, etaxAccounts.id))
    .where(eq(etaxAccounts.enterpriseId, enterpriseId))
    .orderBy(asc(etaxAccounts.createdAt), asc(etaxAccounts.id));
  return {
    enterprise: { id: e.id, name: e.name, taxId: e.taxId, region: e.region, tenantName },
    accounts: await views(deps, userId, isAdmin, rows),
    isAdmin,
  };
}

/** One account for 编辑 (F6, F8). */
export async function accountDetail(deps: Deps, userId: string, accountId: string): Promise<AccountDetail> {
  const access = await accountAccess(deps.db, userId, accountId);
  const [view] = await views(deps, userId, access.isAdmin, [access]);
  const [{ n }] = await deps.db
    .select({ n: count() })
    .from(etaxAccounts)
    .where(eq(etaxAccounts.enterpriseId, access.enterprise.id));
  const e = access.enterprise;
  return {
    ...view,
    enterprise: { id: e.id, name: e.name, taxId: e.taxId, region: e.region },
    enterpriseAccountCount: Number(n),
  };
}

/** 删除 (F11). An admin deleting an account bound to someone else is audited and tells that user (F10). */
export async function deleteAccount(
  deps: Pick<AppContext, 'db' | 'config' | 'wechat'>,
  log: Pick<FastifyBaseLogger, 'warn'>,
  userId: string,
  accountId: string,
): Promise<void> {
  const access = await authorize(deps.db, userId, accountId, 'delete');
  const removed = await deps.db.transaction(async (tx) => {
    const rows = await tx.delete(etaxAccounts).where(eq(etaxAccounts.id, accountId)).returning({ id: etaxAccounts.id });
    // An admin deleting an account bound to someone else: audited with the act itself (F10).
    if (rows.length > 0 && usesAdminRight('delete', access)) await recordAdminDeletion(tx, userId, access);
    return rows;
  });
  if (removed.length === 0) return;
  if (access.boundUserId && access.boundUserId !== userId) {
    await notifyAccountChange(deps, log, access.boundUserId, {
      enterpriseName: access.enterprise.name,
      account: access.account.account,
      change: '已被数电配置管理员删除',
      enterpriseId: access.enterprise.id,
    });
  }
}

/** Enterprise 解绑 on the home page (F2): unbinds every account of the enterprise bound to me. */
export async function unbindAllMine(db: Db, userId: string, enterpriseId: string): Promise<void> {
  await enterpriseAccess(db, userId, enterpriseId);
  const ofEnterprise = db
    .select({ id: etaxAccounts.id })
    .from(etaxAccounts)
    .where(eq(etaxAccounts.enterpriseId, enterpriseId));
  await db
    .delete(accountBindings)
    .where(and(eq(accountBindings.userId, userId), inArray(accountBindings.accountId, ofEnterprise)));
}

/** 解锁 (F14). */
export async function unlockAccount(db: Db, userId: string, accountId: string): Promise<void> {
  const { account } = await authorize(db, userId, accountId, 'unlock');
  if (!account.lockedAt) throw new AppError(409, AccountErrorCodes.notLocked, '该账号未被锁定，无需解锁');
  await db
    .update(etaxAccounts)
    .set({ lockedAt: null, lockReason: null, lockedByPassword: false })
    .where(eq(etaxAccounts.id, accountId));
}

/** Locks an account after a failed automatic login (F14), unless it is locked already. */
export async function lockAccount(db: Db, accountId: string, reason: string, byPassword: boolean): Promise<void> {
  await db
    .update(etaxAccounts)
    .set({ lockedAt: new Date(), lockReason: reason, lockedByPassword: byPassword })
    .where(and(eq(etaxAccounts.id, accountId), sql`${etaxAccounts.lockedAt} is null`));
}

/** 张* / 王*明: admins' names as the home page shows them. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/**
 * The home page figures of each enterprise (F2): accounts, mine among them, those of mine that need
 * me (已掉线, 即将到期 within the reminder lead time), the admin state.
 */
export const accountFigures =
  (config: Pick<Config, 'SESSION_REMINDER_LEAD_MINUTES'>): EnterpriseFigures =>
  async (db, userId, enterpriseIds) => {
    const figures: Awaited<ReturnType<EnterpriseFigures>> = new Map();
    if (enterpriseIds.length === 0) return figures;
    const counts = await db
      .select({
        enterpriseId: etaxAccounts.enterpriseId,
        accounts: sql<number>`count(*)::int`,
        mine: sql<number>`(count(*) filter (where ${accountBindings.userId} = ${userId}))::int`,
      })
      .from(etaxAccounts)
      .leftJoin(accountBindings, eq(accountBindings.accountId, etaxAccounts.id))
      .where(inArray(etaxAccounts.enterpriseId, enterpriseIds))
      .groupBy(etaxAccounts.enterpriseId);
    const admins = await db
      .select({
        enterpriseId: enterpriseAdmins.enterpriseId,
        userId: enterpriseAdmins.userId,
        name: enterpriseAdmins.name,
      })
      .from(enterpriseAdmins)
      .where(inArray(enterpriseAdmins.enterpriseId, enterpriseIds))
      .orderBy(asc(enterpriseAdmins.createdAt));
    const needing = await needingMe(db, config, userId, enterpriseIds);
    for (const id of enterpriseIds) {
      const c = counts.find((r) => r.enterpriseId === id);
      const theirs = admins.filter((a) => a.enterpriseId === id);
      const state = theirs.some((a) => a.userId === userId) ? 'me' : theirs.length > 0 ? 'other' : 'none';
      figures.set(id, {
        accountCount: Number(c?.accounts ?? 0),
        myBoundCount: Number(c?.mine ?? 0),
        myNeedingCount: needing.get(id) ?? 0,
        admin: { state, names: theirs.map((a) => maskName(a.name)) },
      });
    }
    return figures;
  };

/** Per enterprise: how many of the accounts bound to me are 已掉线 or 即将到期. */
async function needingMe(
  db: Db,
  config: Pick<Config, 'SESSION_REMINDER_LEAD_MINUTES'>,
  userId: string,
  enterpriseIds: string[],
): Promise<Map<string, number>> {
  const mine = await db
    .select({
      id: etaxAccounts.id,
      enterpriseId: etaxAccounts.enterpriseId,
      permissions: etaxAccounts.permissions,
      authValidUntil: etaxAccounts.authValidUntil,
    })
    .from(etaxAccounts)
    .innerJoin(accountBindings, and(eq(accountBindings.accountId, etaxAccounts.id), eq(accountBindings.userId, userId)))
    .where(inArray(etaxAccounts.enterpriseId, enterpriseIds));
  const counts = new Map<string, number>();
  if (mine.length === 0) return counts;
  const ids = mine.map((a) => a.id);
  const sessions = await db
    .select({ accountId: etaxSessions.accountId, channel: etaxSessions.channel, expiresAt: etaxSessions.expiresAt })
    .from(etaxSessions)
    .where(inArray(etaxSessions.accountId, ids));
  const records = await watchRecords(db, ids);
  const now = Date.now();
  const soon = now + config.SESSION_REMINDER_LEAD_MINUTES * 60_000;
  for (const a of mine) {
    if (needsHolder(watchState(a, sessions, records, now, soon))) {
      counts.set(a.enterpriseId, (counts.get(a.enterpriseId) ?? 0) + 1);
    }
  }
  return counts;
}
