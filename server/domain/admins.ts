/**
 * 数电配置管理员 (F10): who may become one, the list, stepping down.
 *  - Only a person the bureau knows as 法定代表人 or 财务负责人 of the enterprise becomes admin, proven
 *    by a bureau login in that 身份 (the 'admin' flow of flows.ts: 提交验证 → 验证码 → 登录). The
 *    relations are looked up first, so anyone else is refused before an SMS is sent, with a message
 *    naming the 身份 needed and the one the bureau gave; the logged-in session's 身份 is checked again.
 *  - An enterprise may have several admins; each may step down.
 *  - What an admin may do is decided in permissions.ts; the acts are audited in audit.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { enterpriseAdmins } from '../db/schema';
import { AppError } from '../http/errors';
import { maskName } from './accounts';
import { enterpriseAccess } from './permissions';
import { ADMIN_ROLES, type Channel, type Role } from '../../types/domain';
import { AdminErrorCodes, type AdminListResponse } from '../../types/admin';

/** Why these 身份 (what the bureau says the person holds in the enterprise) do not make an admin, or null. */
export function adminRoleRefusal(roles: readonly Role[]): string | null {
  if (roles.some((r) => ADMIN_ROLES.includes(r))) return null;
  const held = roles.length > 0 ? roles.join('、') : '无';
  return `只有企业的法定代表人或财务负责人可以成为数电配置管理员，电子税局登记的您在该企业的身份为：${held}`;
}

/** The relation to log in with: the first 法定代表人 / 财务负责人 one; 403 naming the 身份 otherwise. */
export function adminRelation(relations: { role: Role; permissions: Channel[] }[]): {
  role: Role;
  permissions: Channel[];
} {
  const found = relations.find((r) => ADMIN_ROLES.includes(r.role));
  if (found) return found;
  throw new AppError(403, AdminErrorCodes.roleRequired, adminRoleRefusal(relations.map((r) => r.role)) ?? '');
}

/** 申请绑定 may start: refused when the user already is an admin of the enterprise. */
export async function assertMayApply(db: Db, userId: string, enterpriseId: string) {
  const access = await enterpriseAccess(db, userId, enterpriseId);
  if (access.isAdmin) throw new AppError(409, AdminErrorCodes.alreadyAdmin, '您已是该企业的数电配置管理员');
  return access;
}

/** The bureau login in an admin 身份 succeeded: the user becomes an admin (in the flow's transaction). */
export async function becomeAdmin(
  tx: Tx,
  admin: { enterpriseId: string; tenantId: string; userId: string; name: string },
): Promise<void> {
  await tx.insert(enterpriseAdmins).values(admin).onConflictDoNothing();
}

/** GET /enterprises/:id/admins — any member of the tenant; names masked except my own. */
export async function listAdmins(db: Db, userId: string, enterpriseId: string): Promise<AdminListResponse> {
  await enterpriseAccess(db, userId, enterpriseId);
  const rows = await db
    .select()
    .from(enterpriseAdmins)
    .where(eq(enterpriseAdmins.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseAdmins.createdAt), asc(enterpriseAdmins.userId));
  const admins = rows.map((r) => ({
    name: r.userId === userId ? r.name : maskName(r.name),
    me: r.userId === userId,
    since: r.createdAt.toISOString(),
  }));
  return { enterpriseId, admins, isAdmin: admins.some((a) => a.me) };
}

/** DELETE /enterprises/:id/admins/me — the admin steps down. */
export async function stepDown(db: Db, userId: string, enterpriseId: string): Promise<void> {
  await enterpriseAccess(db, userId, enterpriseId);
  const removed = await db
    .delete(enterpriseAdmins)
    .where(and(eq(enterpriseAdmins.enterpriseId, enterpriseId), eq(enterpriseAdmins.userId, userId)))
    .returning({ userId: enterpriseAdmins.userId });
  if (removed.length === 0) throw new AppError(409, AdminErrorCodes.notAdmin, '您不是该企业的数电配置管理员');
}
