/**
 * 修改密码 (F12, F13): 重置税局密码 and 已在税局修改，仅更新发票云, then 更新关联账号.
 *
 * Both are a password change kept in password_changes, so any instance continues it and answers
 * the progress page (types/passwords.ts has the steps and routes). Rules kept here:
 *  - only the account's bound user, or anyone when it is unbound, changes its password (F7 'password');
 *  - reset: the 证件 typed must be the holder's as the bureau knows them (the new password becomes
 *    theirs); 获取验证码 starts the bureau's 忘记密码 flow; hosted numbers get their code from the
 *    provider and the server submits it itself; where the region's bureau offers no SMS check (seed
 *    §3.6: SMS optional, 扫脸 fixed) the check is a face check in the 税务APP instead, for hosted
 *    numbers too; the new password must pass the policy (types/), then the bureau's own check;
 *  - sync: the password is checked by the bureau (verifyPassword) before anything is saved; a wrong
 *    one changes nothing and answers the bureau's words (attempts left);
 *  - once the bureau has the password, the same natural person's accounts in the tenant (the
 *    account itself first) are updated one by one, each in its own transaction with its own state:
 *    the bureau changed the person's password for every account, so nothing is verified again,
 *    the password is re-encrypted and stored and the account's 已锁定 lifted (F14). One failing
 *    undoes nothing; it is shown and can be retried. An older change never overwrites the password
 *    a newer one already stored (password_set_at orders them);
 *  - the new password is kept (encrypted) only until every item is done, for retries, at most a day.
 */
import { confirmAct } from './soter';
import { recordGuardedStart } from './audit';
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import { enterprises, etaxAccounts, passwordChangeItems, passwordChanges } from '../db/schema';
import { AppError, errors } from '../http/errors';
import type { AppContext } from '../context';
import { EtaxError, type HostedProvider, type PasswordResetStep, type SmsSentStep } from '../adapters/etax/types';
import { assertMayContinue, authorize, type AccountRow } from './permissions';
import { etaxToAppError, FLOW_TTL_MS, HOSTED_WAIT_MS } from './flows';
import { guardAttempt } from './lockout';
import { HOSTED_LOGIN_TYPES } from '../../types/domain';
import { maskAccount } from '../../types/validators';
import {
  PasswordErrorCodes,
  type PasswordChangeKind,
  type PasswordChangeState,
  type PasswordItem,
  type passwordResetBody,
} from '../../types/passwords';

/** How long failed items can be retried after the bureau took the new password. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** An item 'updating' for longer was left by an instance that stopped: another may take it. */
export const ITEM_LEASE_MS = 30_000;
/** What a failed item says; the cause is logged (without secrets), not shown. */
export const ITEM_FAILED_MESSAGE = '保存失败，请点击重试';

type Deps = Pick<AppContext, 'db' | 'config' | 'etax' | 'secrets' | 'wechat'>;
type Log = Pick<FastifyBaseLogger, 'warn'>;
type ChangeRow = typeof passwordChanges.$inferSelect;

// ---- Presenting ------------------------------------------------------------------------------------

/** The state the app shows: the stored head, the items, 'done' once no item is waiting. */
async function present(db: Db, change: ChangeRow): Promise<PasswordChangeState> {
  const rows = await db
    .select({
      accountId: passwordChangeItems.accountId,
      state: passwordChangeItems.state,
      error: passwordChangeItems.error,
      account: etaxAccounts.account,
      enterpriseName: enterprises.name,
      taxId: enterprises.taxId,
    })
    .from(passwordChangeItems)
    .innerJoin(etaxAccounts, eq(etaxAccounts.id, passwordChangeItems.accountId))
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .where(eq(passwordChangeItems.changeId, change.id))
    .orderBy(asc(passwordChangeItems.position));
  const items = rows.map((r): PasswordItem => ({
    accountId: r.accountId,
    maskedAccount: maskAccount(r.account),
    enterpriseName: r.enterpriseName,
    taxId: r.taxId,
    current: r.accountId === change.accountId,
    state: r.state,
    ...(r.state === 'failed' && r.error ? { error: r.error } : {}),
  }));
  const waiting = items.some((i) => i.state === 'pending' || i.state === 'updating');
  const step = change.state.step === 'updating' && !waiting ? 'done' : change.state.step;
  return { ...change.state, step, items };
}

