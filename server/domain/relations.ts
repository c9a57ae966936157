/**
 * 新增账号 prefill (F5): what the bureau says the typed account is in the enterprise — the person
 * (masked) and their 身份 with permissions — so the form offers the right 身份 before the login.
 * Only for members of the enterprise's tenant; the bureau's refusal is shown in its own words.
 */
import type { AppContext } from '../context';
import { enterpriseAccess } from './permissions';
import { maskName } from './accounts';
import { etaxToAppError } from './flows';
import { EtaxError } from '../adapters/etax/types';
import type { AccountLookupResponse } from '../../types/accounts';

export async function lookupAccount(
  ctx: Pick<AppContext, 'db' | 'etax'>,
  userId: string,
  enterpriseId: string,
  account: string,
): Promise<AccountLookupResponse> {
  const { enterprise } = await enterpriseAccess(ctx.db, userId, enterpriseId);
  try {
    const found = await ctx.etax.lookupRelations({ account, taxId: enterprise.taxId });
    return { name: maskName(found.person.name), roles: found.relations };
  } catch (err) {
    throw err instanceof EtaxError ? etaxToAppError(err) : err;
  }
}
