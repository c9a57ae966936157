/**
 * The flow engine: every bureau interaction of a user — 新增账号 (F5), 登录 (F16, F17), 认证 (F16),
 * 更换微信 (F9), 申请绑定数电配置管理员 (F10) — is a flow stored in login_flows, so any server instance
 * can continue it. Each call maps the gateway's LoginStep to the FlowState the app shows (sms, qr,
 * face, real_name, agreement, hosted_wait, done, failed) and saves it.
 *
 * Rules kept here:
 *  - 新增账号 saves the account only once the bureau login succeeded, its password encrypted;
 *  - hosted numbers (华盟托管号码, 企享云办税小号) are stateless: each poll asks the provider once for
 *    the code and submits it when it arrived; no timers;
 *  - a bureau refusal becomes an AppError with the bureau's own words; refusals that end the flow
 *    also mark it failed, the others leave it where it was so the user can try again;
 *  - secrets (the typed password, the gateway's flow id) are encrypted and wiped when a flow ends;
 *  - a short lease (busy_until) keeps two concurrent calls from driving one bureau flow twice;
 *  - every step asks permissions.ts again whether the flow's user may still do what it does (and
 *    once more in the transaction that saves the outcome): a refusal ends the flow, nothing is saved.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Db, Tx } from '../db';
import { enterprises, etaxAccounts, etaxSessions, loginFlows } from '../db/schema';
import { AppError, errors } from '../http/errors';
import type { AppContext } from '../context';
import { sha256 } from '../crypto/secrets';
import {
  EtaxError,
  type EtaxErrorKind,
  type EtaxSession,
  type LoginStep,
  type QrChallenge,
} from '../adapters/etax/types';
import { assertMayContinue, authorize, enterpriseAccess, type AccountRow, type EnterpriseRow } from './permissions';
import { accountExists, insertAccount, lockAccount, normalizeAccount } from './accounts';
import { moveBinding, notifyAccountChange } from './bindings';
import { recordRecentLogin } from './recent-logins';
import { requestFollowsFlow } from './request-outcomes';
import { guardAttempt } from './lockout';
import { adminRelation, adminRoleRefusal, assertMayApply, becomeAdmin } from './admins';
import { confirmAct } from './soter';
import { recordGuardedStart } from './audit';
import {
  HOSTED_LOGIN_TYPES,
  LOGIN_TYPE_LABELS,
  CHANNEL_LABELS,
  type Channel,
  type LoginType,
  type QrApp,
} from '../../types/domain';
import { isMobile } from '../../types/validators';
import {
  AccountErrorCodes,
  FlowFailureCodes,
  type accountFlowBody,
  type addAccountBody,
  type FlowState,
  type FlowStep,
} from '../../types/accounts';
import { AdminErrorCodes, type adminFlowBody } from '../../types/admin';

/** How long a flow can be continued (the bureau's own flows last 10 minutes). */
export const FLOW_TTL_MS = 10 * 60_000;
/** How long a hosted number may take to receive its code before the login counts as timed out. */
export const HOSTED_WAIT_MS = 2 * 60_000;

type Deps = Pick<AppContext, 'db' | 'config' | 'etax' | 'secrets' | 'wechat'>;
type Log = Pick<FastifyBaseLogger, 'warn'>;
type FlowRow = typeof loginFlows.$inferSelect;

// ---- Bureau errors ---------------------------------------------------------------------------------

const STATUS_BY_KIND: Record<EtaxErrorKind, number> = {
  wrong_password: 400,
  locked: 423,
  not_found: 400,
  no_relation: 400,
  no_permission: 400,
  sms_code_wrong: 400,
  sms_code_expired: 400,
  resend_too_soon: 429,
  real_name_failed: 400,
  qr_expired: 400,
  flow_closed: 410,
  wrong_step: 409,
  weak_password: 400,
  sms_check_off: 400,
  invalid_request: 400,
  rate_limited: 429,
  unavailable: 503,
  bad_response: 502,
  refused: 400,
};

/** Refusals after which the user may try the same step again; every other one ends the flow. */
const RETRIABLE: readonly EtaxErrorKind[] = [
  'sms_code_wrong',
  'sms_code_expired',
  'resend_too_soon',
  'rate_limited',
  'unavailable',
  'bad_response',
  'qr_expired',
  'wrong_step',
];

/** The bureau's refusal as our error: its own words, code `etax_<kind>`. */
export function etaxToAppError(err: EtaxError): AppError {
  const retryAfter = err.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(err.retryAfterMs / 1000));
  return new AppError(STATUS_BY_KIND[err.kind], `etax_${err.kind}`, err.message, retryAfter);
}

