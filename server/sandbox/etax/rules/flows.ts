/**
 * Multi-step flows (logins, password resets): created by the first call, addressed by an opaque
 * flowId afterwards, expiring after flowTtlMs. A failed flow answers its failure to every later call.
 * `describeStep` is what the bureau API answers for the flow's current stage.
 */
import { randomUUID } from 'node:crypto';
import { maskAccount } from '../../../../types/validators';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { Flow } from '../model';
import type { EtaxStore } from '../store';
import { recentLoginsView } from './recent-logins';
import { sessionView } from './sessions';
import { codeTimes } from './sms';
import { ticketState } from './tickets';

export function newFlow(store: EtaxStore, init: Omit<Flow, 'id' | 'createdAt' | 'expiresAt'>): Flow {
  const now = store.now();
  const flow: Flow = { ...init, id: randomUUID(), createdAt: now, expiresAt: now + store.timing.flowTtlMs };
  store.data.flows[flow.id] = flow;
  return flow;
}

export function getFlow(store: EtaxStore, flowId: string): Flow {
  const flow = store.data.flows[flowId];
  if (!flow || store.now() >= flow.expiresAt) throw new BureauError(BUREAU_CODES.flowClosed, MSG.flowClosed, 410);
  if (flow.stage === 'failed') {
    const failure = flow.failure ?? { code: BUREAU_CODES.flowClosed, message: MSG.flowClosed };
    throw new BureauError(failure.code as BureauError['code'], failure.message, 410);
  }
  return flow;
}

/** Ends the flow with the error, which is also thrown now. */
export function failFlow(flow: Flow, error: BureauError): never {
  flow.stage = 'failed';
  flow.failure = { code: error.code, message: error.message };
  throw error;
}

export function assertStage(flow: Flow, ...stages: Flow['stage'][]): void {
  if (!stages.includes(flow.stage)) throw new BureauError(BUREAU_CODES.wrongStep, MSG.wrongStep, 409);
}

const iso = (ms: number) => new Date(ms).toISOString();

export function describeStep(store: EtaxStore, flow: Flow) {
  const person = flow.idNumber ? store.data.persons[flow.idNumber] : undefined;
  const base = { flowId: flow.id };
  switch (flow.stage) {
    case 'sms': {
      const times = codeTimes(store, flow.id);
      return {
        ...base,
        step: 'sms_sent' as const,
        maskedPhone: maskAccount(person?.phone ?? ''),
        sentAt: iso(times.sentAt),
        codeExpiresAt: iso(times.codeExpiresAt),
        resendAt: iso(times.resendAt),
      };
    }
    case 'qr':
    case 'face': {
      const t = store.data.tickets[flow.ticket ?? ''];
      if (!t) throw new BureauError(BUREAU_CODES.flowClosed, MSG.flowClosed, 410);
      const state = ticketState(store, t);
      return {
        ...base,
        step: flow.stage === 'qr' ? ('qr_pending' as const) : ('needs_face' as const),
        ticket: t.ticket,
        qrPayload: t.payload,
        app: t.app,
        // A confirmed or failed ticket has moved the flow on before it is described here.
        state: state === 'confirmed' || state === 'failed' ? ('scanned' as const) : state,
        expiresAt: iso(t.expiresAt),
      };
    }
    case 'face_failed': {
      const enterprise = store.data.enterprises[flow.taxId ?? ''];
      return {
        ...base,
        step: 'face_failed' as const,
        message: flow.purpose === 'login' ? MSG.faceFailed : MSG.faceFailedReset,
        name: person?.name ?? '',
        taxId: flow.taxId ?? '',
        enterpriseName: enterprise?.name ?? '',
        // A login offers the person's recent logins to pick from; a password reset has no enterprise.
        recentLogins: person && flow.purpose === 'login' ? recentLoginsView(store, person) : [],
      };
    }
    case 'password':
      return { ...base, step: 'needs_password' as const, message: MSG.firstLoginPassword };
    case 'real_name':
      return {
        ...base,
        step: 'needs_real_name' as const,
        name: person?.name ?? '',
        idType: person?.idType ?? '居民身份证',
        maskedIdNumber: maskAccount(person?.idNumber ?? ''),
      };
    case 'agreement':
      return { ...base, step: 'needs_agreement' as const, title: MSG.agreementTitle, text: MSG.agreement };
    case 'set_password':
      return { ...base, step: 'set_password' as const };
    case 'done':
      if (flow.purpose === 'reset_password')
        return { ...base, step: 'password_reset' as const, message: MSG.passwordReset };
      return {
        ...base,
        step: 'logged_in' as const,
        session: sessionView(store, store.data.sessions[flow.sessionId ?? '']),
      };
    case 'failed':
      throw new BureauError(BUREAU_CODES.flowClosed, flow.failure?.message ?? MSG.flowClosed, 410);
  }
}

export type StepView = ReturnType<typeof describeStep>;
