/**
 * E-tax accounts of an enterprise (F4, F11, F14, F2 figures): the list as each user sees it, the
 * detail for 编辑, delete, 解绑 of all my accounts of an enterprise, unlock. Accounts are created
 * only by the 新增账号 flow (flows.ts) once the bureau login succeeded (insertAccount).
 * The account name is never answered in clear, the password and session ids never at all.
 */
import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import { preparedSql } from '../db/prepared';
import {
  accountBindings,
  enterpriseAdmins,
  enterprises,
  etaxAccounts,
  etaxSessions,
  sessionWatch,
  subscribeCredits,
  tenantMembers,
  tenants,
} from '../db/schema';
import { byAccount, needsHolder, watchRecords, watchState } from './session-records';
import { AppError, errors } from '../http/errors';
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
import { confirmAct, deletionIsGuarded } from './soter';
import type { SoterProof } from '../../types/soter';
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
  type accountListQuery,
} from '../../types/accounts';

type AccountListQueryOutput = z.output<typeof accountListQuery>;

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

/** What an account's view is made of: its columns and binding. */
type ViewRow = {
  account: Pick<
    AccountRow,
    | 'id'
    | 'account'
    | 'role'
    | 'permissions'
    | 'loginType'
    | 'defaultIssue'
    | 'defaultReceive'
    | 'authValidUntil'
    | 'lockedAt'
    | 'lockReason'
    | 'lockedByPassword'
  >;
  boundUserId: string | null;
};
type ViewSession = { accountId: string; channel: Channel; expiresAt: Date };
type ViewRecord = Parameters<typeof watchState>[2][number] & { accountId: string };

/** The views of these accounts for this user, from their live sessions and watch records. */
function toViews(
  config: Deps['config'],
  viewer: { userId: string; isAdmin: boolean; notificationsLeft?: number },
  rows: ViewRow[],
  sessions: ViewSession[],
  records: ViewRecord[],
): AccountView[] {
  const { userId, isAdmin, notificationsLeft } = viewer;
  const now = Date.now();
  const soon = now + config.SESSION_REMINDER_LEAD_MINUTES * 60_000;
  const sessionsOf = byAccount(sessions);
  const recordsOf = byAccount(records);
  return rows.map(({ account: a, boundUserId }) => {
    const own = sessionsOf.get(a.id) ?? [];
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
      sessions: Object.fromEntries(own.map((s) => [s.channel, s.expiresAt.toISOString()])),
      can: capabilities(standing, a.lockedAt !== null),
    };
    if (a.authValidUntil && a.authValidUntil.getTime() > now) view.authValidUntil = a.authValidUntil.toISOString();
    if (a.lockedAt)
      view.locked = { reason: a.lockReason ?? '', byPassword: a.lockedByPassword, at: a.lockedAt.toISOString() };
    if (boundUserId === userId) view.notificationsLeft = notificationsLeft;
    const { dropped, expiringSoon } = watchState(a, own, recordsOf.get(a.id) ?? [], now, soon);
    const shown = CHANNELS.flatMap((c) => {
      const d = dropped[c];
      return d ? [[c, { at: d.at.toISOString(), cause: d.cause }]] : [];
    });
    if (shown.length) view.dropped = Object.fromEntries(shown);
    view.expiringSoon = expiringSoon;
    return view;
  });
}

/** The views of these accounts (编辑: one), their sessions, records and my credits read beside them. */
async function views(deps: Deps, userId: string, isAdmin: boolean, rows: ViewRow[]): Promise<AccountView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.account.id);
  const sessions = await deps.db
    .select({ accountId: etaxSessions.accountId, channel: etaxSessions.channel, expiresAt: etaxSessions.expiresAt })
    .from(etaxSessions)
    .where(and(inArray(etaxSessions.accountId, ids), gt(etaxSessions.expiresAt, new Date())));
  const notificationsLeft = rows.some((r) => r.boundUserId === userId)
    ? (await creditsOf(deps.db, deps.config, userId))[templateIds(deps.config).loginNotice]
    : undefined;
  const records = await watchRecords(deps.db, ids);
  return toViews(deps.config, { userId, isAdmin, notificationsLeft }, rows, sessions, records);
}