/** A bureau call made before any flow exists: a refusal simply answers the request. */
async function bureau<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw err instanceof EtaxError ? etaxToAppError(err) : err;
  }
}

// ---- Saving flows ----------------------------------------------------------------------------------

const isHosted = (loginType: LoginType) => HOSTED_LOGIN_TYPES.includes(loginType);
const isTerminal = (step: FlowStep) => step === 'done' || step === 'failed';

/** Writes the flow with its new state (insert or update) and frees its lease; returns the state. */
async function save(db: Db | Tx, flow: FlowRow, state: Omit<FlowState, 'flowId' | 'expiresAt'>): Promise<FlowState> {
  const full: FlowState = { flowId: flow.id, expiresAt: flow.expiresAt.toISOString(), ...state };
  const ended = isTerminal(state.step);
  const row: FlowRow = {
    ...flow,
    state: full,
    busyUntil: null,
    // A finished flow keeps no secret.
    passwordEnc: ended ? null : flow.passwordEnc,
    gatewayFlowEnc: ended ? null : flow.gatewayFlowEnc,
  };
  const { id: _id, createdAt: _c, ...changes } = row;
  await db.insert(loginFlows).values(row).onConflictDoUpdate({ target: loginFlows.id, set: changes });
  // A login request (F15) ends with its flow, in the same transaction when there is one.
  if (ended && row.loginRequestId) await requestFollowsFlow(db, row.loginRequestId);
  return full;
}

/** The WeChat user of a flow only users start (新增账号, 更换微信, 申请绑定). */
function userOf(flow: FlowRow): string {
  if (!flow.userId) throw new Error(`flow ${flow.id} (${flow.purpose}) has no user`);
  return flow.userId;
}

function fail(db: Db | Tx, flow: FlowRow, code: string, message: string): Promise<FlowState> {
  return save(db, flow, { step: 'failed', error: { code, message } });
}

/** The flow's user may no longer do what the flow does (left the tenant, lost the binding…). */
class FlowRefusal extends AppError {}

/** assertMayContinue for this flow, its refusal as a FlowRefusal (which ends the flow). */
async function stillAllowed(db: Db | Tx, flow: FlowRow): Promise<void> {
  try {
    await assertMayContinue(db, { kind: flow.purpose, ...flow });
  } catch (err) {
    if (err instanceof AppError) throw new FlowRefusal(err.status, err.code, err.message);
    throw err;
  }
}

/** Before a step: a flow its user may no longer continue ends with the refusal, which is thrown. */
async function recheck(db: Db, flow: FlowRow): Promise<void> {
  try {
    await stillAllowed(db, flow);
  } catch (err) {
    if (err instanceof FlowRefusal) await fail(db, flow, err.code, err.message);
    throw err;
  }
}

async function qrView(qr: QrChallenge): Promise<NonNullable<FlowState['qr']>> {
  // The sandbox sends the picture; a gateway that sends only the payload gets it drawn here.
  const image = qr.image ?? (await QRCode.toDataURL(qr.payload, { margin: 1, width: 240 }));
  return { image, app: qr.app, expiresAt: qr.expiresAt.toISOString(), state: qr.state };
}

/** Moves the flow to what the bureau answered. */
async function advance(deps: Deps, log: Log, flow: FlowRow, step: LoginStep): Promise<FlowState> {
  const next: FlowRow = { ...flow, gatewayFlowEnc: deps.secrets.encrypt(step.flowId) };
  switch (step.step) {
    case 'sms_sent':
      if (isHosted(flow.loginType)) {
        const waiting = { ...next, smsSentAt: step.sentAt, hostedDeadline: new Date(Date.now() + HOSTED_WAIT_MS) };
        return save(deps.db, waiting, { step: 'hosted_wait' });
      }
      return save(deps.db, next, {
        step: 'sms',
        sms: { maskedPhone: step.maskedPhone, resendAt: step.resendAt.toISOString() },
      });
    case 'qr_pending':
      return save(deps.db, next, { step: 'qr', qr: await qrView(step.qr) });
    case 'needs_face':
      return save(deps.db, next, { step: 'face', qr: await qrView(step.qr) });
    case 'needs_real_name':
      return save(deps.db, next, {
        step: 'real_name',
        realName: { name: step.name, idType: step.idType, maskedIdNumber: step.maskedIdNumber },
      });
    case 'needs_agreement':
      return save(deps.db, next, { step: 'agreement', agreement: { title: step.title, text: step.text } });
    case 'face_failed':
    case 'needs_password':
      // Only 短信登录 / 扫脸登录 come to these (seed §3.2, §3.5), which the product does not start.
      return fail(deps.db, next, 'etax_wrong_step', step.message);
    case 'logged_in':
      return complete(deps, log, next, step.session);
  }
}

