/**
 * F7, who may do what with e-tax accounts — the one place that decides it:
 *  - any member of the tenant sees its enterprises' accounts (masked) and operates unbound ones;
 *  - a bound account is operated (edit, unbind, delete, login, password, unlock) only by its bound
 *    WeChat user; the enterprise's 数电配置管理员 may also delete it;
 *  - anyone else may ask to move a bound account to themselves (更换微信), proving it at the bureau;
 *  - non-members see nothing: the enterprise or account answers 404, as if it did not exist;
 *  - a flow (bureau login, 更换微信, 申请绑定, 新增账号, password change) is allowed again at every step,
 *    not only when it starts: who leaves the tenant or loses the binding mid-way cannot finish it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { accountBindings, enterpriseAdmins, enterprises, etaxAccounts, tenantMembers, tenants } from '../db/schema';
import { AppError, errors } from '../http/errors';
import { AccountErrorCodes, type AccountView } from '../../types/accounts';

export type AccountAction = 'view' | 'edit' | 'login' | 'delete' | 'changeWechat' | 'unlock' | 'password';

/** What the rules look at: the user's relation to one account. */
export interface Standing {
  userId: string;
  /** The WeChat user the account is bound to, or null. */
  boundUserId: string | null;
  /** The user is a 数电配置管理员 of the account's enterprise. */
  isAdmin: boolean;
}

/** Whether the user (already known to be a member of the tenant) may do this. */
export function may(action: AccountAction, s: Standing): boolean {
  const operates = s.boundUserId === null || s.boundUserId === s.userId;
  switch (action) {
    case 'view':
      return true;
    case 'edit':
    case 'login':
    case 'unlock':
    case 'password':
      return operates;
    case 'delete':
      return operates || s.isAdmin;
    case 'changeWechat':
      return s.boundUserId !== null && s.boundUserId !== s.userId;
  }
}

/** The action is allowed only because the user is the enterprise's admin: such acts are audited (F10). */
export function usesAdminRight(action: AccountAction, s: Standing): boolean {
  return may(action, s) && !may(action, { ...s, isAdmin: false });
}

/** AccountView.can: what the page shows. 解锁 only where there is a lock to lift. */
export function capabilities(s: Standing, locked: boolean): AccountView['can'] {
  return {
    login: may('login', s),
    edit: may('edit', s),
    delete: may('delete', s),
    changeWechat: may('changeWechat', s),
    unlock: locked && may('unlock', s),
  };
}

const REFUSALS: Record<Exclude<AccountAction, 'view' | 'changeWechat'>, string> = {
  edit: '该账号已绑定其他微信，仅绑定的微信用户可以操作',
  login: '该账号已绑定其他微信，仅绑定的微信用户可以登录',
  unlock: '该账号已绑定其他微信，仅绑定的微信用户可以解锁',
  password: '该账号已绑定其他微信，仅绑定的微信用户可以修改密码',
  delete: '该账号已绑定其他微信，仅绑定的微信用户或数电配置管理员可以删除',
};

/** Throws 403 with the reason when the user may not do this. */
export function assertMay(action: AccountAction, s: Standing): void {
  if (may(action, s)) return;
  if (action === 'changeWechat') {
    // Not a matter of rights: there is nothing to move.
    const message =
      s.boundUserId === null ? '该账号尚未绑定微信，可在编辑中直接绑定' : '该账号已绑定您的微信，无需更换';
    throw new AppError(409, AccountErrorCodes.nothingToChange, message);
  }
  if (action === 'view') throw errors.notFound();
  throw errors.forbidden(REFUSALS[action]);
}

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type AccountRow = typeof etaxAccounts.$inferSelect;

export interface EnterpriseAccess {
  enterprise: EnterpriseRow;
  tenantName: string;
  isAdmin: boolean;
}

const adminOf = (userId: string) =>
  sql<boolean>`exists (select 1 from ${enterpriseAdmins} where ${enterpriseAdmins.enterpriseId} = ${enterprises.id} and ${enterpriseAdmins.userId} = ${userId})`;

/** The enterprise, when the user is a member of its tenant; 404 otherwise. */
export async function enterpriseAccess(db: Db | Tx, userId: string, enterpriseId: string): Promise<EnterpriseAccess> {
  const [row] = await db
    .select({ enterprise: enterprises, tenantName: tenants.name, isAdmin: adminOf(userId) })
    .from(enterprises)
    .innerJoin(tenants, eq(tenants.id, enterprises.tenantId))
    .innerJoin(tenantMembers, and(eq(tenantMembers.tenantId, enterprises.tenantId), eq(tenantMembers.userId, userId)))
    .where(eq(enterprises.id, enterpriseId));
  if (!row) throw errors.notFound('企业不存在或您未关联其租户');
  return row;
}

export interface AccountAccess extends Standing {
  account: AccountRow;
  enterprise: EnterpriseRow;
}

/** The account and the user's standing towards it, when the user is a member of its tenant; 404 otherwise. */
export async function accountAccess(db: Db | Tx, userId: string, accountId: string): Promise<AccountAccess> {
  const [row] = await db
    .select({
      account: etaxAccounts,
      enterprise: enterprises,
      boundUserId: accountBindings.userId,
      isAdmin: adminOf(userId),
    })
    .from(etaxAccounts)
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .innerJoin(tenantMembers, and(eq(tenantMembers.tenantId, etaxAccounts.tenantId), eq(tenantMembers.userId, userId)))
    .leftJoin(accountBindings, eq(accountBindings.accountId, etaxAccounts.id))
    .where(eq(etaxAccounts.id, accountId));
  if (!row) throw errors.notFound('账号不存在或已被删除');
  return { ...row, userId, isAdmin: Boolean(row.isAdmin) };
}

/** accountAccess, then assertMay. */
export async function authorize(
  db: Db | Tx,
  userId: string,
  accountId: string,
  action: AccountAction,
): Promise<AccountAccess> {
  const access = await accountAccess(db, userId, accountId);
  assertMay(action, access);
  return access;
}

/** What a started flow does, as far as who may continue it is concerned. */
export type FlowKind = 'add_account' | 'admin' | 'login' | 'auth' | 'change_wechat' | 'password';

/** The account right a flow of this kind needs; null: only membership of the enterprise's tenant. */
const FLOW_RIGHTS: Record<FlowKind, AccountAction | null> = {
  add_account: null,
  admin: null,
  login: 'login',
  auth: 'login',
  change_wechat: 'changeWechat',
  password: 'password',
};

/**
 * Throws (404/403/409, as when the flow starts) unless the user who started the flow may still do
 * what it does. Called on every step of every flow and again inside the transaction that saves its
 * outcome. A flow without a user (a login request's browser link or automatic login) answers to
 * its request, not to a member.
 */
export async function assertMayContinue(
  db: Db | Tx,
  flow: { kind: FlowKind; userId: string | null; enterpriseId?: string; accountId: string | null },
): Promise<void> {
  if (!flow.userId) return;
  const right = FLOW_RIGHTS[flow.kind];
  if (right && flow.accountId) await authorize(db, flow.userId, flow.accountId, right);
  else if (flow.enterpriseId) await enterpriseAccess(db, flow.userId, flow.enterpriseId);
  else throw new Error(`a ${flow.kind} flow names neither its account nor its enterprise`);
}