// ---- Saving ------------------------------------------------------------------------------------------

/** Writes the change (insert or update) and frees its lease; a change that ended keeps no secret. */
async function saveChange(db: Db | Tx, change: ChangeRow): Promise<ChangeRow> {
  const ended = change.state.step === 'failed';
  const row: ChangeRow = {
    ...change,
    busyUntil: null,
    ...(ended ? { idNumberEnc: null, gatewayFlowEnc: null, passwordEnc: null } : {}),
  };
  const { id: _id, createdAt: _c, ...changes } = row;
  await db.insert(passwordChanges).values(row).onConflictDoUpdate({ target: passwordChanges.id, set: changes });
  return row;
}

/** The change with these parts of its state replaced; an earlier error goes unless one is given. */
function withState(change: ChangeRow, state: Partial<ChangeRow['state']>): ChangeRow {
  const next = { ...change.state, ...state };
  if (!('error' in state)) delete next.error;
  return { ...change, state: next };
}

function ended(change: ChangeRow, code: string, message: string): ChangeRow {
  return withState(change, { step: 'failed', error: { code, message } });
}

const expired = (change: ChangeRow) => change.expiresAt.getTime() <= Date.now();
const inCodeSteps = (change: ChangeRow) =>
  change.state.step === 'sms' || change.state.step === 'face' || change.state.step === 'password';
const isHostedChange = (change: ChangeRow) => HOSTED_LOGIN_TYPES.includes(change.loginType);

async function loadChange(db: Db, userId: string, changeId: string): Promise<ChangeRow> {
  const [change] = await db
    .select()
    .from(passwordChanges)
    .where(and(eq(passwordChanges.id, changeId), eq(passwordChanges.userId, userId)));
  if (!change) throw errors.notFound('该操作不存在或已结束，请重新开始');
  return change;
}

/** Changes of the user that expired a day ago or more are of no use any more. */
async function forgetOldChanges(db: Db, userId: string) {
  await db
    .delete(passwordChanges)
    .where(and(eq(passwordChanges.userId, userId), lt(passwordChanges.expiresAt, new Date(Date.now() - 86_400_000))));
}

function newChange(
  account: AccountRow,
  userId: string,
  kind: PasswordChangeKind,
  extra: Partial<ChangeRow> = {},
): ChangeRow {
  const now = new Date();
  return {
    id: randomUUID(),
    tenantId: account.tenantId,
    userId,
    accountId: account.id,
    personKey: account.personKey,
    kind,
    loginType: account.loginType,
    account: account.account,
    idType: null,
    idNumberEnc: null,
    gatewayFlowEnc: null,
    smsSentAt: null,
    hostedDeadline: null,
    passwordEnc: null,
    passwordSetAt: null,
    state: { changeId: '', kind, step: 'sms', expiresAt: '' },
    expiresAt: new Date(now.getTime() + FLOW_TTL_MS),
    busyUntil: null,
    createdAt: now,
    ...extra,
  };
}

function finalize(change: ChangeRow): ChangeRow {
  return {
    ...change,
    state: { ...change.state, changeId: change.id, kind: change.kind, expiresAt: change.expiresAt.toISOString() },
  };
}

// ---- Leases and bureau calls ---------------------------------------------------------------------------

/** Takes the change's lease; null when another call holds it. */
async function claim(deps: Deps, change: ChangeRow): Promise<ChangeRow | null> {
  const now = new Date();
  const lease = new Date(now.getTime() + 2 * deps.config.ETAX_TIMEOUT_MS + 5_000);
  const [row] = await deps.db
    .update(passwordChanges)
    .set({ busyUntil: lease })
    .where(
      and(eq(passwordChanges.id, change.id), or(isNull(passwordChanges.busyUntil), lt(passwordChanges.busyUntil, now))),
    )
    .returning();
  return row ?? null;
}

async function release(db: Db, change: ChangeRow) {
  await db.update(passwordChanges).set({ busyUntil: null }).where(eq(passwordChanges.id, change.id));
}