async function recordSession(tx: Tx, deps: Deps, account: { id: string; tenantId: string }, session: EtaxSession) {
  const values = {
    accountId: account.id,
    channel: session.channel,
    tenantId: account.tenantId,
    sessionIdEnc: deps.secrets.encrypt(session.sessionId),
    expiresAt: session.expiresAt,
    loggedInAt: new Date(),
  };
  await tx
    .insert(etaxSessions)
    .values(values)
    .onConflictDoUpdate({ target: [etaxSessions.accountId, etaxSessions.channel], set: values });
}

/** The bureau login succeeded: save what the flow was for, in one transaction with its state. */
async function complete(deps: Deps, log: Log, flow: FlowRow, session: EtaxSession): Promise<FlowState> {
  if (flow.purpose === 'admin') return completeAdmin(deps, flow, session);
  if (flow.purpose === 'add_account') {
    const draft = flow.draft;
    if (!draft || !flow.passwordEnc)
      return fail(deps.db, flow, AccountErrorCodes.flowClosed, '登录信息已失效，请重新添加');
    // Encrypted again so the row is under the current key, whatever key the draft was written with.
    const password = deps.secrets.decrypt(flow.passwordEnc);
    return deps.db.transaction(async (tx) => {
      await stillAllowed(tx, flow);
      const accountId = await insertAccount(tx, {
        tenantId: flow.tenantId,
        enterpriseId: flow.enterpriseId,
        account: flow.account,
        passwordEnc: deps.secrets.encrypt(password),
        passwordKeyId: deps.secrets.keyId,
        role: session.role,
        permissions: session.permissions,
        loginType: flow.loginType,
        personName: session.name || draft.personName,
        personKey: draft.personKey,
        authValidUntil: session.authValidUntil,
        createdBy: flow.userId,
      });
      if (!accountId) return fail(tx, flow, AccountErrorCodes.accountExists, '已有的账号无需重复添加');
      const account = { id: accountId, tenantId: flow.tenantId };
      await recordSession(tx, deps, account, session);
      await recordRecentLogin(tx, userOf(flow), account);
      return save(tx, { ...flow, accountId }, { step: 'done', accountId });
    });
  }

  const outcome = await deps.db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(etaxAccounts)
      .where(eq(etaxAccounts.id, flow.accountId ?? ''))
      .for('update');
    if (!account) {
      return {
        state: await fail(tx, flow, FlowFailureCodes.accountDeleted, '该账号已被删除'),
        account,
        previousUser: null,
      };
    }
    await stillAllowed(tx, flow);
    // What the bureau says now is the truth: 身份, permissions, 认证.
    await tx
      .update(etaxAccounts)
      .set({
        role: session.role,
        permissions: session.permissions,
        ...(session.name ? { personName: session.name } : {}),
        ...(session.authValidUntil ? { authValidUntil: session.authValidUntil } : {}),
      })
      .where(eq(etaxAccounts.id, account.id));
    await recordSession(tx, deps, account, session);
    // A browser link or an automatic login has no WeChat user to remember it for (F19).
    if (flow.userId) await recordRecentLogin(tx, flow.userId, account);
    const previousUser = flow.purpose === 'change_wechat' ? await moveBinding(tx, account, userOf(flow)) : null;
    return { state: await save(tx, flow, { step: 'done', accountId: account.id }), account, previousUser };
  });
  const { account, previousUser } = outcome;
  if (account && previousUser && previousUser !== flow.userId) {
    const enterprise = await enterpriseOf(deps.db, flow.enterpriseId);
    await notifyAccountChange(deps, log, previousUser, {
      enterpriseId: flow.enterpriseId,
      enterpriseName: enterprise.name,
      account: account.account,
      change: '已由号主更换绑定到其他微信',
    });
  }
  return outcome.state;
}

/** 数电配置管理员 (F10): the login's 身份 is the bureau's word on who the person is in the enterprise. */
async function completeAdmin(deps: Deps, flow: FlowRow, session: EtaxSession): Promise<FlowState> {
  const refusal = adminRoleRefusal([session.role]);
  if (refusal) return fail(deps.db, flow, AdminErrorCodes.roleRequired, refusal);
  return deps.db.transaction(async (tx) => {
    await stillAllowed(tx, flow);
    await becomeAdmin(tx, {
      enterpriseId: flow.enterpriseId,
      tenantId: flow.tenantId,
      userId: userOf(flow),
      name: session.name,
    });
    return save(tx, flow, { step: 'done' });
  });
}

