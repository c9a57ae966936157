/**
 * 登录通知 (F15) and the browser link (F18).
 *
 * The invoice system asks for a live bureau session of an enterprise's account (the one it names,
 * or the default for the channel, F8). A session we hold is checked with the bureau — sessions drop
 * — and for 认证 the 认证 must be valid too. Otherwise a login request is opened for the account, or
 * the pending one joined (a partial unique index keeps one pending per account, channel and
 * purpose, so two concurrent asks send one notice). Its holder is reached once:
 *  - a hosted account (华盟托管号码, 企享云办税小号) logs in by itself on the job queue (auto-login.ts);
 *  - else the bound WeChat user gets one subscribe message opening the request page, spending a
 *    credit (F20);
 *  - else — unbound, no credit, WeChat refused — the caller gets a single-use browser link
 *    (random token, stored hashed) that needs no WeChat sign-in and expires with the request.
 * The request page (bound user) and the link page start flows of the flow engine for it; the request
 * ends with them (request-outcomes.ts) or expires (a job at its expiry, and lazily on every read),
 * and the tenant's webhook is told (webhooks.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { and, desc, eq, gt, isNull, ne, sql, type Placeholder } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import {
  accountBindings,
  enterprises,
  etaxAccounts,
  etaxSessions,
  loginFlows,
  loginRequests,
  tenantMembers,
  type RequestNotice,
} from '../db/schema';
import { AppError, errors } from '../http/errors';
import type { AppContext } from '../context';
import type { Config } from '../config';
import { randomToken, sha256 } from '../crypto/secrets';
import { EtaxError, type SessionStatus } from '../adapters/etax/types';
import {
  formatTime,
  truncateCharacterString,
  truncatePhrase,
  truncateThing,
  type SubscribeMessage,
} from '../adapters/wechat';
import { templateIds } from '../notify/templates';
import { QUEUES } from '../jobs/queues';
import { normalizeAccount } from './accounts';
import { startFlowFor, type FlowFor } from './flows';
import type { AccountRow, EnterpriseRow } from './permissions';
import {
  endRequest,
  isFinalFailure,
  sessionLive,
  settleRead,
  settleRequest,
  type LoginRequestRow,
  type RequestFlow,
} from './request-outcomes';
import { sendWithCredit } from './subscriptions';
import { announceEnd } from './webhooks';
import { markChecked, recordDrop } from './session-records';
import { maskAccount } from '../../types/validators';
import { CHANNEL_SHORT, HOSTED_LOGIN_TYPES, LOGIN_TYPE_LABELS, type Channel } from '../../types/domain';
import { AccountErrorCodes, type FlowState } from '../../types/accounts';
import {
  TaxSessionErrorCodes,
  type TaxSessionPending,
  type TaxSessionReady,
  type TaxSessionStatus,
  type taxSessionBody,
} from '../../types/ops';
import {
  RequestErrorCodes,
  loginLinkPagePath,
  loginRequestPagePath,
  requestTitle,
  type LoginRequestPurpose,
  type LoginRequestView,
  type requestFlowBody,
} from '../../types/requests';

type Deps = AppContext;
type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

interface Ask {
  enterprise: EnterpriseRow;
  account: AccountRow;
  channel: Channel;
  purpose: LoginRequestPurpose;
}

/** The browser link of a request (F18). */
export function loginUrl(config: Pick<Config, 'publicUrl'>, token: string): string {
  return `${config.publicUrl}/#/${loginLinkPagePath(token)}`;
}

/** The request as it stands now; its webhook queued once it ended. */
export async function refreshRequest(deps: Deps, requestId: string): Promise<LoginRequestRow | undefined> {
  const request = await settleRequest(deps.db, requestId);
  if (request && request.status !== 'pending' && !request.announcedAt) await announceEnd(deps, request.id);
  return request;
}

// ---- The caller's ask (operator API) ---------------------------------------------------------------

export type TaxSessionAnswer = { code: 200; body: TaxSessionReady } | { code: 202; body: TaxSessionPending };