/**
 * Runs a bureau action on a change whose lease is held. A refusal frees the lease and leaves the
 * step as it was, so the user can try again (a wrong code, a weak password, 获取验证码 too soon),
 * except when the bureau closed its flow: then the change ends. The refusal is thrown as our error.
 */
async function withLease(deps: Deps, change: ChangeRow, action: () => Promise<ChangeRow>): Promise<ChangeRow> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof EtaxError && err.kind === 'flow_closed') {
      await saveChange(deps.db, ended(change, `etax_${err.kind}`, err.message));
    } else {
      await release(deps.db, change);
    }
    throw err instanceof EtaxError ? etaxToAppError(err) : err;
  }
}

/** A bureau call made before a change exists: a refusal simply answers the request. */
async function bureau<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw err instanceof EtaxError ? etaxToAppError(err) : err;
  }
}

/** One user action on a change at one of these steps (reset only). */
async function act(
  deps: Deps,
  userId: string,
  changeId: string,
  steps: ChangeRow['state']['step'][],
  action: (change: ChangeRow) => Promise<ChangeRow>,
): Promise<PasswordChangeState> {
  let loaded = await loadChange(deps.db, userId, changeId);
  if (inCodeSteps(loaded) && expired(loaded)) loaded = await expire(deps.db, loaded);
  if (loaded.state.step === 'failed') {
    throw new AppError(410, PasswordErrorCodes.changeClosed, '该操作已结束，请重新开始');
  }
  if (!steps.includes(loaded.state.step)) {
    throw new AppError(409, PasswordErrorCodes.wrongStep, '当前步骤不可执行该操作，请按页面提示操作');
  }
  await recheck(deps.db, loaded);
  const change = await claim(deps, loaded);
  if (!change) throw new AppError(409, PasswordErrorCodes.busy, '上一步操作正在处理，请稍候');
  return present(deps.db, await withLease(deps, change, () => action(change)));
}

/**
 * Every step: the user must still be allowed to change the account's password (permissions.ts);
 * a change they may no longer continue ends with the refusal, which is thrown.
 */
async function recheck(db: Db, change: ChangeRow): Promise<void> {
  try {
    await assertMayContinue(db, { kind: 'password', userId: change.userId, accountId: change.accountId });
  } catch (err) {
    if (err instanceof AppError && change.state.step !== 'failed') {
      await saveChange(db, ended(change, err.code, err.message));
    }
    throw err;
  }
}

function expire(db: Db, change: ChangeRow): Promise<ChangeRow> {
  return saveChange(db, ended(change, PasswordErrorCodes.changeClosed, '操作已超时，请重新开始'));
}

function gatewayFlowId(deps: Deps, change: ChangeRow): string {
  if (!change.gatewayFlowEnc) throw new AppError(409, PasswordErrorCodes.codeNotSent, '请先获取验证码');
  return deps.secrets.decrypt(change.gatewayFlowEnc);
}

// ---- 重置税局密码 (F12) ----------------------------------------------------------------------------------

/** "6501****1234" (any masking with *) is this full number. */
function matchesMasked(masked: string, full: string): boolean {
  const head = masked.slice(0, masked.indexOf('*') < 0 ? masked.length : masked.indexOf('*'));
  const tail = masked.slice(masked.lastIndexOf('*') + 1);
  return full.length >= head.length + tail.length && full.startsWith(head) && full.endsWith(tail);
}

