/**
 * Rule 8 (seed 3.6 忘记密码): 证件类型 + 证件号码 → a code to the bound phone → a new password under
 * the bureau's policy. The password belongs to the person, so every later login (any enterprise)
 * uses it; a reset also lifts a lock.
 */
import { passwordPolicyError } from '../../../../types/validators';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { Flow, IdType } from '../model';
import type { EtaxStore } from '../store';
import { clearWrongAttempts, hashPassword } from './accounts';
import { assertStage, describeStep, getFlow, newFlow, type StepView } from './flows';
import { sendCode } from './sms';

export function startPasswordReset(store: EtaxStore, input: { idType: IdType; idNumber: string }): StepView {
  const person = store.data.persons[input.idNumber.trim().toUpperCase()];
  if (!person) throw new BureauError(BUREAU_CODES.userNotFound, MSG.userNotFound, 404);
  if (person.idType !== input.idType) throw new BureauError(BUREAU_CODES.userNotFound, MSG.idTypeMismatch, 404);
  const flow = newFlow(store, { purpose: 'reset_password', method: 'reset', stage: 'sms', idNumber: person.idNumber });
  sendCode(store, flow, person, 'reset_password');
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