/** The list statement's one row: the enterprise, my standing and credits, its accounts as JSON. */
interface ListRow {
  id: string;
  name: string;
  tax_id: string;
  region: string;
  tenant_name: string;
  is_admin: boolean;
  credits: number | null;
  accounts: (Omit<ViewRow['account'], 'authValidUntil' | 'lockedAt'> & {
    authValidUntil: string | null;
    lockedAt: string | null;
    boundUserId: string | null;
  })[];
  /**
   * created_at in microseconds since the epoch (the list's order, exact) of the page's last shown
   * account, for the cursor: computed for that one row, not for each.
   */
  last_pos: string | null;
  sessions: { accountId: string; channel: Channel; expiresAt: string }[];
  records: (Omit<ViewRecord, 'droppedAt'> & { droppedAt: string | null })[];
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

/** A page's place in the list (created_at in µs, id), opaque to callers. */
type Position = { pos: string; id: string };
const encodeCursor = (p: Position) => Buffer.from(`${p.pos}.${p.id}`).toString('base64url');
function decodeCursor(cursor: string): Position {
  const m = /^(\d{1,17})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
    Buffer.from(cursor, 'base64url').toString(),
  );
  if (!m) throw errors.validation('翻页位置无效，请刷新列表');
  return { pos: m[1], id: m[2] };
}

/**
 * The list's statement, prepared once per variant (search or not, a next page or the first): every
 * open of 电子税局账号管理 runs it, so PostgreSQL neither parses nor plans it per call.
 */
function listStatement(db: Db, variant: { search: boolean; after: boolean }) {
  const name = `account_list${variant.search ? '_search' : ''}${variant.after ? '_after' : ''}`;
  return preparedSql<ListRow>(db, name, () => {
    const userId = sql.placeholder('userId');
    const take = sql.placeholder('take');
    const filters = [sql`a.enterprise_id = ${sql.placeholder('enterpriseId')}`];
    if (variant.search) {
      const q = sql.placeholder('q');
      filters.push(sql`(a.account = ${sql.placeholder('qAccount')} or a.person_name = ${q}
      or (char_length(a.account) > 7 and strpos(right(a.account, 4), ${q}) > 0))`);
    }
    if (variant.after)
      filters.push(
        sql`(a.created_at, a.id) > (timestamptz 'epoch' + ${sql.placeholder('afterPos')}::bigint * interval '1 microsecond', ${sql.placeholder('afterId')}::uuid)`,
      );
    return sql`
    with page as (
      select a.id, a.account, a.role, a.permissions, a.login_type, a.default_issue, a.default_receive,
        a.auth_valid_until, a.locked_at, a.lock_reason, a.locked_by_password, a.created_at, b.user_id as bound_user_id
      from ${etaxAccounts} a left join ${accountBindings} b on b.account_id = a.id
      where ${sql.join(filters, sql` and `)}
      order by a.created_at, a.id
      limit ${take}::int
    )
    select e.id, e.name, e.tax_id, e.region, t.name as tenant_name,
      (select ((extract(epoch from p.created_at) * 1000000)::bigint)::text from page p
        order by p.created_at, p.id offset greatest(${take}::int - 2, 0) limit 1) as last_pos,
      exists (select 1 from ${enterpriseAdmins} ea where ea.enterprise_id = e.id and ea.user_id = ${userId}) as is_admin,
      (select sc.credits from ${subscribeCredits} sc where sc.user_id = ${userId} and sc.template_id = ${sql.placeholder('loginNotice')}) as credits,
      coalesce((
        select json_agg(json_build_object(
          'id', a.id, 'account', a.account, 'role', a.role, 'permissions', a.permissions, 'loginType', a.login_type,
          'defaultIssue', a.default_issue, 'defaultReceive', a.default_receive, 'authValidUntil', a.auth_valid_until,
          'lockedAt', a.locked_at, 'lockReason', a.lock_reason, 'lockedByPassword', a.locked_by_password,
          'boundUserId', a.bound_user_id
        ))
        -- In page's order: a sorted source read alone keeps its order into the aggregate; an
        -- ORDER BY here sorted the built JSON again and cost more than the rest of the statement.
        from page a
      ), '[]'::json) as accounts,
      coalesce((
        select json_agg(json_build_object('accountId', s.account_id, 'channel', s.channel, 'expiresAt', s.expires_at))
        from ${etaxSessions} s
        where s.account_id in (select id from page) and s.expires_at > now()
      ), '[]'::json) as sessions,
      coalesce((
        select json_agg(json_build_object('accountId', w.account_id, 'subject', w.subject, 'droppedAt', w.dropped_at,
          'dropCause', w.drop_cause, 'dropReason', w.drop_reason))
        from ${sessionWatch} w
        where w.account_id in (select id from page)
      ), '[]'::json) as records
    from ${enterprises} e
    join ${tenants} t on t.id = e.tenant_id
    join ${tenantMembers} m on m.tenant_id = e.tenant_id and m.user_id = ${userId}
    where e.id = ${sql.placeholder('enterpriseId')}`;
  });
}