export async function askTaxSession(
  deps: Deps,
  log: Log,
  input: z.output<typeof taxSessionBody>,
): Promise<TaxSessionAnswer> {
  const found = await lookUpAsk(deps.db, input);
  const { enterprise, account } = found;
  // A locked account is never tried until someone unlocks it (F14).
  if (account.lockedAt) throw new AppError(423, TaxSessionErrorCodes.accountLocked, lockedReason(account));
  const held = found.session && found.session.expiresAt.getTime() > Date.now() ? found.session : null;
  const live = held ? await liveSession(deps, log, account, input.channel, input.purpose, held) : null;
  if (live) {
    return {
      code: 200,
      body: { status: 'ready', account: maskAccount(account.account), expiresAt: live.toISOString() },
    };
  }
  // The pending request read with the account is current unless the bureau was asked meanwhile.
  const known = held ? undefined : (found.pending ?? null);
  const ask = { enterprise, account, channel: input.channel, purpose: input.purpose };
  const request = await openOrJoin(deps, log, ask, known);
  return { code: 202, body: pendingAnswer(deps, request, account) };
}

/** A pending request and its flows (newest first), as read. */
interface PendingRead {
  request: LoginRequestRow;
  flows: RequestFlow[];
}

interface AskRead {
  enterprise: EnterpriseRow;
  account: AccountRow;
  /** The session we hold for the channel, if any (it may have run out). */
  session: { sessionIdEnc: string; expiresAt: Date } | null;
  /** The account's pending request for the channel and purpose, if any. */
  pending: PendingRead | null;
}

/**
 * Everything an ask reads, in one prepared statement: the enterprise of the 税号 (two rows when it
 * is under several tenants), the named account or the channel's default, the session we hold and
 * the pending request with its flows. An ask is the invoice system's hot path (issue 9): one round
 * trip, planned once per connection, instead of one per question.
 */
function askLookup(db: Db, variant: { named: boolean; channel: Channel; tenant: boolean }, name: string) {
  const accountMatch = variant.named
    ? eq(etaxAccounts.account, sql.placeholder('account'))
    : variant.channel === 'issue'
      ? eq(etaxAccounts.defaultIssue, true)
      : eq(etaxAccounts.defaultReceive, true);
  const taxIdMatch = eq(enterprises.taxId, sql.placeholder('taxId'));
  return (
    db
      .select({
        enterprise: enterprises,
        account: etaxAccounts,
        session: { sessionIdEnc: etaxSessions.sessionIdEnc, expiresAt: etaxSessions.expiresAt },
        pending: loginRequests,
        flows: sql<RequestFlow[] | null>`(
          select json_agg(json_build_object('purpose', f.purpose, 'state', f.state) order by f.created_at desc)
          from ${loginFlows} f where f.login_request_id = ${loginRequests.id})`,
      })
      .from(enterprises)
      .leftJoin(etaxAccounts, and(eq(etaxAccounts.enterpriseId, enterprises.id), accountMatch))
      .leftJoin(
        etaxSessions,
        and(eq(etaxSessions.accountId, etaxAccounts.id), eq(etaxSessions.channel, sql.placeholder('channel'))),
      )
      // status as a literal: the partial unique index of pending requests serves it.
      .leftJoin(
        loginRequests,
        and(
          eq(loginRequests.accountId, etaxAccounts.id),
          eq(loginRequests.channel, sql.placeholder('channel')),
          eq(loginRequests.purpose, sql.placeholder('purpose')),
          sql`${loginRequests.status} = 'pending'`,
        ),
      )
      .where(variant.tenant ? and(taxIdMatch, eq(enterprises.tenantId, sql.placeholder('tenantId'))) : taxIdMatch)
      .limit(2)
      .prepare(name)
  );
}