/** 下一步 on the 身份认证 page: the 证件 must be the account holder's; no SMS yet. */
export async function startReset(
  deps: Deps,
  userId: string,
  accountId: string,
  body: z.output<typeof passwordResetBody>,
): Promise<PasswordChangeState> {
  const { account, enterprise, boundUserId } = await authorize(deps.db, userId, accountId, 'password');
  // 重置税局密码 is guarded (soter.ts): the finger or face first, when the device has one.
  const biometric = await confirmAct(deps, userId, 'reset_password', body.soter);
  const { person } = await bureau(() =>
    deps.etax.lookupRelations({ account: account.account, taxId: enterprise.taxId }),
  );
  if (person.idType !== body.idType || !matchesMasked(person.maskedIdNumber, body.idNumber)) {
    throw new AppError(400, PasswordErrorCodes.idMismatch, '证件信息与该账号的实名信息不一致，请核对后重新输入');
  }
  const checks = await bureau(() => deps.etax.passwordResetChecks(enterprise.region));
  await forgetOldChanges(deps.db, userId);
  const change = finalize(
    newChange(account, userId, 'reset', {
      idType: body.idType,
      idNumberEnc: deps.secrets.encrypt(body.idNumber),
    }),
  );
  await recordGuardedStart(deps.db, {
    action: 'password_reset_start',
    actorUserId: userId,
    enterprise,
    account,
    affectedUserId: boundUserId,
    biometric,
  });
  if (!checks.includes('sms')) return present(deps.db, await saveChange(deps.db, withState(change, { step: 'face' })));
  const hosted = isHostedChange(change);
  return present(deps.db, await saveChange(deps.db, withState(change, { sms: { hosted, filled: false } })));
}

// ---- 扫脸验证 where the region offers no SMS (seed §3.6) ---------------------------------------------------

async function regionOf(db: Db, accountId: string): Promise<string> {
  const [row] = await db
    .select({ region: enterprises.region })
    .from(etaxAccounts)
    .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
    .where(eq(etaxAccounts.id, accountId));
  if (!row) throw new AppError(410, PasswordErrorCodes.changeClosed, '该操作已结束，请重新开始');
  return row.region;
}

/** What the bureau answered about the face check: the QR to confirm, a failure to retry, or on. */
async function afterFace(deps: Deps, change: ChangeRow, step: PasswordResetStep): Promise<ChangeRow> {
  const flow = { ...change, gatewayFlowEnc: deps.secrets.encrypt(step.flowId), idNumberEnc: null };
  switch (step.step) {
    case 'needs_face': {
      const { qr } = step;
      const image = qr.image ?? (await QRCode.toDataURL(qr.payload, { margin: 1, width: 240 }));
      const face = { image, app: qr.app, expiresAt: qr.expiresAt.toISOString(), state: qr.state };
      return saveChange(deps.db, withState(flow, { step: 'face', face }));
    }
    case 'face_failed': {
      const face = change.state.face ? { ...change.state.face, state: 'failed' as const } : undefined;
      return saveChange(
        deps.db,
        withState(flow, { step: 'face', face, error: { code: 'etax_face_failed', message: step.message } }),
      );
    }
    case 'set_password':
      return saveChange(deps.db, withState(flow, { step: 'password', face: undefined }));
    default:
      throw new AppError(409, PasswordErrorCodes.wrongStep, '当前步骤不可执行该操作，请按页面提示操作');
  }
}

/** 开始扫脸验证, and 重新验证 after a failed or expired face check. */
export function startFaceCheck(deps: Deps, userId: string, changeId: string): Promise<PasswordChangeState> {
  return act(deps, userId, changeId, ['face'], async (change) => {
    if (change.gatewayFlowEnc) {
      return afterFace(deps, change, await deps.etax.retryPasswordResetFace(gatewayFlowId(deps, change)));
    }
    if (!change.idType || !change.idNumberEnc)
      throw new AppError(410, PasswordErrorCodes.changeClosed, '该操作已结束，请重新开始');
    const step = await deps.etax.startPasswordReset({
      idType: change.idType,
      idNumber: deps.secrets.decrypt(change.idNumberEnc),
      region: await regionOf(deps.db, change.accountId ?? ''),
      check: 'face',
    });
    return afterFace(deps, change, step);
  });
}

/** A face check is under way: ask the bureau whether the holder confirmed it. */
const waitsForFace = (change: ChangeRow) =>
  change.state.step === 'face' &&
  change.gatewayFlowEnc !== null &&
  (change.state.face?.state === 'pending' || change.state.face?.state === 'scanned');

/** What the bureau answered after a code: on to 新密码, or (rarely) a new code was sent. */
function afterCode(deps: Deps, change: ChangeRow, step: PasswordResetStep, filled: boolean): Promise<ChangeRow> {
  if (step.step === 'sms_sent') return saveChange(deps.db, codeSent(deps, change, step));
  const sms = { hosted: isHostedChange(change), ...change.state.sms, filled };
  return saveChange(deps.db, withState(change, { step: 'password', sms }));
}

