/**
 * Rules 1, 3, 4, 5: the ways into the bureau and what follows the second factor.
 *  - password + SMS code (seed 4.1 密码登录);
 *  - 短信登录 / 人脸登录 (§3.2, §4.1): 用户名 + SMS code, then a face check in the app
 *    (系统提示进行扫脸认证);
 *  - 扫脸登录 (§3.2): 用户名, then the face check; on the person's first login the password follows;
 *  - QR: a ticket scanned and confirmed in the 税务APP / 个人所得税APP.
 * A failed face check (§3.5/§4.4) offers the person's recent successful logins (at most 10), kept
 * here on every successful login.
 * After the second factor: 实名等级 below the minimum → the real-name check (confirm runs it,
 * cancel fails the login); then an unsigned agreement → sign it; then the session.
 */
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { Channel, Flow, QrApp, Role } from '../model';
import type { EtaxStore } from '../store';
import { assertNotLocked, checkPassword, clearWrongAttempts, requirePerson } from './accounts';
import { assertStage, describeStep, failFlow, getFlow, newFlow, type StepView } from './flows';
import { chooseRelation, requireEnterprise } from './relations';
import { isFirstLogin, recordRecentLogin } from './recent-logins';
import { openSession } from './sessions';
import { sendCode } from './sms';
import { createTicket, ticketState } from './tickets';

export interface LoginTarget {
  taxId: string;
  channel: Channel;
  role?: Role;
}

export function startPasswordLogin(
  store: EtaxStore,
  input: LoginTarget & { account: string; password: string },
): StepView {
  const enterprise = requireEnterprise(store.data, input.taxId);
  const person = requirePerson(store.data, input.account);
  checkPassword(store, person, input.password);
  const relation = chooseRelation(store.data, person, enterprise.taxId, input.role, input.channel);
  const flow = newFlow(store, {
    purpose: 'login',
    method: 'password',
    stage: 'sms',
    idNumber: person.idNumber,
    taxId: enterprise.taxId,
    role: relation.role,
    channel: input.channel,
  });
  sendCode(store, flow, person, 'login');
  return describeStep(store, flow);
}

/** 短信登录 and 扫脸登录 begin alike: the 用户名 names the person, who must not be locked. */
function startUsernameLogin(store: EtaxStore, input: LoginTarget & { account: string }, method: 'sms' | 'face') {
  const enterprise = requireEnterprise(store.data, input.taxId);
  const person = requirePerson(store.data, input.account);
  assertNotLocked(store, person);
  const relation = chooseRelation(store.data, person, enterprise.taxId, input.role, input.channel);
  const flow = newFlow(store, {
    purpose: 'login',
    method,
    stage: method,
    idNumber: person.idNumber,
    taxId: enterprise.taxId,
    role: relation.role,
    channel: input.channel,
  });
  return { flow, person, enterprise };
}

/** 短信登录 / 人脸登录: the 用户名 names the person, the code goes to their bound phone. */
export function startSmsLogin(store: EtaxStore, input: LoginTarget & { account: string }): StepView {
  const { flow, person } = startUsernameLogin(store, input, 'sms');
  sendCode(store, flow, person, 'login');
  return describeStep(store, flow);
}

/** 扫脸登录: the 用户名, then the face check in the app. */
export function startFaceLogin(store: EtaxStore, input: LoginTarget & { account: string }): StepView {
  const { flow, person, enterprise } = startUsernameLogin(store, input, 'face');
  const ticket = createTicket(store, {
    kind: 'auth',
    app: 'tax',
    taxId: enterprise.taxId,
    idNumber: person.idNumber,
    flowId: flow.id,
  });
  flow.ticket = ticket.ticket;
  return describeStep(store, flow);
}

/** A QR login; naming the account binds the ticket to that person, otherwise anyone related may take it. */
export function startQrLogin(store: EtaxStore, input: LoginTarget & { app: QrApp; account?: string }): StepView {
  const enterprise = requireEnterprise(store.data, input.taxId);
  let idNumber: string | undefined;
  let role = input.role;
  if (input.account) {
    const person = requirePerson(store.data, input.account);
    assertNotLocked(store, person);
    role = chooseRelation(store.data, person, enterprise.taxId, input.role, input.channel).role;
    idNumber = person.idNumber;
  }
  const flow = newFlow(store, {
    purpose: 'login',
    method: 'qr',
    stage: 'qr',
    idNumber,
    taxId: enterprise.taxId,
    role,
    channel: input.channel,
  });
  const ticket = createTicket(store, {
    kind: 'login',
    app: input.app,
    taxId: enterprise.taxId,
    idNumber,
    flowId: flow.id,
  });
  flow.ticket = ticket.ticket;
  return describeStep(store, flow);
}

/**
 * 刷新二维码: a new ticket for the `qr` or `face` stage, optionally for the other app; the old one is
 * withdrawn. After a failed face check it is 重新识别: a new face check.
 */
