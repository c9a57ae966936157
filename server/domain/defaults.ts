/**
 * F8 设置默认账号: the account the invoice system gets when it names none. Per enterprise at most one
 * 开票 default and one 收票 default, or one account as both (partial unique indexes hold it in the
 * database too). An account lacking a permission cannot be its default; a lone account can only be
 * the "开票+收票" default; a new default replaces the old one.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { etaxAccounts } from '../db/schema';
import { AppError, errors } from '../http/errors';
import { authorize } from './permissions';
import { CHANNEL_SHORT, type Channel } from '../../types/domain';
import { AccountErrorCodes } from '../../types/accounts';

/** Why this choice is not allowed, in words for the screen; null when it is. */
export function defaultsRefusal(input: {
  permissions: Channel[];
  channels: Channel[];
  enterpriseAccountCount: number;
}): string | null {
  const wanted = [...new Set(input.channels)];
  if (wanted.length === 0) return null;
  for (const channel of wanted) {
    if (!input.permissions.includes(channel)) {
      const word = CHANNEL_SHORT[channel];
      return `该账号没有${word}权限，无法设置为默认${word}账号`;
    }
  }
  if (input.enterpriseAccountCount === 1 && wanted.length !== 2)
    return '企业只有一个账号时，只能设置为“开票+收票”默认账号';
  return null;
}

/**
 * Makes the account the default of exactly these channels (none: no longer a default), taking
 * them from any other account of the enterprise. Returns the enterprise's id.
 */
export async function setDefaults(db: Db, userId: string, accountId: string, channels: Channel[]): Promise<string> {
  const { enterprise } = await authorize(db, userId, accountId, 'edit');
  await db.transaction(async (tx) => {
    // Lock the enterprise's accounts: concurrent changes of its defaults run one after the other.
    const all = await tx
      .select({ id: etaxAccounts.id, permissions: etaxAccounts.permissions })
      .from(etaxAccounts)
      .where(eq(etaxAccounts.enterpriseId, enterprise.id))
      .for('update');
    const account = all.find((a) => a.id === accountId);
    if (!account) throw errors.notFound('账号不存在或已被删除');
    const refusal = defaultsRefusal({ permissions: account.permissions, channels, enterpriseAccountCount: all.length });
    if (refusal) throw new AppError(400, AccountErrorCodes.defaultsRefused, refusal);

    const issue = channels.includes('issue');
    const receive = channels.includes('receive');
    const others = and(eq(etaxAccounts.enterpriseId, enterprise.id), ne(etaxAccounts.id, accountId));
    if (issue)
      await tx
        .update(etaxAccounts)
        .set({ defaultIssue: false })
        .where(and(others, eq(etaxAccounts.defaultIssue, true)));
    if (receive)
      await tx
        .update(etaxAccounts)
        .set({ defaultReceive: false })
        .where(and(others, eq(etaxAccounts.defaultReceive, true)));
    await tx
      .update(etaxAccounts)
      .set({ defaultIssue: issue, defaultReceive: receive })
      .where(eq(etaxAccounts.id, accountId));
  });
  return enterprise.id;
}
