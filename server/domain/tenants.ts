/**
 * Tenants and enterprises (F2, F3): created by operators, joined by users with the 激活码.
 * The activation code is random (16 characters of an unambiguous alphabet), stored hashed and
 * shown once. Wrong codes are limited per user: after ACTIVATION_MAX_FAILURES wrong codes within
 * the window, further attempts are refused with the wait time (checked under a row lock, so
 * concurrent attempts cannot slip past the limit).
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import {
  accountBindings,
  activationAttempts,
  enterpriseAdmins,
  enterprises,
  etaxAccounts,
  tenantMembers,
  tenants,
  users,
} from '../db/schema';
import { recordLeave, type LeaveEnded } from './audit';
import { randomCode, sha256 } from '../crypto/secrets';
import { AppError } from '../http/errors';
import { ErrorCodes, type TenantSummary } from '../../types/api';

export const ACTIVATION_CODE_LENGTH = 16;

export async function createTenant(db: Db, name: string) {
  const activationCode = randomCode(ACTIVATION_CODE_LENGTH);
  const [row] = await db
    .insert(tenants)
    .values({ name, activationCodeHash: sha256(activationCode) })
    .returning({ id: tenants.id, name: tenants.name });
  return { ...row, activationCode };
}

export async function createEnterprise(
  db: Db,
  tenantId: string,
  input: { name: string; taxId: string; region: string },
) {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new AppError(404, ErrorCodes.notFound, '租户不存在');
  const [row] = await db
    .insert(enterprises)
    .values({ tenantId, ...input })
    .onConflictDoNothing()
    .returning({ id: enterprises.id, name: enterprises.name, taxId: enterprises.taxId, region: enterprises.region });
  if (!row) throw new AppError(409, 'enterprise_exists', `税号 ${input.taxId} 的企业已在该租户下`);
  return row;
}

export interface ActivationLimit {
  maxFailures: number;
  windowMs: number;
}

/** Joins the tenant whose 激活码 this is. Throws 400 on a wrong code, 429 past the limit. */
export async function joinTenant(
  db: Db,
  userId: string,
  code: string,
  limit: ActivationLimit,
): Promise<{ tenantId: string }> {
  const outcome = await db.transaction(async (tx) => {
    // Serialize this user's attempts: the count below must see every earlier attempt.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const since = new Date(Date.now() - limit.windowMs);
    const failures = await tx
      .select({ at: activationAttempts.attemptedAt })
      .from(activationAttempts)
      .where(
        and(
          eq(activationAttempts.userId, userId),
          eq(activationAttempts.succeeded, false),
          gt(activationAttempts.attemptedAt, since),
        ),
      )
      .orderBy(asc(activationAttempts.attemptedAt));
    if (failures.length >= limit.maxFailures) {
      const freeAt = failures[failures.length - limit.maxFailures].at.getTime() + limit.windowMs;
      return { kind: 'limited' as const, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - Date.now()) / 1000)) };
    }
    const [tenant] = await tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(eq(tenants.activationCodeHash, sha256(code)));
    await tx.insert(activationAttempts).values({ userId, succeeded: Boolean(tenant) });
    if (!tenant) return { kind: 'wrong' as const, left: limit.maxFailures - failures.length - 1 };
    const inserted = await tx
      .insert(tenantMembers)
      .values({ tenantId: tenant.id, userId })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return { kind: 'already' as const };
    return { kind: 'joined' as const, tenantId: tenant.id };
  });
  switch (outcome.kind) {
    case 'limited': {
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      throw new AppError(
        429,
        ErrorCodes.tooManyAttempts,
        `激活码错误次数过多，请 ${minutes} 分钟后再试`,
        outcome.retryAfterSeconds,
      );
    }
    case 'wrong':
      throw new AppError(
        400,
        ErrorCodes.invalidActivationCode,
        outcome.left > 0
          ? `激活码不正确，请核对后重新输入（还可尝试 ${outcome.left} 次）`
          : '激活码不正确，请核对后重新输入',
      );
    case 'already':
      throw new AppError(409, ErrorCodes.alreadyJoined, '您已关联该租户，无需重复添加');
    case 'joined':
      return { tenantId: outcome.tenantId };
  }
}

/**
 * 解绑 of a tenant: the user stops being a member, and what membership gave ends with it, in one
 * transaction and audited — their bindings of the tenant's accounts (no account stays bound to a
 * non-member) and their 数电配置管理员 roles (joining again later brings none back).
 */