async function enterpriseOf(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({ name: enterprises.name, taxId: enterprises.taxId })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row;
}

// ---- Starting flows --------------------------------------------------------------------------------

function newFlow(
  init: Omit<
    FlowRow,
    | 'id'
    | 'createdAt'
    | 'expiresAt'
    | 'busyUntil'
    | 'state'
    | 'smsSentAt'
    | 'hostedDeadline'
    | 'gatewayFlowEnc'
    | 'gatewayTicket'
    | 'loginRequestId'
  > & { loginRequestId?: string | null },
): FlowRow {
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + FLOW_TTL_MS);
  return {
    ...init,
    loginRequestId: init.loginRequestId ?? null,
    id,
    createdAt: new Date(),
    expiresAt,
    busyUntil: null,
    smsSentAt: null,
    hostedDeadline: null,
    gatewayFlowEnc: null,
    gatewayTicket: null,
    // Replaced by the first step before the row is written.
    state: { flowId: id, step: 'failed', expiresAt: expiresAt.toISOString() },
  };
}

/** Flows of the user that ended a day ago or more are of no use any more. */
async function forgetOldFlows(db: Db, userId: string) {
  await db
    .delete(loginFlows)
    .where(and(eq(loginFlows.userId, userId), lt(loginFlows.expiresAt, new Date(Date.now() - 86_400_000))));
}

function requireHostedPhone(loginType: LoginType, account: string) {
  if (isHosted(loginType) && !isMobile(account)) {
    throw new AppError(
      400,
      AccountErrorCodes.hostedNeedsPhone,
      `${LOGIN_TYPE_LABELS[loginType]}的账号须为托管的手机号码`,
    );
  }
}

/** 新增账号 (F5): checks, then the bureau login; the account is saved when it succeeds. */
export async function startAddAccount(
  deps: Deps,
  log: Log,
  userId: string,
  enterpriseId: string,
  body: z.output<typeof addAccountBody>,
): Promise<FlowState> {
  const { enterprise } = await enterpriseAccess(deps.db, userId, enterpriseId);
  const account = normalizeAccount(body.account);
  requireHostedPhone(body.loginType, account);
  if (await accountExists(deps.db, enterpriseId, account)) {
    throw new AppError(409, AccountErrorCodes.accountExists, '已有的账号无需重复添加');
  }
  await forgetOldFlows(deps.db, userId);
  const found = await bureau(() => deps.etax.lookupRelations({ account, taxId: enterprise.taxId }));
  const target = { taxId: enterprise.taxId, channel: body.business, role: body.role };
  const typed = { account, by: { userId } };
  if (body.method === 'qr') {
    // A QR login does not check the password we are about to save: the bureau checks it first.
    await bureau(() =>
      guardAttempt(deps, log, typed, () => deps.etax.verifyPassword({ account, password: body.password })),
    );
  }
  const step = await bureau(() =>
    body.method === 'qr'
      ? deps.etax.startQrLogin({ ...target, app: body.qrApp, account })
      : guardAttempt(deps, log, typed, () => deps.etax.startLogin({ ...target, account, password: body.password })),
  );
  const { person } = found;
  const flow = newFlow({
    tenantId: enterprise.tenantId,
    enterpriseId,
    userId,
    accountId: null,
    purpose: 'add_account',
    channel: body.business,
    method: body.method,
    loginType: body.loginType,
    account,
    draft: {
      role: body.role,
      personName: person.name,
      personKey: sha256(`${person.idType}|${person.maskedIdNumber}|${person.name}`),
    },
    passwordEnc: deps.secrets.encrypt(body.password),
  });
  return advance(deps, log, flow, step);
}

function chooseChannel(permissions: Channel[], asked: Channel | undefined): Channel {
  if (asked) {
    if (!permissions.includes(asked)) {
      throw new AppError(400, AccountErrorCodes.channelRequired, `该账号没有${CHANNEL_LABELS[asked]}权限`);
    }
    return asked;
  }
  if (permissions.length === 1) return permissions[0];
  throw new AppError(400, AccountErrorCodes.channelRequired, '请选择开票业务或收票业务');
}

