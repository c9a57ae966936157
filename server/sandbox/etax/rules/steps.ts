/**
 * The steps every flow shares: submit the SMS code, resend it, poll. Each hands over to the rule
 * file of the flow's purpose once its own step is done.
 */
import type { EtaxStore } from '../store';
import { assertNotLocked } from './accounts';
import { assertStage, describeStep, getFlow, type StepView } from './flows';
import { afterLoginCode, afterScan } from './login';
import { afterResetCode } from './password-reset';
import { sendCode, verifyCode } from './sms';

export function submitSmsCode(store: EtaxStore, flowId: string, code: string): StepView {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'sms');
  const person = store.data.persons[flow.idNumber as string];
  if (flow.purpose === 'login') assertNotLocked(store, person);
  verifyCode(store, flow, person, code);
  return flow.purpose === 'login' ? afterLoginCode(store, flow) : afterResetCode(store, flow);
}

export function resendSmsCode(store: EtaxStore, flowId: string): StepView {
  const flow = getFlow(store, flowId);
  assertStage(flow, 'sms');
  sendCode(store, flow, store.data.persons[flow.idNumber as string], flow.purpose);
  return describeStep(store, flow);
}

export function pollFlow(store: EtaxStore, flowId: string): StepView {
  const flow = getFlow(store, flowId);
  if (flow.stage === 'qr' || flow.stage === 'face') return afterScan(store, flow);
  return describeStep(store, flow);
}