function codeSent(deps: Deps, change: ChangeRow, step: SmsSentStep): ChangeRow {
  const hosted = isHostedChange(change);
  return withState(
    {
      ...change,
      gatewayFlowEnc: deps.secrets.encrypt(step.flowId),
      // Only the first 获取验证码 needs the 证件号码.
      idNumberEnc: null,
      smsSentAt: step.sentAt,
      hostedDeadline: hosted ? new Date(Date.now() + HOSTED_WAIT_MS) : null,
    },
    { sms: { hosted, filled: false, maskedPhone: step.maskedPhone, resendAt: step.resendAt.toISOString() } },
  );
}

/** Hosted numbers: asks the provider once for the code and, when it arrived, submits it for the user. */
async function fillHostedCode(deps: Deps, change: ChangeRow): Promise<ChangeRow> {
  if (change.hostedDeadline && change.hostedDeadline.getTime() <= Date.now()) {
    return saveChange(
      deps.db,
      withState(change, {
        error: { code: PasswordErrorCodes.hostedTimeout, message: '托管号码未收到验证码，请重新获取验证码' },
      }),
    );
  }
  const code = await deps.etax.fetchHostedCode({
    provider: change.loginType as HostedProvider,
    phone: change.account,
    sentAfter: change.smsSentAt ?? undefined,
  });
  if (!code) return saveChange(deps.db, change);
  return afterCode(deps, change, await deps.etax.submitPasswordResetCode(gatewayFlowId(deps, change), code.code), true);
}

const waitsForHostedCode = (change: ChangeRow) =>
  change.state.step === 'sms' &&
  isHostedChange(change) &&
  change.gatewayFlowEnc !== null &&
  change.state.error?.code !== PasswordErrorCodes.hostedTimeout;

/** 获取验证码: the bureau sends the code (again after resendAt); hosted numbers fill it in themselves. */
export function sendResetCode(deps: Deps, userId: string, changeId: string): Promise<PasswordChangeState> {
  return act(deps, userId, changeId, ['sms'], async (change) => {
    let step: PasswordResetStep;
    if (change.gatewayFlowEnc) step = await deps.etax.resendSms(gatewayFlowId(deps, change));
    else {
      if (!change.idType || !change.idNumberEnc)
        throw new AppError(410, PasswordErrorCodes.changeClosed, '该操作已结束，请重新开始');
      step = await deps.etax.startPasswordReset({
        idType: change.idType,
        idNumber: deps.secrets.decrypt(change.idNumberEnc),
      });
    }
    if (step.step !== 'sms_sent') return afterCode(deps, change, step, false);
    const sent = codeSent(deps, change, step);
    return isHostedChange(sent) ? fillHostedCode(deps, sent) : saveChange(deps.db, sent);
  });
}

/** 下一步 with the 验证码. */
export function submitResetCode(deps: Deps, log: Log, userId: string, changeId: string, code: string) {
  return act(deps, userId, changeId, ['sms'], async (change) =>
    afterCode(
      deps,
      change,
      await guardAttempt(deps, log, { account: change.account, by: { userId } }, () =>
        deps.etax.submitPasswordResetCode(gatewayFlowId(deps, change), code),
      ),
      false,
    ),
  );
}

/** 确定 on the 重置密码 page: the bureau sets the new password, then the related accounts are updated. */
export function setNewPassword(deps: Deps, log: Log, userId: string, changeId: string, newPassword: string) {
  return act(deps, userId, changeId, ['password'], async (change) => {
    await deps.etax.resetPassword(gatewayFlowId(deps, change), newPassword);
    return takeNewPassword(deps, log, change, newPassword);
  });
}

// ---- 已在税局修改，仅更新发票云 (F13) ------------------------------------------------------------------------

/** 确定: the bureau checks the password first; a wrong one saves nothing. */
export async function syncPassword(
  deps: Deps,
  log: Log,
  userId: string,
  accountId: string,
  password: string,
): Promise<PasswordChangeState> {
  const { account } = await authorize(deps.db, userId, accountId, 'password');
  await bureau(() =>
    guardAttempt(deps, log, { account: account.account, by: { userId } }, () =>
      deps.etax.verifyPassword({ account: account.account, password }),
    ),
  );
  await forgetOldChanges(deps.db, userId);
  const change = finalize(newChange(account, userId, 'sync'));
  return present(deps.db, await takeNewPassword(deps, log, change, password));
}