async function lookUpAsk(db: Db, input: z.output<typeof taxSessionBody>): Promise<AskRead> {
  const { taxId, tenantId, channel, purpose } = input;
  const named = input.account ? normalizeAccount(input.account) : undefined;
  const variant = { named: named !== undefined, channel, tenant: tenantId !== undefined };
  const name = `ask_${variant.named ? 'named' : channel}${variant.tenant ? '_tenant' : ''}`;
  const lookup = prepared(db, name, (n) => askLookup(db, variant, n));
  const rows = await lookup.execute({ taxId, tenantId, account: named, channel, purpose });
  if (rows.length === 0) throw enterpriseNotFound(taxId);
  if (rows.length > 1) throw ambiguousTaxId(taxId);
  const [{ enterprise, account, session, pending, flows }] = rows;
  const word = CHANNEL_SHORT[channel];
  if (named !== undefined) {
    if (!account) {
      throw new AppError(
        404,
        TaxSessionErrorCodes.accountNotFound,
        `该企业下没有电子税局账号${maskAccount(named)}，请先在发票云小程序中添加`,
      );
    }
    if (!account.permissions.includes(channel)) {
      throw new AppError(
        400,
        TaxSessionErrorCodes.noChannelPermission,
        `电子税局账号${maskAccount(named)}没有${word}权限`,
      );
    }
  } else if (!account) {
    throw new AppError(
      404,
      TaxSessionErrorCodes.noDefaultAccount,
      `该企业未设置默认${word}账号：请指定电子税局账号（account），或在发票云小程序中设置默认账号`,
    );
  }
  return { enterprise, account, session, pending: pending ? { request: pending, flows: flows ?? [] } : null };
}

const enterpriseNotFound = (taxId: string) =>
  new AppError(404, TaxSessionErrorCodes.enterpriseNotFound, `未找到税号为${taxId}的企业，请先在发票云中添加该企业`);
const ambiguousTaxId = (taxId: string) =>
  new AppError(409, TaxSessionErrorCodes.ambiguousTaxId, `税号${taxId}属于多个租户，请用 tenantId 指明租户`);

/** The enterprise of a 税号 (of the named tenant when the 税号 is under several). */
export async function findEnterprise(db: Db, taxId: string, tenantId: string | undefined): Promise<EnterpriseRow> {
  const rows = await db
    .select()
    .from(enterprises)
    .where(
      tenantId ? and(eq(enterprises.taxId, taxId), eq(enterprises.tenantId, tenantId)) : eq(enterprises.taxId, taxId),
    )
    .limit(2);
  if (rows.length === 0) throw enterpriseNotFound(taxId);
  if (rows.length > 1) throw ambiguousTaxId(taxId);
  return rows[0];
}

/** Why a locked account is not tried, and what unlocks it (the seed's warning when it was the password). */
export function lockedReason(account: Pick<AccountRow, 'account' | 'lockReason' | 'lockedByPassword'>): string {
  const hint = account.lockedByPassword
    ? '请先在发票云小程序中更新密码再解锁，否则会再次锁定'
    : '请在发票云小程序中解锁后重试';
  return `电子税局账号${maskAccount(account.account)}已锁定（${account.lockReason ?? '自动登录失败'}），${hint}`;
}

/**
 * When the session we hold for the account and channel (`stored`, not run out) is live at the bureau (and, for 认证, the
 * 认证 valid): its end. A dropped or ended session is forgotten (no more 已登录). A bureau that
 * cannot answer promises nothing: the request then lets a person, or the automatic login, try.
 */
async function liveSession(
  deps: Deps,
  log: Log,
  account: AccountRow,
  channel: Channel,
  purpose: LoginRequestPurpose,
  stored: { sessionIdEnc: string; expiresAt: Date },
): Promise<Date | null> {
  let status: SessionStatus;
  try {
    status = await deps.etax.checkSession(deps.secrets.decrypt(stored.sessionIdEnc));
  } catch (err) {
    if (!(err instanceof EtaxError)) throw err;
    if (err.kind !== 'not_found') {
      log.warn({ kind: err.kind }, 'bureau session could not be checked');
      return null;
    }
    status = { state: 'expired', at: new Date(), reason: err.message };
  }
  // The bureau was just asked: the session watch need not ask again soon.
  await markChecked(deps.db, account, channel);
  if (status.state !== 'active') {
    const cause = status.state === 'dropped' ? 'elsewhere' : 'expired';
    await recordDrop(deps.db, account, channel, stored.sessionIdEnc, { at: status.at, cause, reason: status.reason });
    return null;
  }
  if (purpose === 'auth') {
    // The bureau's word on 认证 is the truth (已认证 on the account page too).
    const until = status.session.authValidUntil;
    await deps.db.update(etaxAccounts).set({ authValidUntil: until }).where(eq(etaxAccounts.id, account.id));
    if (!until || until.getTime() <= Date.now()) return null;
  }
  return status.session.expiresAt;
}

