/**
 * Rule 8 (seed §3.6 忘记密码): 证件类型 + 证件号码 → 安全验证 → a new password under the bureau's policy.
 * The security check is 扫脸 (固定配置: always offered) or an SMS code to the bound phone (可选配置:
 * a region may switch it off, control API `POST /regions`). The password belongs to the person, so
 * every later login (any enterprise) uses it; a reset also lifts a lock.
 */
import { passwordPolicyError } from '../../../../types/validators';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { EtaxData, Flow, IdType, Person } from '../model';
import type { EtaxStore } from '../store';
import { clearWrongAttempts, hashPassword } from './accounts';
import { assertStage, describeStep, getFlow, newFlow, type StepView } from './flows';
import { sendCode } from './sms';
import { createTicket } from './tickets';

export const RESET_CHECKS = ['sms', 'face'] as const;
export type ResetCheck = (typeof RESET_CHECKS)[number];

/** Whether the region offers SMS in 忘记密码 (on unless switched off). */
export function smsResetOn(data: EtaxData, region: string): boolean {
  return data.regions[region]?.smsPasswordReset ?? true;
}

/** The checks 忘记密码 offers: 扫脸 always, SMS where the region has it on. */
export function resetChecks(data: EtaxData, region: string): ResetCheck[] {
  return smsResetOn(data, region) ? ['sms', 'face'] : ['face'];
}

/**
 * The regions whose rule applies to the person: the one named, or else every region of their
 * enterprises (SMS then only where all of them have it on).
 */
function regionsFor(data: EtaxData, person: Person, region: string | undefined): string[] {
  if (region) return [region];
  const taxIds = new Set(data.relations.filter((r) => r.idNumber === person.idNumber).map((r) => r.taxId));
  return [...taxIds].map((taxId) => data.enterprises[taxId]?.region).filter((r): r is string => !!r);
}

export function startPasswordReset(
  store: EtaxStore,
  input: { idType: IdType; idNumber: string; region?: string; check: ResetCheck },
): StepView {
  const person = store.data.persons[input.idNumber.trim().toUpperCase()];
  if (!person) throw new BureauError(BUREAU_CODES.userNotFound, MSG.userNotFound, 404);
  if (person.idType !== input.idType) throw new BureauError(BUREAU_CODES.userNotFound, MSG.idTypeMismatch, 404);
  if (input.check === 'sms' && !regionsFor(store.data, person, input.region).every((r) => smsResetOn(store.data, r))) {
    throw new BureauError(BUREAU_CODES.smsResetOff, MSG.smsResetOff, 403, { checks: ['face'] });
  }
  const flow = newFlow(store, {
    purpose: 'reset_password',
    method: 'reset',
    stage: input.check === 'sms' ? 'sms' : 'face',
    idNumber: person.idNumber,
  });
  if (input.check === 'sms') sendCode(store, flow, person, 'reset_password');
  else {
    // A face check in the 税务APP for no enterprise: confirmed (or failed) on the phone page.
    const ticket = createTicket(store, {
      kind: 'auth',
      app: 'tax',
      taxId: '',
      idNumber: person.idNumber,
      flowId: flow.id,
    });
    flow.ticket = ticket.ticket;
  }
  return describeStep(store, flow);
}

/** The code was right: the caller may now set the new password. */
export function afterResetCode(store: EtaxStore, flow: Flow): StepView {
  flow.stage = 'set_password';
  return describeStep(store, flow);
}

export function setNewPassword(store: EtaxStore, flowId: string, newPassword: string): StepView {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'set_password');
  const policy = passwordPolicyError(newPassword);
  if (policy) throw new BureauError(BUREAU_CODES.passwordPolicy, policy, 400);
  const person = store.data.persons[flow.idNumber as string];
  Object.assign(person, hashPassword(newPassword));
  clearWrongAttempts(person);
  flow.stage = 'done';
  return describeStep(store, flow);
}