/** 登录 / 认证 (F16, F17) and 更换微信 (F9) of an existing account. */
export async function startAccountFlow(
  deps: Deps,
  log: Log,
  userId: string,
  accountId: string,
  body: z.output<typeof accountFlowBody>,
): Promise<FlowState> {
  const access = await authorize(
    deps.db,
    userId,
    accountId,
    body.purpose === 'change_wechat' ? 'changeWechat' : 'login',
  );
  if (body.purpose !== 'change_wechat') return startFlowFor(deps, log, { userId, loginRequestId: null }, access, body);
  // 更换微信 is guarded (soter.ts): the holder's finger or face first, when the device has one.
  const biometric = await confirmAct(deps, userId, 'change_wechat', body.soter);
  const state = await startFlowFor(deps, log, { userId, loginRequestId: null }, access, body);
  await recordGuardedStart(deps.db, {
    action: 'change_wechat_start',
    actorUserId: userId,
    enterprise: access.enterprise,
    account: access.account,
    affectedUserId: access.boundUserId,
    biometric,
  });
  return state;
}

/** Who types the password or code of a flow, for the lock-out guard (lockout.ts). */
const callerOf = (owner: FlowFor) =>
  owner.userId ? { userId: owner.userId } : { loginRequestId: owner.loginRequestId ?? '' };

/** Who a new flow is for: a WeChat user, a login request (F15; without a user: its link or automatic login), or both. */
export interface FlowFor {
  userId: string | null;
  loginRequestId: string | null;
}

/**
 * 登录 / 认证 / 更换微信 of an account the caller was found to be allowed to operate: by
 * permissions.ts (startAccountFlow), or by the login request the flow answers (login-requests.ts).
 */
export async function startFlowFor(
  deps: Deps,
  log: Log,
  owner: FlowFor,
  access: { account: AccountRow; enterprise: EnterpriseRow },
  body: z.output<typeof accountFlowBody>,
): Promise<FlowState> {
  const { account, enterprise } = access;
  if (body.purpose !== 'change_wechat' && account.lockedAt) {
    throw new AppError(
      423,
      AccountErrorCodes.accountLocked,
      `该账号已锁定（${account.lockReason ?? '自动登录失败'}），请先解锁`,
    );
  }
  if (owner.userId) await forgetOldFlows(deps.db, owner.userId);
  const common = {
    tenantId: account.tenantId,
    enterpriseId: enterprise.id,
    userId: owner.userId,
    loginRequestId: owner.loginRequestId,
    accountId: account.id,
    loginType: account.loginType,
    account: account.account,
    draft: null,
  };

  if (body.purpose === 'auth') {
    const qr = await bureau(() =>
      deps.etax.startAuth({ account: account.account, taxId: enterprise.taxId, app: body.qrApp }),
    );
    const flow = {
      ...newFlow({ ...common, purpose: 'auth', channel: null, method: 'qr', passwordEnc: null }),
      gatewayTicket: qr.ticket,
    };
    return save(deps.db, flow, { step: 'face', qr: await qrView(qr) });
  }

  const target = { taxId: enterprise.taxId, role: account.role };
  if (body.purpose === 'change_wechat') {
    // The holder proves it: the account, their password and the SMS code (PRODUCT.md F9).
    if (!body.password) throw errors.validation('请输入电子税局密码');
    const password = body.password;
    const channel = body.channel && account.permissions.includes(body.channel) ? body.channel : account.permissions[0];
    const step = await bureau(() =>
      guardAttempt(deps, log, { account: account.account, by: callerOf(owner) }, () =>
        deps.etax.startLogin({ ...target, channel, account: account.account, password }),
      ),
    );
    const flow = newFlow({ ...common, purpose: 'change_wechat', channel, method: 'password', passwordEnc: null });
    return advance(deps, log, flow, step);
  }

  const channel = chooseChannel(account.permissions, body.channel);
  let step: LoginStep;
  try {
    step =
      body.method === 'qr'
        ? await deps.etax.startQrLogin({ ...target, channel, app: body.qrApp, account: account.account })
        : await deps.etax.startLogin({
            ...target,
            channel,
            account: account.account,
            password: deps.secrets.decrypt(account.passwordEnc),
          });
  } catch (err) {
    if (err instanceof EtaxError) {
      await lockIfHosted(deps.db, account, err);
      throw etaxToAppError(err);
    }
    throw err;
  }
  const flow = newFlow({ ...common, purpose: 'login', channel, method: body.method, passwordEnc: null });
  return advance(deps, log, flow, step);
}