const logsInByItself = (account: AccountRow, purpose: LoginRequestPurpose) =>
  HOSTED_LOGIN_TYPES.includes(account.loginType) && purpose === 'login';

/**
 * A hosted account's session dropped (the session watch): it logs in again by itself on the job
 * queue, as for an ask — joining a pending request rather than starting a second login. Locked
 * accounts are not tried (F14).
 */
export async function relogInBackground(
  deps: Deps,
  log: Log,
  target: { enterprise: EnterpriseRow; account: AccountRow; channel: Channel },
): Promise<boolean> {
  if (target.account.lockedAt || !logsInByItself(target.account, 'login')) return false;
  await openOrJoin(deps, log, { ...target, purpose: 'login' });
  return true;
}

/**
 * `known`: the account's pending request as the caller just read it (null: none was pending); read
 * here when undefined.
 */
async function openOrJoin(deps: Deps, log: Log, ask: Ask, known?: PendingRead | null): Promise<LoginRequestRow> {
  const { account, channel, purpose } = ask;
  if (known) {
    const current = await settleRead(deps.db, known.request, known.flows);
    if (current?.status === 'pending') return awaitNotice(deps.db, current);
    if (current && !current.announcedAt) await announceEnd(deps, current.id);
    // It ended just now and freed its place: open a new one.
  }
  // A pending request found may end (or expire) under our feet and free its place: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const expiresAt = new Date(Date.now() + deps.config.LOGIN_REQUEST_TTL_SECONDS * 1000);
    const [created] = await deps.db
      .insert(loginRequests)
      .values({
        tenantId: account.tenantId,
        enterpriseId: account.enterpriseId,
        accountId: account.id,
        channel,
        purpose,
        notice: logsInByItself(account, purpose) ? 'auto' : 'sending',
        expiresAt,
      })
      .onConflictDoNothing()
      .returning();
    if (created) {
      await deps.jobs.send(QUEUES.expireRequest, { requestId: created.id }, { startAfter: expiresAt });
      return reach(deps, log, created, ask);
    }
    const [pending] = await deps.db
      .select({ id: loginRequests.id })
      .from(loginRequests)
      .where(
        and(
          eq(loginRequests.accountId, account.id),
          eq(loginRequests.channel, channel),
          eq(loginRequests.purpose, purpose),
          eq(loginRequests.status, 'pending'),
        ),
      );
    if (!pending) continue;
    const current = await refreshRequest(deps, pending.id);
    if (current?.status === 'pending') return awaitNotice(deps.db, current);
  }
  throw new Error('a login request could be neither opened nor joined');
}

/** Reaches the holder of a new request, once: the automatic login, a subscribe message, or the link. */
async function reach(deps: Deps, log: Log, request: LoginRequestRow, ask: Ask): Promise<LoginRequestRow> {
  if (request.notice === 'auto') {
    await deps.jobs.send(QUEUES.autoLogin, { requestId: request.id });
    log.info({ requestId: request.id, notice: request.notice }, 'login request opened');
    return request;
  }
  const holder = await boundMember(deps.db, ask.account);
  const sent = holder ? await sendWithCredit(deps, log, holder, noticeMessage(deps.config, request, ask)) : 'unbound';
  log.info({ requestId: request.id, sent }, 'login request opened');
  if (sent === 'sent') return setNotice(deps.db, request.id, { notice: 'wechat' });
  const token = randomToken();
  return setNotice(deps.db, request.id, {
    notice: 'link',
    linkTokenHash: sha256(token),
    linkTokenEnc: deps.secrets.encrypt(token),
  });
}

/** The WeChat user the account is bound to, while a member of its tenant. */
export async function boundMember(db: Db, account: AccountRow): Promise<string | null> {
  const [row] = await db
    .select({ userId: accountBindings.userId })
    .from(accountBindings)
    .innerJoin(
      tenantMembers,
      and(eq(tenantMembers.tenantId, accountBindings.tenantId), eq(tenantMembers.userId, accountBindings.userId)),
    )
    .where(eq(accountBindings.accountId, account.id));
  return row?.userId ?? null;
}