// ---- 更新关联账号 -------------------------------------------------------------------------------------------

/**
 * The bureau has the new password: keep it (encrypted, for retries), list the same person's
 * accounts in the tenant as items, the current one first, then update them.
 */
async function takeNewPassword(deps: Deps, log: Log, change: ChangeRow, password: string): Promise<ChangeRow> {
  const now = new Date();
  const taken = finalize(
    withState(
      {
        ...change,
        gatewayFlowEnc: null,
        idNumberEnc: null,
        passwordEnc: deps.secrets.encrypt(password),
        passwordSetAt: now,
        expiresAt: new Date(now.getTime() + RETRY_WINDOW_MS),
      },
      { step: 'updating' },
    ),
  );
  await deps.db.transaction(async (tx) => {
    await saveChange(tx, taken);
    const related = await tx
      .select({ id: etaxAccounts.id, enterpriseName: enterprises.name, account: etaxAccounts.account })
      .from(etaxAccounts)
      .innerJoin(enterprises, eq(enterprises.id, etaxAccounts.enterpriseId))
      .where(and(eq(etaxAccounts.tenantId, change.tenantId), eq(etaxAccounts.personKey, change.personKey)));
    const ordered = related.sort(
      (a, b) =>
        Number(b.id === change.accountId) - Number(a.id === change.accountId) ||
        a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') ||
        a.account.localeCompare(b.account),
    );
    if (ordered.length === 0) return;
    await tx
      .insert(passwordChangeItems)
      .values(
        ordered.map((a, position) => ({ changeId: taken.id, accountId: a.id, tenantId: taken.tenantId, position })),
      );
  });
  await runItems(deps, log, taken);
  return taken;
}

const claimable = () =>
  or(
    eq(passwordChangeItems.state, 'pending'),
    and(eq(passwordChangeItems.state, 'updating'), lt(passwordChangeItems.leaseUntil, new Date())),
  );

/** Updates the change's waiting items one by one, in order; items another instance holds are left to it. */
async function runItems(deps: Deps, log: Log, change: ChangeRow): Promise<void> {
  const waiting = await deps.db
    .select({ accountId: passwordChangeItems.accountId })
    .from(passwordChangeItems)
    .where(and(eq(passwordChangeItems.changeId, change.id), claimable()))
    .orderBy(asc(passwordChangeItems.position));
  for (const { accountId } of waiting) {
    const key = and(eq(passwordChangeItems.changeId, change.id), eq(passwordChangeItems.accountId, accountId));
    const [claimed] = await deps.db
      .update(passwordChangeItems)
      .set({ state: 'updating', leaseUntil: new Date(Date.now() + ITEM_LEASE_MS), updatedAt: new Date() })
      .where(and(key, claimable()))
      .returning({ accountId: passwordChangeItems.accountId });
    if (claimed) await updateItem(deps, log, change, accountId);
  }
  // Every related account has it: the password need not be kept any longer.
  await deps.db
    .update(passwordChanges)
    .set({ passwordEnc: null })
    .where(
      and(
        eq(passwordChanges.id, change.id),
        sql`not exists (select 1 from password_change_items i where i.change_id = ${change.id} and i.state <> 'done')`,
      ),
    );
}