/**
 * 申请绑定数电配置管理员 (F10): 提交验证 with the account and password of the enterprise's 法定代表人
 * or 财务负责人; the SMS step and 登录 follow as in any flow, and completeAdmin makes the user an
 * admin. Anyone the bureau knows in another 身份 is refused here, before an SMS is sent.
 */
export async function startAdminFlow(
  deps: Deps,
  log: Log,
  userId: string,
  enterpriseId: string,
  body: z.output<typeof adminFlowBody>,
): Promise<FlowState> {
  const { enterprise } = await assertMayApply(deps.db, userId, enterpriseId);
  // Becoming 数电配置管理员 is guarded (soter.ts): the finger or face first, when the device has one.
  const biometric = await confirmAct(deps, userId, 'become_admin', body.soter);
  const account = normalizeAccount(body.account);
  await forgetOldFlows(deps.db, userId);
  const { relations } = await bureau(() => deps.etax.lookupRelations({ account, taxId: enterprise.taxId }));
  const relation = adminRelation(relations);
  // Any business of the 身份 will do: the login is only the proof.
  const channel = relation.permissions[0] ?? 'issue';
  const step = await bureau(() =>
    guardAttempt(deps, log, { account, by: { userId } }, () =>
      deps.etax.startLogin({ taxId: enterprise.taxId, channel, role: relation.role, account, password: body.password }),
    ),
  );
  const flow = newFlow({
    tenantId: enterprise.tenantId,
    enterpriseId,
    userId,
    accountId: null,
    purpose: 'admin',
    channel,
    method: 'password',
    loginType: 'manual',
    account,
    draft: null,
    passwordEnc: null,
  });
  const state = await advance(deps, log, flow, step);
  await recordGuardedStart(deps.db, {
    action: 'admin_apply_start',
    actorUserId: userId,
    enterprise,
    account: null,
    affectedUserId: null,
    biometric,
  });
  return state;
}

/**
 * Hosted accounts log in without a person, so a stored password the bureau refuses would be tried
 * again and again: the account is locked instead (F14) until someone unlocks it.
 */
async function lockIfHosted(db: Db, account: { id: string; loginType: LoginType }, err: EtaxError) {
  if (!isHosted(account.loginType)) return;
  if (err.kind === 'wrong_password') await lockAccount(db, account.id, '密码错误', true);
  if (err.kind === 'locked') await lockAccount(db, account.id, '电子税局账号已锁定', false);
}

// ---- Continuing flows ------------------------------------------------------------------------------

/**
 * Who continues a flow: the WeChat user driving it (their id), or — for a flow without a user — the
 * login request it answers (its browser link, F18, or its automatic login, F14).
 */
export type FlowOwner = string | { loginRequestId: string };

async function loadFlow(db: Db, owner: FlowOwner, flowId: string): Promise<FlowRow> {
  const ownedBy =
    typeof owner === 'string'
      ? eq(loginFlows.userId, owner)
      : and(eq(loginFlows.loginRequestId, owner.loginRequestId), isNull(loginFlows.userId));
  const [flow] = await db
    .select()
    .from(loginFlows)
    .where(and(eq(loginFlows.id, flowId), ownedBy));
  if (!flow) throw errors.notFound('该操作不存在或已结束，请重新开始');
  return flow;
}

/** Takes the flow's lease; null when another call holds it. */
async function claim(deps: Deps, flow: FlowRow): Promise<FlowRow | null> {
  const now = new Date();
  const lease = new Date(now.getTime() + 2 * deps.config.ETAX_TIMEOUT_MS + 5_000);
  const [row] = await deps.db
    .update(loginFlows)
    .set({ busyUntil: lease })
    .where(and(eq(loginFlows.id, flow.id), or(isNull(loginFlows.busyUntil), lt(loginFlows.busyUntil, now))))
    .returning();
  return row ?? null;
}

async function release(db: Db, flow: FlowRow) {
  await db.update(loginFlows).set({ busyUntil: null }).where(eq(loginFlows.id, flow.id));
}

const expired = (flow: FlowRow) => flow.expiresAt.getTime() <= Date.now();
const expire = (db: Db, flow: FlowRow) => fail(db, flow, FlowFailureCodes.expired, '操作已超时，请重新开始');

function gatewayFlowId(deps: Deps, flow: FlowRow): string {
  if (!flow.gatewayFlowEnc) throw new AppError(410, AccountErrorCodes.flowClosed, '该操作已结束，请重新开始');
  return deps.secrets.decrypt(flow.gatewayFlowEnc);
}

