/**
 * 绑定微信收登录通知 (F6) and 更换微信 (F9). One account has at most one WeChat user: the primary
 * key of account_bindings decides races, so of two users binding at the same moment exactly one
 * wins. 更换微信 moves the binding in one transaction once the holder proved it at the bureau
 * (flows.ts); the previous user is told by a subscribe message when they have a credit.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../db';
import { accountBindings } from '../db/schema';
import { AppError } from '../http/errors';
import type { AppContext } from '../context';
import { formatTime, truncateCharacterString, truncateThing } from '../adapters/wechat';
import { templateIds } from '../notify/templates';
import { authorize } from './permissions';
import { recordSubscriptions, sendWithCredit, type SendOutcome } from './subscriptions';
import { maskAccount } from '../../types/validators';
import { AccountErrorCodes } from '../../types/accounts';

/** The 电子税局账号管理 page of an enterprise, as a subscribe message's `page`. */
export function accountListPage(enterpriseId: string): string {
  return `packages/accounts/pages/list/index?enterpriseId=${encodeURIComponent(enterpriseId)}`;
}

/**
 * Binds the account to the user, recording the subscribe results of the same tap. Binding an
 * account already mine changes nothing; one bound to someone else is refused.
 */
export async function bind(
  deps: Pick<AppContext, 'db' | 'config'>,
  userId: string,
  accountId: string,
  subscriptions: Record<string, string>,
): Promise<void> {
  const { account } = await authorize(deps.db, userId, accountId, 'edit');
  await recordSubscriptions(deps.db, deps.config, userId, subscriptions);
  const inserted = await deps.db
    .insert(accountBindings)
    .values({ accountId, tenantId: account.tenantId, userId })
    .onConflictDoNothing()
    .returning({ userId: accountBindings.userId });
  if (inserted.length > 0) return;
  const [holder] = await deps.db
    .select({ userId: accountBindings.userId })
    .from(accountBindings)
    .where(eq(accountBindings.accountId, accountId));
  if (holder?.userId !== userId) {
    throw new AppError(409, AccountErrorCodes.alreadyBound, '该账号已被其他微信用户绑定，一个账号只能绑定一个微信');
  }
}

/** 解绑: the account becomes 未绑定. Unbinding an unbound account changes nothing. */
export async function unbind(db: Db, userId: string, accountId: string): Promise<void> {
  await authorize(db, userId, accountId, 'edit');
  await db
    .delete(accountBindings)
    .where(and(eq(accountBindings.accountId, accountId), eq(accountBindings.userId, userId)));
}

/** Moves the binding to the user (更换微信); returns who held it before (null: nobody). */
export async function moveBinding(
  tx: Tx,
  account: { id: string; tenantId: string },
  toUserId: string,
): Promise<string | null> {
  const [before] = await tx
    .select({ userId: accountBindings.userId })
    .from(accountBindings)
    .where(eq(accountBindings.accountId, account.id))
    .for('update');
  await tx
    .insert(accountBindings)
    .values({ accountId: account.id, tenantId: account.tenantId, userId: toUserId })
    .onConflictDoUpdate({ target: accountBindings.accountId, set: { userId: toUserId, boundAt: new Date() } });
  return before?.userId ?? null;
}

/** Tells a user by the 账号变更 subscribe message what happened to an account bound to them. */
export async function notifyAccountChange(
  deps: Pick<AppContext, 'db' | 'config' | 'wechat'>,
  log: Pick<FastifyBaseLogger, 'warn'>,
  userId: string,
  what: { enterpriseId: string; enterpriseName: string; account: string; change: string },
): Promise<SendOutcome> {
  // character_string takes ASCII only; a 用户名 may hold other characters.
  const masked = maskAccount(what.account).replace(/[^\x21-\x7e]/g, '*');
  return sendWithCredit(deps, log, userId, {
    templateId: templateIds(deps.config).accountChange,
    page: accountListPage(what.enterpriseId),
    data: {
      thing1: truncateThing(what.enterpriseName),
      character_string2: truncateCharacterString(masked),
      thing3: truncateThing(what.change),
      time4: formatTime(new Date()),
    },
  });
}
