/**
 * F19: the user's last successful bureau logins, offered when they tap the 税号 on a login page.
 * One row per account (a repeated login moves it to the top), at most RECENT_LOGINS_KEPT per user,
 * and only of tenants the user still belongs to.
 */
import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { enterprises, etaxAccounts, recentLogins, tenantMembers } from '../db/schema';
import { maskAccount } from '../../types/validators';
import type { RecentLogin } from '../../types/accounts';

export const RECENT_LOGINS_KEPT = 10;

/** Records a successful login (inside the transaction that records its session). */
export async function recordRecentLogin(
  tx: Tx,
  userId: string,
  account: { id: string; tenantId: string },
): Promise<void> {
  const loggedInAt = new Date();
  await tx
    .insert(recentLogins)
    .values({ userId, accountId: account.id, tenantId: account.tenantId, loggedInAt })
    .onConflictDoUpdate({ target: [recentLogins.userId, recentLogins.accountId], set: { loggedInAt } });
  const newest = tx
    .select({ id: recentLogins.accountId })
    .from(recentLogins)
    .where(eq(recentLogins.userId, userId))
    .orderBy(desc(recentLogins.loggedInAt))
    .limit(RECENT_LOGINS_KEPT);
  await tx.delete(recentLogins).where(and(eq(recentLogins.userId, userId), notInArray(recentLogins.accountId, newest)));
}

export async function listRecentLogins(db: Db, userId: string): Promise<RecentLogin[]> {
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      accountId: etaxAccounts.id,
      taxId: enterprises.taxId,
      enterpriseName: enterprises.name,
      region: enterprises.region,
      account: etaxAccounts.account,
      loggedInAt: recentLogins.loggedInAt,
    })
    .from(recentLogins)
    .innerJoin(etaxAccounts, eq(etaxAccounts.id, recentLogins.accountId))
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .innerJoin(tenantMembers, and(eq(tenantMembers.tenantId, recentLogins.tenantId), eq(tenantMembers.userId, userId)))
    .where(eq(recentLogins.userId, userId))
    .orderBy(desc(recentLogins.loggedInAt))
    .limit(RECENT_LOGINS_KEPT);
  return rows.map((r) => ({
    enterpriseId: r.enterpriseId,
    accountId: r.accountId,
    taxId: r.taxId,
    enterpriseName: r.enterpriseName,
    region: r.region,
    maskedAccount: maskAccount(r.account),
    loggedInAt: r.loggedInAt.toISOString(),
  }));
}