/** The 登录通知 subscribe message; values kept within WeChat's limits (47003 otherwise). */
function noticeMessage(config: Config, request: LoginRequestRow, ask: Ask): Omit<SubscribeMessage, 'touser'> {
  const what = ask.purpose === 'login' ? '登录' : '认证';
  return {
    templateId: templateIds(config).loginNotice,
    page: loginRequestPagePath(request.id),
    data: {
      thing1: truncateThing(ask.enterprise.name),
      character_string2: truncateCharacterString(ask.enterprise.taxId),
      phrase3: truncatePhrase(requestTitle(ask.channel, ask.purpose)),
      time4: formatTime(request.createdAt),
      thing5: truncateThing(`${maskAccount(ask.account.account)} 请点击完成${what}`),
    },
  };
}

async function setNotice(
  db: Db,
  requestId: string,
  changes: { notice: RequestNotice; linkTokenHash?: string; linkTokenEnc?: string },
): Promise<LoginRequestRow> {
  const [row] = await db.update(loginRequests).set(changes).where(eq(loginRequests.id, requestId)).returning();
  return row;
}

/** A request another call just opened may still be reaching its holder: wait (briefly) to know how. */
async function awaitNotice(db: Db, request: LoginRequestRow): Promise<LoginRequestRow> {
  const until = Date.now() + 15_000;
  let current = request;
  while (current.notice === 'sending' && Date.now() < until) {
    await sleep(50);
    const [row] = await db.select().from(loginRequests).where(eq(loginRequests.id, request.id));
    current = row ?? current;
  }
  return current;
}

function pendingAnswer(deps: Deps, request: LoginRequestRow, account: AccountRow): TaxSessionPending {
  const masked = maskAccount(account.account);
  const base = { status: 'pending' as const, requestId: request.id, expiresAt: request.expiresAt.toISOString() };
  if (request.notice === 'link' && request.linkUsedAt) {
    // Someone opened the link and is logging in: a second caller gets no used-up link.
    return { ...base, message: `电子税局账号${masked}正在通过登录链接登录，请稍后查询结果` };
  }
  if (request.notice === 'link' && request.linkTokenEnc) {
    const url = loginUrl(deps.config, deps.secrets.decrypt(request.linkTokenEnc));
    return { ...base, message: `电子税局登录失败，请用浏览器打开该链接：${url}，完成登录后再操作！`, loginUrl: url };
  }
  if (request.notice === 'auto') {
    return {
      ...base,
      message: `电子税局账号${masked}为${LOGIN_TYPE_LABELS[account.loginType]}，正在自动登录，请稍后查询结果`,
    };
  }
  return { ...base, message: `请${masked}绑定的微信用户，前往发票云小程序点击收到的登录通知进行操作` };
}

/** GET /ops/v1/tax-sessions/:requestId */
export async function requestStatus(deps: Deps, requestId: string): Promise<TaxSessionStatus> {
  const request = await refreshRequest(deps, requestId);
  if (!request) throw new AppError(404, TaxSessionErrorCodes.requestNotFound, '登录请求不存在');
  return {
    requestId: request.id,
    status: request.status,
    ...(request.reason ? { reason: request.reason } : {}),
    expiresAt: request.expiresAt.toISOString(),
  };
}

/** The expiry job, queued for the request's expiresAt. */
export async function expireRequestJob(deps: Deps, requestId: string): Promise<void> {
  const request = await refreshRequest(deps, requestId);
  // The queue's clock may run a moment ahead of ours: look again a second after expiresAt.
  if (request?.status === 'pending') {
    const at = new Date(Math.max(request.expiresAt.getTime(), Date.now()) + 1000);
    await deps.jobs.send(QUEUES.expireRequest, { requestId }, { startAfter: at });
  }
}

// ---- The request page (app API: the bound user) and the link page (no sign-in) ---------------------

interface Found {
  request: LoginRequestRow;
  account: AccountRow;
  enterprise: EnterpriseRow;
}

const withAccount = (db: Db) =>
  db
    .select({ request: loginRequests, account: etaxAccounts, enterprise: enterprises })
    .from(loginRequests)
    .innerJoin(etaxAccounts, eq(etaxAccounts.id, loginRequests.accountId))
    .innerJoin(enterprises, eq(enterprises.id, loginRequests.enterpriseId));

