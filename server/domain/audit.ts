/**
 * The audit log of 数电配置管理员 acts (F10): an admin may delete accounts bound to other WeChat
 * users, and every such act is recorded — who (user id, the admin's name, the acting openid), what
 * (the account masked, the enterprise), when — in the same transaction as the act, so no act goes
 * unrecorded. Leaving a tenant is recorded too: the leaver's bindings and admin roles in it end.
 * Only the enterprise's admins read it. No secret is written.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { accountBindings, auditLog, enterpriseAdmins, etaxAccounts, users } from '../db/schema';
import { AppError, errors } from '../http/errors';
import { maskName } from './accounts';
import { enterpriseAccess, type AccountAccess } from './permissions';
import { maskAccount } from '../../types/validators';
import { AUDIT_ACTION_LABELS, AdminErrorCodes, type AuditEntry, type AuditLogResponse } from '../../types/admin';
import { BIOMETRIC_LABELS, type BiometricMode } from '../../types/soter';

/** How many entries the log page shows (newest first). */
export const AUDIT_PAGE_SIZE = 100;

/** Records that the admin deleted an account bound to someone else (call inside the delete's transaction). */
export async function recordAdminDeletion(
  tx: Tx,
  actorUserId: string,
  access: AccountAccess,
  biometric: BiometricMode,
): Promise<void> {
  const { account, enterprise } = access;
  const [actor] = await tx
    .select({ openid: users.openid, name: enterpriseAdmins.name })
    .from(users)
    .innerJoin(
      enterpriseAdmins,
      and(eq(enterpriseAdmins.userId, users.id), eq(enterpriseAdmins.enterpriseId, enterprise.id)),
    )
    .where(eq(users.id, actorUserId));
  // usesAdminRight said the user is an admin; one who stepped down meanwhile may not act as one.
  if (!actor) throw errors.forbidden('您已不是该企业的数电配置管理员');
  await tx.insert(auditLog).values({
    tenantId: account.tenantId,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    taxId: enterprise.taxId,
    action: 'delete_account',
    actorUserId,
    actorName: actor.name,
    actorOpenid: actor.openid,
    accountId: account.id,
    maskedAccount: maskAccount(account.account),
    affectedUserId: access.boundUserId,
    biometric,
  });
}

/**
 * Records that a SOTER-guarded act (soter.ts) was started, and whether 指纹 / 面容 confirmed it or
 * the device had none. Written once the guard passed, before the act's bureau steps.
 */
export async function recordGuardedStart(
  db: Db | Tx,
  entry: {
    action: 'change_wechat_start' | 'admin_apply_start' | 'password_reset_start';
    actorUserId: string;
    enterprise: { id: string; tenantId: string; name: string; taxId: string };
    account: { id: string; account: string } | null;
    affectedUserId: string | null;
    biometric: BiometricMode;
  },
): Promise<void> {
  const [actor] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, entry.actorUserId));
  await db.insert(auditLog).values({
    tenantId: entry.enterprise.tenantId,
    enterpriseId: entry.enterprise.id,
    enterpriseName: entry.enterprise.name,
    taxId: entry.enterprise.taxId,
    action: entry.action,
    actorUserId: entry.actorUserId,
    actorName: GUARDED_ACTOR,
    actorOpenid: actor?.openid ?? '',
    accountId: entry.account?.id ?? null,
    maskedAccount: entry.account ? maskAccount(entry.account.account) : '',
    affectedUserId: entry.affectedUserId,
    biometric: entry.biometric,
  });
}

/** Who started a guarded act, as entries name them: the member is not (yet) an admin with a name. */
const GUARDED_ACTOR = '租户成员';

/** What ended when a user left a tenant, per enterprise: bound accounts and admin roles. */
export interface LeaveEnded {
  unbound: { accountId: string; account: string; enterpriseId: string; enterpriseName: string; taxId: string }[];
  admin: { enterpriseId: string; enterpriseName: string; taxId: string; name: string }[];
}

/** Who left, as entries name them: the admin name they had in the enterprise, else this. */
const MEMBER_NAME = '退出租户的成员';