/**
 * 电子税局账号管理 (F4): the enterprise's accounts, oldest first, a page at a time when `limit` is
 * given. The app's hot path: one statement answers whether I may see the enterprise, the page of its
 * accounts with their bindings, their live sessions and watch records, and my credits — built as
 * JSON by PostgreSQL, mapped by toViews. 搜索 matches only what the list shows (the last four
 * characters) or what the searcher already knows whole (the account, the holder's 姓名), so it
 * cannot uncover the masked part of an account.
 */
export async function listAccounts(
  deps: Deps,
  userId: string,
  enterpriseId: string,
  page: AccountListQueryOutput = {},
): Promise<AccountListResponse> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const q = page.q || null;
  // One more than asked: whether a next page exists.
  const take = page.limit === undefined ? null : page.limit + 1;
  const statement = listStatement(deps.db, { search: q !== null, after: after !== null });
  const result = await statement.execute({
    enterpriseId,
    userId,
    loginNotice: templateIds(deps.config).loginNotice,
    take,
    q,
    qAccount: q === null ? null : normalizeAccount(q),
    afterPos: after?.pos ?? null,
    afterId: after?.id ?? null,
  });
  const [e] = result.rows;
  if (!e) throw errors.notFound('企业不存在或您未关联其租户');
  const more = page.limit !== undefined && e.accounts.length > page.limit;
  const shown = more ? e.accounts.slice(0, page.limit) : e.accounts;
  const rows = shown.map(({ boundUserId, ...a }) => ({
    account: { ...a, authValidUntil: date(a.authValidUntil), lockedAt: date(a.lockedAt) },
    boundUserId,
  }));
  const sessions = e.sessions.map((s) => ({ ...s, expiresAt: new Date(s.expiresAt) }));
  const records = e.records.map((r) => ({ ...r, droppedAt: date(r.droppedAt) }));
  const viewer = { userId, isAdmin: e.is_admin, notificationsLeft: Number(e.credits ?? 0) };
  const last = shown[shown.length - 1];
  const position = more && last && e.last_pos ? { pos: e.last_pos, id: last.id } : null;
  return {
    enterprise: { id: e.id, name: e.name, taxId: e.tax_id, region: e.region, tenantName: e.tenant_name },
    accounts: toViews(deps.config, viewer, rows, sessions, records),
    isAdmin: e.is_admin,
    nextCursor: position ? encodeCursor(position) : null,
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
  proof?: SoterProof,
): Promise<void> {
  const access = await authorize(deps.db, userId, accountId, 'delete');
  // Someone else's account: the admin's own finger or face first, when the device has one (soter.ts).
  const biometric = deletionIsGuarded(access) ? await confirmAct(deps, userId, 'admin_delete', proof) : 'unavailable';
  const removed = await deps.db.transaction(async (tx) => {
    const rows = await tx.delete(etaxAccounts).where(eq(etaxAccounts.id, accountId)).returning({ id: etaxAccounts.id });
    // An admin deleting an account bound to someone else: audited with the act itself (F10).
    if (rows.length > 0 && usesAdminRight('delete', access)) await recordAdminDeletion(tx, userId, access, biometric);
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

/** The figures statement's row per enterprise (the accounts bound to me with their sessions and records). */
interface FiguresRow {
  id: string;
  accounts: number;
  mine: number;
  admins: { userId: string; name: string }[] | null;
  bound: { id: string; permissions: Channel[]; authValidUntil: string | null }[] | null;
  sessions: { accountId: string; channel: Channel; expiresAt: string }[] | null;
  records: (Omit<ViewRecord, 'droppedAt'> & { droppedAt: string | null })[] | null;
}

/** The home page figures' statement, prepared once: every open of 个人中心 runs it. */
function figuresStatement(db: Db) {
  return preparedSql<FiguresRow>(db, 'enterprise_figures', () => {
    const userId = sql.placeholder('userId');
    const mineOf = sql`from ${etaxAccounts} a join ${accountBindings} b on b.account_id = a.id and b.user_id = ${userId}
      where a.enterprise_id = e.id`;
    return sql`
      select e.id,
        (select count(*)::int from ${etaxAccounts} a where a.enterprise_id = e.id) as accounts,
        (select count(*)::int ${mineOf}) as mine,
        (select json_agg(json_build_object('userId', ea.user_id, 'name', ea.name) order by ea.created_at)
          from ${enterpriseAdmins} ea where ea.enterprise_id = e.id) as admins,
        (select json_agg(json_build_object('id', a.id, 'permissions', a.permissions, 'authValidUntil', a.auth_valid_until))
          ${mineOf}) as bound,
        (select json_agg(json_build_object('accountId', s.account_id, 'channel', s.channel, 'expiresAt', s.expires_at))
          from ${etaxSessions} s join ${accountBindings} b on b.account_id = s.account_id and b.user_id = ${userId}
          join ${etaxAccounts} a on a.id = s.account_id where a.enterprise_id = e.id) as sessions,
        (select json_agg(json_build_object('accountId', w.account_id, 'subject', w.subject, 'droppedAt', w.dropped_at,
            'dropCause', w.drop_cause, 'dropReason', w.drop_reason))
          from ${sessionWatch} w join ${accountBindings} b on b.account_id = w.account_id and b.user_id = ${userId}
          join ${etaxAccounts} a on a.id = w.account_id where a.enterprise_id = e.id) as records
      from ${enterprises} e
      where e.id = any(${sql.placeholder('enterpriseIds')}::uuid[])`;
  });
}

/**
 * The home page figures of each enterprise (F2): accounts, mine among them, those of mine that need
 * me (已掉线, 即将到期 within the reminder lead time), the admin state — read in one statement.
 */
export const accountFigures =
  (config: Pick<Config, 'SESSION_REMINDER_LEAD_MINUTES'>): EnterpriseFigures =>
  async (db, userId, enterpriseIds) => {
    const figures: Awaited<ReturnType<EnterpriseFigures>> = new Map();
    if (enterpriseIds.length === 0) return figures;
    const result = await figuresStatement(db).execute({ userId, enterpriseIds });
    const now = Date.now();
    const soon = now + config.SESSION_REMINDER_LEAD_MINUTES * 60_000;
    for (const r of result.rows) {
      const theirs = r.admins ?? [];
      const state = theirs.some((a) => a.userId === userId) ? 'me' : theirs.length > 0 ? 'other' : 'none';
      const sessions = (r.sessions ?? []).map((x) => ({ ...x, expiresAt: new Date(x.expiresAt) }));
      const records = (r.records ?? []).map((x) => ({ ...x, droppedAt: date(x.droppedAt) }));
      const sessionsOf = byAccount(sessions);
      const recordsOf = byAccount(records);
      const needing = (r.bound ?? []).filter((a) =>
        needsHolder(
          watchState(
            { ...a, authValidUntil: date(a.authValidUntil) },
            sessionsOf.get(a.id) ?? [],
            recordsOf.get(a.id) ?? [],
            now,
            soon,
          ),
        ),
      ).length;
      figures.set(r.id, {
        accountCount: Number(r.accounts),
        myBoundCount: Number(r.mine),
        myNeedingCount: needing,
        admin: { state, names: theirs.map((a) => maskName(a.name)) },
      });
    }
    return figures;
  };