/** A bureau refusal during a flow: the flow ends or stays, the lease is freed; the error to answer. */
async function settle(deps: Deps, flow: FlowRow, err: unknown): Promise<unknown> {
  if (err instanceof FlowRefusal) {
    await fail(deps.db, flow, err.code, err.message);
    return err;
  }
  if (!(err instanceof EtaxError)) {
    await release(deps.db, flow);
    return err;
  }
  const ends = !RETRIABLE.includes(err.kind) || (flow.state.step === 'hosted_wait' && err.kind.startsWith('sms_code'));
  if (ends) {
    await fail(deps.db, flow, `etax_${err.kind}`, err.message);
    if (flow.purpose === 'login' && flow.accountId)
      await lockIfHosted(deps.db, { id: flow.accountId, loginType: flow.loginType }, err);
  } else {
    await release(deps.db, flow);
  }
  return etaxToAppError(err);
}

/** Runs one user action on a flow at one of these steps. */
async function act(
  deps: Deps,
  owner: FlowOwner,
  flowId: string,
  steps: FlowStep[],
  action: (flow: FlowRow) => Promise<FlowState>,
): Promise<FlowState> {
  const loaded = await loadFlow(deps.db, owner, flowId);
  if (!isTerminal(loaded.state.step) && expired(loaded)) await expire(deps.db, loaded);
  if (isTerminal(loaded.state.step) || expired(loaded)) {
    throw new AppError(410, AccountErrorCodes.flowClosed, '该操作已结束，请重新开始');
  }
  if (!steps.includes(loaded.state.step)) {
    throw new AppError(409, AccountErrorCodes.wrongStep, '当前步骤不可执行该操作，请按页面提示操作');
  }
  await recheck(deps.db, loaded);
  const flow = await claim(deps, loaded);
  if (!flow) throw new AppError(409, AccountErrorCodes.flowBusy, '上一步操作正在处理，请稍候');
  try {
    return await action(flow);
  } catch (err) {
    throw await settle(deps, flow, err);
  }
}

/** POST /flows/:id/sms — the 验证码. */
export function submitSmsCode(deps: Deps, log: Log, owner: FlowOwner, flowId: string, code: string) {
  const by = typeof owner === 'string' ? { userId: owner } : owner;
  return act(deps, owner, flowId, ['sms'], async (flow) =>
    advance(
      deps,
      log,
      flow,
      await guardAttempt(deps, log, { account: flow.account, by }, () =>
        deps.etax.submitSmsCode(gatewayFlowId(deps, flow), code),
      ),
    ),
  );
}

/** POST /flows/:id/sms/resend — 获取验证码 again (the bureau refuses before resendAt). */
export function resendSmsCode(deps: Deps, log: Log, owner: FlowOwner, flowId: string) {
  return act(deps, owner, flowId, ['sms', 'hosted_wait'], async (flow) =>
    advance(deps, log, flow, await deps.etax.resendSms(gatewayFlowId(deps, flow))),
  );
}

/** POST /flows/:id/real-name — 确认 runs the check; 取消 ends the login. */
export function answerRealName(deps: Deps, log: Log, owner: FlowOwner, flowId: string, confirm: boolean) {
  return act(deps, owner, flowId, ['real_name'], async (flow) => {
    const gatewayId = gatewayFlowId(deps, flow);
    if (confirm) return advance(deps, log, flow, await deps.etax.confirmRealName(gatewayId));
    await deps.etax.cancelRealName(gatewayId);
    return fail(deps.db, flow, FlowFailureCodes.realNameCancelled, '您已取消实名核验，本次登录失败');
  });
}

/** POST /flows/:id/agreement — 确认 signs the user agreement; declining ends the login. */
export function answerAgreement(deps: Deps, log: Log, owner: FlowOwner, flowId: string, sign: boolean) {
  return act(deps, owner, flowId, ['agreement'], async (flow) => {
    if (!sign) return fail(deps.db, flow, FlowFailureCodes.agreementDeclined, '未同意用户协议，本次登录失败');
    return advance(deps, log, flow, await deps.etax.signAgreement(gatewayFlowId(deps, flow)));
  });
}

/** POST /flows/:id/qr — 刷新二维码, optionally for the other app. */
export function refreshQr(deps: Deps, log: Log, owner: FlowOwner, flowId: string, app: QrApp | undefined) {
  return act(deps, owner, flowId, ['qr', 'face'], async (flow) => {
    if (flow.purpose !== 'auth')
      return advance(deps, log, flow, await deps.etax.refreshQr(gatewayFlowId(deps, flow), app));
    const { taxId } = await enterpriseOf(deps.db, flow.enterpriseId);
    const qr = await deps.etax.startAuth({ account: flow.account, taxId, app: app ?? flow.state.qr?.app });
    return save(deps.db, { ...flow, gatewayTicket: qr.ticket }, { step: 'face', qr: await qrView(qr) });
  });
}