export async function leaveTenant(db: Db, userId: string, tenantId: string): Promise<LeaveEnded> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(tenantMembers)
      .where(and(eq(tenantMembers.userId, userId), eq(tenantMembers.tenantId, tenantId)))
      .returning();
    if (removed.length === 0) throw new AppError(404, ErrorCodes.notFound, '您未关联该租户');
    const unbound = await tx
      .delete(accountBindings)
      .where(and(eq(accountBindings.userId, userId), eq(accountBindings.tenantId, tenantId)))
      .returning({ accountId: accountBindings.accountId });
    const accounts =
      unbound.length === 0
        ? []
        : await tx
            .select({
              accountId: etaxAccounts.id,
              account: etaxAccounts.account,
              enterpriseId: enterprises.id,
              enterpriseName: enterprises.name,
              taxId: enterprises.taxId,
            })
            .from(etaxAccounts)
            .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
            .where(
              inArray(
                etaxAccounts.id,
                unbound.map((u) => u.accountId),
              ),
            );
    const roles = await tx
      .delete(enterpriseAdmins)
      .where(and(eq(enterpriseAdmins.userId, userId), eq(enterpriseAdmins.tenantId, tenantId)))
      .returning({ enterpriseId: enterpriseAdmins.enterpriseId, name: enterpriseAdmins.name });
    const named = new Map(
      (
        await tx
          .select({ id: enterprises.id, name: enterprises.name, taxId: enterprises.taxId })
          .from(enterprises)
          .where(eq(enterprises.tenantId, tenantId))
      ).map((e) => [e.id, e]),
    );
    const ended: LeaveEnded = {
      unbound: accounts,
      admin: roles.map((r) => ({
        enterpriseId: r.enterpriseId,
        enterpriseName: named.get(r.enterpriseId)?.name ?? '',
        taxId: named.get(r.enterpriseId)?.taxId ?? '',
        name: r.name,
      })),
    };
    await recordLeave(tx, tenantId, userId, ended);
    return ended;
  });
}

export async function isMember(db: Db, userId: string, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ t: tenantMembers.tenantId })
    .from(tenantMembers)
    .where(and(eq(tenantMembers.userId, userId), eq(tenantMembers.tenantId, tenantId)));
  return Boolean(row);
}

/** Per-enterprise figures owned by later features (accounts, admins); empty until they exist. */
export type EnterpriseFigures = (
  db: Db,
  userId: string,
  enterpriseIds: string[],
) => Promise<
  Map<string, Pick<TenantSummary['enterprises'][number], 'accountCount' | 'myBoundCount' | 'myNeedingCount' | 'admin'>>
>;

export const noFigures: EnterpriseFigures = async () => new Map();

/** The user's tenants, oldest joined first, each with its enterprises. */
export async function listMyTenants(
  db: Db,
  userId: string,
  figures: EnterpriseFigures = noFigures,
): Promise<TenantSummary[]> {
  // 个人中心 runs these on every open: prepared once.
  const mine = await prepared(db, 'my_tenants', (name) =>
    db
      .select({ id: tenants.id, name: tenants.name })
      .from(tenantMembers)
      .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
      .where(eq(tenantMembers.userId, sql.placeholder('userId')))
      .orderBy(asc(tenantMembers.joinedAt), asc(tenants.name))
      .prepare(name),
  ).execute({ userId });
  if (mine.length === 0) return [];
  const ents = await prepared(db, 'my_enterprises', (name) =>
    db
      .select()
      .from(enterprises)
      .where(sql`${enterprises.tenantId} = any(${sql.placeholder('tenantIds')}::uuid[])`)
      .orderBy(asc(enterprises.createdAt), asc(enterprises.name))
      .prepare(name),
  ).execute({ tenantIds: mine.map((t) => t.id) });
  const extra = await figures(
    db,
    userId,
    ents.map((e) => e.id),
  );
  return mine.map((t) => ({
    id: t.id,
    name: t.name,
    enterprises: ents
      .filter((e) => e.tenantId === t.id)
      .map((e) => ({
        id: e.id,
        name: e.name,
        taxId: e.taxId,
        region: e.region,
        accountCount: 0,
        myBoundCount: 0,
        myNeedingCount: 0,
        admin: { state: 'none' as const, names: [] },
        ...extra.get(e.id),
      })),
  }));
}

export async function getTenantSummary(db: Db, userId: string, tenantId: string, figures?: EnterpriseFigures) {
  const all = await listMyTenants(db, userId, figures);
  const found = all.find((t) => t.id === tenantId);
  if (!found) throw new AppError(404, ErrorCodes.notFound, '租户不存在');
  return found;
}

export async function countTenants(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tenants);
  return Number(row.n);
}