/** Requests of accounts bound to the user, while a member of their tenant: no one else sees them. */
function holderQuery(db: Db, userId: string | Placeholder) {
  return withAccount(db)
    .innerJoin(
      accountBindings,
      and(eq(accountBindings.accountId, loginRequests.accountId), eq(accountBindings.userId, userId)),
    )
    .innerJoin(
      tenantMembers,
      and(eq(tenantMembers.tenantId, loginRequests.tenantId), eq(tenantMembers.userId, userId)),
    );
}

async function forHolder(deps: Deps, userId: string, requestId: string): Promise<Found> {
  const [found] = await holderQuery(deps.db, userId).where(eq(loginRequests.id, requestId));
  if (!found) throw errors.notFound('登录通知不存在或已失效');
  return { ...found, request: (await refreshRequest(deps, requestId)) ?? found.request };
}

async function forLink(deps: Deps, token: string): Promise<Found> {
  const [found] = await withAccount(deps.db).where(eq(loginRequests.linkTokenHash, sha256(token)));
  if (!found) throw errors.notFound('链接无效，请核对链接是否完整');
  return { ...found, request: (await refreshRequest(deps, found.request.id)) ?? found.request };
}

/** What a new flow of the request is: 认证 needs a live session first. */
async function nextStep(db: Db, request: LoginRequestRow): Promise<LoginRequestPurpose> {
  if (request.purpose === 'login' || !request.accountId) return 'login';
  return (await sessionLive(db, request.accountId, request.channel)) ? 'auth' : 'login';
}

async function view({ request, account, enterprise }: Found, db: Db): Promise<LoginRequestView> {
  return {
    id: request.id,
    enterprise: { name: enterprise.name, taxId: enterprise.taxId, region: enterprise.region },
    channel: request.channel,
    purpose: request.purpose,
    title: requestTitle(request.channel, request.purpose),
    maskedAccount: maskAccount(account.account),
    loginType: account.loginType,
    status: request.status,
    ...(request.reason ? { reason: request.reason } : {}),
    createdAt: request.createdAt.toISOString(),
    expiresAt: request.expiresAt.toISOString(),
    ...(request.status === 'pending' ? { next: await nextStep(db, request) } : {}),
  };
}

function assertOpen(request: LoginRequestRow): void {
  if (request.status === 'pending') return;
  if (request.status === 'expired') {
    throw new AppError(410, RequestErrorCodes.requestExpired, '登录请求已过期，请在开票系统中重新发起');
  }
  const message =
    request.status === 'done' ? '登录已完成，无需再次操作' : `登录请求已结束：${request.reason ?? '登录失败'}`;
  throw new AppError(410, RequestErrorCodes.requestClosed, message);
}

/** Starts what the request needs next; a refusal no retry can mend ends the request with it. */
async function startFor(
  deps: Deps,
  log: Log,
  owner: FlowFor,
  found: Found,
  body: z.output<typeof requestFlowBody>,
): Promise<FlowState> {
  const { request } = found;
  const flowBody =
    (await nextStep(deps.db, request)) === 'auth'
      ? { purpose: 'auth' as const, method: 'qr' as const, qrApp: body.qrApp }
      : { purpose: 'login' as const, channel: request.channel, method: body.method, qrApp: body.qrApp };
  try {
    const state = await startFlowFor(deps, log, owner, found, flowBody);
    await refreshRequest(deps, request.id);
    return state;
  } catch (err) {
    if (err instanceof AppError && (isFinalFailure(err.code) || err.code === AccountErrorCodes.accountLocked)) {
      await endRequest(deps.db, request.id, { status: 'failed', reason: err.message });
      await announceEnd(deps, request.id);
    }
    throw err;
  }
}

/**
 * GET /api/v1/login-requests — the 登录通知 list: what waits for me. A hosted account's automatic
 * login waits for nobody.
 */