/** Stores the new password for one account and lifts its lock; a failure marks only this item. */
async function updateItem(deps: Deps, log: Log, change: ChangeRow, accountId: string): Promise<void> {
  const key = and(eq(passwordChangeItems.changeId, change.id), eq(passwordChangeItems.accountId, accountId));
  try {
    if (!change.passwordEnc || !change.passwordSetAt) throw new Error('no password to store');
    const password = deps.secrets.decrypt(change.passwordEnc);
    // A newer change already stored its password here: that one is the bureau's now.
    const newer = sql`exists (select 1 from password_change_items i join password_changes c on c.id = i.change_id
      where i.account_id = ${accountId} and i.state = 'done' and c.password_set_at > ${change.passwordSetAt.toISOString()}::timestamptz)`;
    await deps.db.transaction(async (tx) => {
      await tx
        .update(etaxAccounts)
        .set({
          passwordEnc: deps.secrets.encrypt(password),
          passwordKeyId: deps.secrets.keyId,
          lockedAt: null,
          lockReason: null,
          lockedByPassword: false,
        })
        .where(and(eq(etaxAccounts.id, accountId), sql`not ${newer}`));
      await tx
        .update(passwordChangeItems)
        .set({ state: 'done', error: null, leaseUntil: null, updatedAt: new Date() })
        .where(key);
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    log.warn({ changeId: change.id, accountId, code: cause?.code }, 'password change: account not updated');
    await deps.db
      .update(passwordChangeItems)
      .set({ state: 'failed', error: ITEM_FAILED_MESSAGE, leaseUntil: null, updatedAt: new Date() })
      .where(key);
  }
}

/** 重试 of one failed item (or one left 'updating' by a stopped instance). */
export async function retryItem(
  deps: Deps,
  log: Log,
  userId: string,
  changeId: string,
  accountId: string,
): Promise<PasswordChangeState> {
  const change = await loadChange(deps.db, userId, changeId);
  await recheck(deps.db, change);
  const key = and(eq(passwordChangeItems.changeId, change.id), eq(passwordChangeItems.accountId, accountId));
  const [item] = await deps.db.select().from(passwordChangeItems).where(key);
  if (!item) throw errors.notFound('该账号不在本次更新之列');
  const stale = item.state === 'updating' && (item.leaseUntil?.getTime() ?? 0) < Date.now();
  if (item.state !== 'failed' && !stale) {
    throw new AppError(409, PasswordErrorCodes.nothingToRetry, '该账号无需重试');
  }
  if (!change.passwordEnc || expired(change)) {
    throw new AppError(
      410,
      PasswordErrorCodes.changeClosed,
      '已超过可重试的时间，请使用“已在税局修改，仅更新发票云”重新保存密码',
    );
  }
  await deps.db
    .update(passwordChangeItems)
    .set({ state: 'pending', error: null, leaseUntil: null, updatedAt: new Date() })
    .where(and(key, or(eq(passwordChangeItems.state, 'failed'), claimable())));
  await runItems(deps, log, change);
  return present(deps.db, change);
}

// ---- Polling -------------------------------------------------------------------------------------------

/**
 * GET /password-changes/:id — the current state. A hosted number's code is asked for once per
 * call; items left waiting (an instance stopped mid-way) are taken up again. A poll never fails
 * on a passing bureau trouble: it answers the unchanged step with `error`.
 */
export async function pollChange(deps: Deps, log: Log, userId: string, changeId: string): Promise<PasswordChangeState> {
  let change = await loadChange(deps.db, userId, changeId);
  if (inCodeSteps(change) && expired(change)) return present(deps.db, await expire(deps.db, change));
  if (change.state.step !== 'failed') await recheck(deps.db, change);
  if (waitsForFace(change)) {
    const claimed = await claim(deps, change);
    if (claimed) {
      try {
        change = await withLease(deps, claimed, async () =>
          afterFace(deps, claimed, await deps.etax.pollPasswordReset(gatewayFlowId(deps, claimed))),
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const state = await present(deps.db, await loadChange(deps.db, userId, changeId));
        return state.step === 'failed' ? state : { ...state, error: { code: err.code, message: err.message } };
      }
    }
  }
  if (waitsForHostedCode(change)) {
    const claimed = await claim(deps, change);
    if (claimed) {
      try {
        change = await withLease(deps, claimed, () => fillHostedCode(deps, claimed));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const state = await present(deps.db, await loadChange(deps.db, userId, changeId));
        return state.step === 'failed' ? state : { ...state, error: { code: err.code, message: err.message } };
      }
    }
  }
  if (change.passwordSetAt) {
    if (expired(change) && change.passwordEnc) {
      // Past the retry window the password is not kept any longer.
      await deps.db.update(passwordChanges).set({ passwordEnc: null }).where(eq(passwordChanges.id, change.id));
    } else if (change.passwordEnc) {
      await runItems(deps, log, change);
    }
  }
  return present(deps.db, change);
}