/** DELETE /flows/:id — the user leaves the flow; a finished one stays as it is. */
export async function cancelFlow(deps: Deps, owner: FlowOwner, flowId: string): Promise<void> {
  const loaded = await loadFlow(deps.db, owner, flowId);
  if (isTerminal(loaded.state.step)) return;
  const flow = await claim(deps, loaded);
  if (!flow) throw new AppError(409, AccountErrorCodes.flowBusy, '上一步操作正在处理，请稍候');
  if (flow.state.step === 'real_name' && flow.gatewayFlowEnc && !expired(flow)) {
    // 取消 on the real-name screen is the bureau's own way out; anything else simply lapses there.
    await deps.etax.cancelRealName(gatewayFlowId(deps, flow)).catch(() => undefined);
  }
  await fail(deps.db, flow, FlowFailureCodes.cancelled, '已取消');
}

/**
 * GET /flows/:id — the current state. Steps that wait for something outside (a QR scan, a face
 * check, a hosted number's code) ask the bureau once per call; the others answer what is stored.
 */
export async function pollFlow(deps: Deps, log: Log, owner: FlowOwner, flowId: string): Promise<FlowState> {
  const loaded = await loadFlow(deps.db, owner, flowId);
  if (isTerminal(loaded.state.step)) return loaded.state;
  if (expired(loaded)) return expire(deps.db, loaded);
  await recheck(deps.db, loaded);
  if (!['qr', 'face', 'hosted_wait'].includes(loaded.state.step)) return loaded.state;
  const flow = await claim(deps, loaded);
  // Another call is asking the bureau right now: what we know is the answer.
  if (!flow) return loaded.state;
  try {
    return await pollStep(deps, log, flow);
  } catch (err) {
    const settled = await settle(deps, flow, err);
    if (!(settled instanceof AppError) || settled instanceof FlowRefusal) throw settled;
    const [after] = await deps.db
      .select({ state: loginFlows.state })
      .from(loginFlows)
      .where(eq(loginFlows.id, flow.id));
    // A poll never fails: it shows the flow failed, or the passing trouble next to the unchanged step.
    return after.state.step === 'failed'
      ? after.state
      : { ...after.state, error: { code: settled.code, message: settled.message } };
  }
}

async function pollStep(deps: Deps, log: Log, flow: FlowRow): Promise<FlowState> {
  if (flow.state.step === 'hosted_wait') {
    if (flow.hostedDeadline && flow.hostedDeadline.getTime() <= Date.now()) {
      return fail(deps.db, flow, FlowFailureCodes.hostedTimeout, '托管号码未收到验证码，请稍后重试或改用人工登录');
    }
    const provider = flow.loginType as Exclude<LoginType, 'manual'>;
    const code = await deps.etax.fetchHostedCode({
      provider,
      phone: flow.account,
      sentAfter: flow.smsSentAt ?? undefined,
    });
    if (!code) {
      await release(deps.db, flow);
      return flow.state;
    }
    return advance(deps, log, flow, await deps.etax.submitSmsCode(gatewayFlowId(deps, flow), code.code));
  }

  if (flow.purpose === 'auth') {
    const status = await deps.etax.pollAuth(flow.gatewayTicket ?? '');
    if (status.state === 'confirmed') return completeAuth(deps, flow, status.validUntil);
    const qr = flow.state.qr;
    if (!qr) return fail(deps.db, flow, AccountErrorCodes.flowClosed, '该操作已结束，请重新开始');
    return save(deps.db, flow, { step: 'face', qr: { ...qr, state: status.state } });
  }

  return advance(deps, log, flow, await deps.etax.pollLogin(gatewayFlowId(deps, flow)));
}

/** 认证 confirmed in the app: 已认证 until the bureau's validUntil. */
async function completeAuth(deps: Deps, flow: FlowRow, validUntil: Date | null): Promise<FlowState> {
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(etaxAccounts)
      .set({ authValidUntil: validUntil })
      .where(eq(etaxAccounts.id, flow.accountId ?? ''))
      .returning({ id: etaxAccounts.id });
    if (updated.length === 0) return fail(tx, flow, FlowFailureCodes.accountDeleted, '该账号已被删除');
    return save(tx, flow, { step: 'done', accountId: updated[0].id });
  });
}