export function refreshQr(store: EtaxStore, flowId: string, app: QrApp | undefined): StepView {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'qr', 'face', 'face_failed');
  if (flow.stage === 'face_failed') flow.stage = 'face';
  const old = store.data.tickets[flow.ticket ?? ''];
  if (!old) throw new BureauError(BUREAU_CODES.flowClosed, MSG.flowClosed, 410);
  const ticket = createTicket(store, {
    kind: old.kind,
    app: app ?? old.app,
    taxId: old.taxId,
    idNumber: old.idNumber,
    flowId: flow.id,
  });
  delete store.data.tickets[old.ticket];
  flow.ticket = ticket.ticket;
  return describeStep(store, flow);
}

/** The SMS code of a login was right: SMS-only logins go on to the face check, the others onwards. */
export function afterLoginCode(store: EtaxStore, flow: Flow): StepView {
  if (flow.method === 'sms') {
    const ticket = createTicket(store, {
      kind: 'auth',
      app: 'tax',
      taxId: flow.taxId as string,
      idNumber: flow.idNumber,
      flowId: flow.id,
    });
    flow.stage = 'face';
    flow.ticket = ticket.ticket;
    return describeStep(store, flow);
  }
  return afterSecondFactor(store, flow);
}

/**
 * Polling a `qr` or `face` stage: once the ticket is confirmed the login moves on. An expired
 * ticket is shown as such; the caller may refresh it (refreshQr) while the flow lasts.
 */
export function afterScan(store: EtaxStore, flow: Flow): StepView {
  const t = store.data.tickets[flow.ticket ?? ''];
  const state = t ? ticketState(store, t) : undefined;
  if (state === 'failed') {
    flow.stage = 'face_failed';
    return describeStep(store, flow);
  }
  if (state !== 'confirmed') return describeStep(store, flow);
  if (flow.purpose === 'reset_password') {
    flow.stage = 'set_password';
    return describeStep(store, flow);
  }
  flow.idNumber ??= t?.confirmedBy;
  try {
    const person = store.data.persons[flow.idNumber as string];
    assertNotLocked(store, person);
    flow.role = chooseRelation(store.data, person, flow.taxId as string, flow.role, flow.channel).role;
  } catch (err) {
    if (err instanceof BureauError) failFlow(flow, err);
    throw err;
  }
  const person = store.data.persons[flow.idNumber as string];
  if (flow.method === 'face' && isFirstLogin(person)) {
    flow.stage = 'password';
    return describeStep(store, flow);
  }
  return afterSecondFactor(store, flow);
}

/** The password after the face of a first 扫脸登录; a wrong one counts towards the lock. */
export function submitLoginPassword(store: EtaxStore, flowId: string, password: string): StepView {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'password');
  checkPassword(store, store.data.persons[flow.idNumber as string], password);
  return afterSecondFactor(store, flow);
}

function afterSecondFactor(store: EtaxStore, flow: Flow): StepView {
  const person = store.data.persons[flow.idNumber as string];
  if (person.realNameLevel < store.timing.minRealNameLevel) {
    flow.stage = 'real_name';
    return describeStep(store, flow);
  }
  return afterRealName(store, flow);
}

function afterRealName(store: EtaxStore, flow: Flow): StepView {
  const person = store.data.persons[flow.idNumber as string];
  if (!person.agreementSigned) {
    flow.stage = 'agreement';
    return describeStep(store, flow);
  }
  return finishLogin(store, flow);
}

function finishLogin(store: EtaxStore, flow: Flow): StepView {
  const person = store.data.persons[flow.idNumber as string];
  const enterprise = requireEnterprise(store.data, flow.taxId as string);
  const relation = chooseRelation(store.data, person, enterprise.taxId, flow.role, flow.channel);
  const session = openSession(store, person, enterprise, relation, flow.channel as Channel);
  clearWrongAttempts(person);
  recordRecentLogin(store, person, session.taxId, session.role, session.channel);
  flow.sessionId = session.id;
  flow.stage = 'done';
  return describeStep(store, flow);
}

/** 确认 on the real-name screen runs the check (ITS 实名核验); a failure ends the login. */
export function confirmRealName(store: EtaxStore, flowId: string): StepView {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'real_name');
  const person = store.data.persons[flow.idNumber as string];
  if (person.failRealName) failFlow(flow, new BureauError(BUREAU_CODES.realNameFailed, MSG.realNameFailed, 403));
  person.realNameLevel = Math.max(person.realNameLevel, store.timing.minRealNameLevel);
  return afterRealName(store, flow);
}

/** 取消 or back on the real-name screen: the login fails. */
export function cancelRealName(
  store: EtaxStore,
  flowId: string,
): { flowId: string; step: 'cancelled'; message: string } {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'real_name');
  flow.stage = 'failed';
  flow.failure = { code: BUREAU_CODES.realNameCancelled, message: MSG.realNameCancelled };
  return { flowId, step: 'cancelled', message: MSG.realNameCancelled };
}

/** 确认 on the agreement dialog signs it (seed 4.2 存量户服务协议重签). */
export function signAgreement(store: EtaxStore, flowId: string): StepView {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'agreement');
  store.data.persons[flow.idNumber as string].agreementSigned = true;
  return finishLogin(store, flow);
}
