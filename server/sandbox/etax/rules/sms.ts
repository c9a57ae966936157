/**
 * Rule 1's second factor: a 6-digit code, valid 5 minutes, a new one not before 60 seconds; a
 * wrong code counts towards the lock like a wrong password (rule 2).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { Flow, Person, Sms, SmsPurpose } from '../model';
import type { EtaxStore } from '../store';
import { recordWrongAttempt } from './accounts';

function latestOf(store: EtaxStore, flowId: string): Sms | undefined {
  return store.data.sms.filter((s) => s.flowId === flowId).at(-1);
}

/** Sends a code to the person's phone for the flow; earlier codes of the flow stop working. */
export function sendCode(store: EtaxStore, flow: Flow, person: Person, purpose: SmsPurpose): Sms {
  const now = store.now();
  const { smsResendMs, smsValidityMs } = store.timing;
  const previous = latestOf(store, flow.id);
  if (previous && now < previous.sentAt + smsResendMs) {
    const seconds = Math.ceil((previous.sentAt + smsResendMs - now) / 1000);
    throw new BureauError(BUREAU_CODES.smsTooSoon, MSG.smsTooSoon(seconds), 429, { retryAfterSeconds: seconds });
  }
  for (const s of store.data.sms) if (s.flowId === flow.id) s.used = true;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const sms: Sms = {
    id: randomUUID(),
    phone: person.phone,
    code,
    purpose,
    text: MSG.smsText(code, Math.round(smsValidityMs / 60_000), purpose),
    flowId: flow.id,
    sentAt: now,
    expiresAt: now + smsValidityMs,
    used: false,
  };
  store.data.sms.push(sms);
  return sms;
}

/** Accepts the flow's latest code once; throws expired, wrong (with attempts left) or locked. */
export function verifyCode(store: EtaxStore, flow: Flow, person: Person, code: string): void {
  const sms = latestOf(store, flow.id);
  if (!sms || sms.used || store.now() >= sms.expiresAt) {
    throw new BureauError(BUREAU_CODES.smsCodeExpired, MSG.smsCodeExpired, 400);
  }
  if (sms.code !== code.trim()) {
    const left = recordWrongAttempt(store, person);
    throw new BureauError(BUREAU_CODES.smsCodeWrong, MSG.smsCodeWrong(left), 400, { attemptsLeft: left });
  }
  sms.used = true;
}

/** When the flow's latest code was sent, when it may be resent, and until when it is valid. */
export function codeTimes(
  store: EtaxStore,
  flowId: string,
): { sentAt: number; resendAt: number; codeExpiresAt: number } {
  const sms = latestOf(store, flowId);
  const sentAt = sms?.sentAt ?? store.now();
  return { sentAt, resendAt: sentAt + store.timing.smsResendMs, codeExpiresAt: sms?.expiresAt ?? sentAt };
}