/** Records what ended when the user left the tenant (call inside the leave's transaction). */
export async function recordLeave(tx: Tx, tenantId: string, userId: string, ended: LeaveEnded): Promise<void> {
  const [user] = await tx.select({ openid: users.openid }).from(users).where(eq(users.id, userId));
  const adminName = new Map(ended.admin.map((a) => [a.enterpriseId, a.name]));
  const entries = [
    ...ended.unbound.map((a) => ({
      enterpriseId: a.enterpriseId,
      enterpriseName: a.enterpriseName,
      taxId: a.taxId,
      action: 'unbind_on_leave' as const,
      actorName: adminName.get(a.enterpriseId) ?? MEMBER_NAME,
      accountId: a.accountId,
      maskedAccount: maskAccount(a.account),
    })),
    ...ended.admin.map((a) => ({
      enterpriseId: a.enterpriseId,
      enterpriseName: a.enterpriseName,
      taxId: a.taxId,
      action: 'admin_end_on_leave' as const,
      actorName: a.name,
      accountId: null,
      maskedAccount: '',
    })),
  ];
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      ...e,
      tenantId,
      actorUserId: userId,
      actorOpenid: user?.openid ?? '',
      affectedUserId: userId,
    })),
  );
}

/** oAbc****wxyz: enough to tell two WeChat users apart, not enough to address one. */
function maskOpenid(openid: string): string {
  return openid.length <= 8 ? '*'.repeat(openid.length) : `${openid.slice(0, 4)}****${openid.slice(-4)}`;
}

/** GET /enterprises/:id/audit-log — admins of the enterprise only. */
export async function listAuditLog(db: Db, userId: string, enterpriseId: string): Promise<AuditLogResponse> {
  const { isAdmin } = await enterpriseAccess(db, userId, enterpriseId);
  if (!isAdmin) throw new AppError(403, AdminErrorCodes.adminsOnly, '仅数电配置管理员可以查看操作记录');
  const rows = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.enterpriseId, enterpriseId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
  const known = await personNames(
    db,
    enterpriseId,
    rows.filter((r) => r.actorName === GUARDED_ACTOR && r.actorUserId).map((r) => r.actorUserId as string),
  );
  return {
    entries: rows.map((r): AuditEntry => {
      const name = (r.actorUserId && r.actorName === GUARDED_ACTOR && known.get(r.actorUserId)) || r.actorName;
      return {
        id: r.id,
        at: r.createdAt.toISOString(),
        action: r.action,
        actionLabel: AUDIT_ACTION_LABELS[r.action],
        actor: { name: r.actorUserId === userId ? name : maskName(name), me: r.actorUserId === userId },
        maskedOpenid: maskOpenid(r.actorOpenid),
        maskedAccount: r.maskedAccount,
        enterpriseName: r.enterpriseName,
        taxId: r.taxId,
        ...(r.biometric ? { biometric: r.biometric, biometricLabel: BIOMETRIC_LABELS[r.biometric] } : {}),
      };
    }),
  };
}

/**
 * The 姓名 the bureau gave for members who acted before they had an admin name (issue 12 #9): their
 * admin name in the enterprise, else the holder of an account bound to them there.
 */
async function personNames(db: Db, enterpriseId: string, userIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (userIds.length === 0) return names;
  const held = await db
    .select({ userId: accountBindings.userId, name: etaxAccounts.personName })
    .from(accountBindings)
    .innerJoin(etaxAccounts, eq(etaxAccounts.id, accountBindings.accountId))
    .where(and(eq(etaxAccounts.enterpriseId, enterpriseId), inArray(accountBindings.userId, userIds)));
  for (const h of held) names.set(h.userId, h.name);
  const admins = await db
    .select({ userId: enterpriseAdmins.userId, name: enterpriseAdmins.name })
    .from(enterpriseAdmins)
    .where(and(eq(enterpriseAdmins.enterpriseId, enterpriseId), inArray(enterpriseAdmins.userId, userIds)));
  for (const a of admins) names.set(a.userId, a.name);
  return names;
}