export async function myPendingRequests(deps: Deps, userId: string): Promise<LoginRequestView[]> {
  // Every sign-in and every open of 登录通知 runs this: prepared once.
  const statement = prepared(deps.db, 'my_pending_requests', (name) =>
    holderQuery(deps.db, sql.placeholder('userId'))
      .where(
        and(
          eq(loginRequests.status, 'pending'),
          gt(loginRequests.expiresAt, sql.placeholder('now')),
          ne(loginRequests.notice, 'auto'),
        ),
      )
      .orderBy(desc(loginRequests.createdAt))
      .limit(50)
      .prepare(name),
  );
  const rows = await statement.execute({ userId, now: new Date() });
  return Promise.all(rows.map((row) => view(row, deps.db)));
}

/** GET /api/v1/login-requests/:id */
export async function requestForHolder(deps: Deps, userId: string, requestId: string): Promise<LoginRequestView> {
  return view(await forHolder(deps, userId, requestId), deps.db);
}

/** POST /api/v1/login-requests/:id/flows — the flow belongs to the user (and the request). */
export async function startHolderFlow(
  deps: Deps,
  log: Log,
  userId: string,
  requestId: string,
  body: z.output<typeof requestFlowBody>,
): Promise<FlowState> {
  const found = await forHolder(deps, userId, requestId);
  assertOpen(found.request);
  // A second login beside the automatic one would make the provider hand one of them the other's code.
  if (found.request.notice === 'auto') {
    throw new AppError(409, RequestErrorCodes.autoLogin, '该账号为托管号码，正在自动登录，无需操作');
  }
  return startFor(deps, log, { userId, loginRequestId: requestId }, found, body);
}

/**
 * GET /api/v1/link/:token — the page of a link that has not been used yet; or, for the browser that
 * used it (it names one of the link's flows: knowing the id proves it), the request as it stands
 * now, also once it ended, so that page can say how it ended and what comes next (认证).
 */
export async function requestForLink(deps: Deps, token: string, flowId?: string): Promise<LoginRequestView> {
  const found = await forLink(deps, token);
  if (flowId && (await isLinkFlow(deps, found.request.id, flowId))) return view(found, deps.db);
  assertOpen(found.request);
  if (found.request.linkUsedAt) throw linkUsed();
  return view(found, deps.db);
}

/** Whether the flow was started through the request's link (a link flow has no WeChat user). */
async function isLinkFlow(deps: Deps, requestId: string, flowId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: loginFlows.id })
    .from(loginFlows)
    .where(and(eq(loginFlows.id, flowId), eq(loginFlows.loginRequestId, requestId), isNull(loginFlows.userId)));
  return Boolean(row);
}

const linkUsed = () => new AppError(410, RequestErrorCodes.linkUsed, '该链接已使用过，不能再次使用');

/**
 * POST /api/v1/link/:token/flows — the first flow uses the link up (claimed atomically, given back
 * if the bureau refused to start). The browser that used it starts further flows (认证 after the
 * login, QR instead of SMS) by naming one of the link's flows: knowing it proves it is that browser.
 */
export async function startLinkFlow(
  deps: Deps,
  log: Log,
  token: string,
  body: z.output<typeof requestFlowBody>,
): Promise<FlowState> {
  const found = await forLink(deps, token);
  const { request } = found;
  assertOpen(request);
  let claimed = false;
  if (body.afterFlowId) {
    if (!(await isLinkFlow(deps, request.id, body.afterFlowId))) throw linkUsed();
  } else {
    const [row] = await deps.db
      .update(loginRequests)
      .set({ linkUsedAt: new Date() })
      .where(and(eq(loginRequests.id, request.id), isNull(loginRequests.linkUsedAt)))
      .returning({ id: loginRequests.id });
    if (!row) throw linkUsed();
    claimed = true;
  }
  try {
    return await startFor(deps, log, { userId: null, loginRequestId: request.id }, found, body);
  } catch (err) {
    if (claimed) await deps.db.update(loginRequests).set({ linkUsedAt: null }).where(eq(loginRequests.id, request.id));
    throw err;
  }
}

/**
 * The link's flows are the request's flows without a WeChat user (flows.ts FlowOwner). Reading one
 * is allowed as long as the link exists; acting on one only while the request is open.
 */
export async function linkFlowOwner(deps: Deps, token: string, acting: boolean): Promise<{ loginRequestId: string }> {
  const { request } = await forLink(deps, token);
  if (acting) assertOpen(request);
  return { loginRequestId: request.id };
}
