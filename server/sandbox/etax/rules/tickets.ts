/**
 * Rules 3 and 7: QR tickets scanned in the 税务APP or 个人所得税APP, for a QR login (`login`) or a
 * face check (`auth`). States go pending → scanned → confirmed, or expire after qrTicketTtlMs.
 * The holder's side (scan, confirm) is played through the control API and the phone page.
 */
import { randomBytes } from 'node:crypto';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { QrApp, Ticket, TicketKind, TicketState } from '../model';
import type { EtaxStore } from '../store';
import { requirePerson } from './accounts';
import { relationsOf } from './relations';

export type TicketView = TicketState | 'expired';

export function createTicket(
  store: EtaxStore,
  init: { kind: TicketKind; app: QrApp; taxId: string; idNumber?: string; flowId?: string },
): Ticket {
  const now = store.now();
  const ticket = randomBytes(12).toString('hex');
  const payload = `https://etax.sandbox.invalid/scan?ticket=${ticket}&kind=${init.kind}&app=${init.app}`;
  const t: Ticket = {
    ...init,
    ticket,
    state: 'pending',
    payload,
    createdAt: now,
    expiresAt: now + store.timing.qrTicketTtlMs,
  };
  store.data.tickets[ticket] = t;
  return t;
}

/** A confirmed ticket stays confirmed; an unconfirmed one expires with time. */
export function ticketState(store: EtaxStore, t: Ticket): TicketView {
  if (t.state !== 'confirmed' && store.now() >= t.expiresAt) return 'expired';
  return t.state;
}

export function requireTicket(store: EtaxStore, ticket: string): Ticket {
  const t = store.data.tickets[ticket];
  if (!t) throw new BureauError(BUREAU_CODES.ticketNotFound, MSG.ticketNotFound, 404);
  return t;
}

/** Whether this person may take the ticket: their own, or an open QR login of an enterprise of theirs. */
function mayTake(store: EtaxStore, t: Ticket, idNumber: string): boolean {
  if (t.idNumber) return t.idNumber === idNumber;
  return relationsOf(store.data, idNumber, t.taxId).length > 0;
}

/**
 * The holder opens the QR in the app (scanned), confirms it (confirmed), or — for the face check of
 * a login or password reset — their face does not match (failed).
 */
export function actOnTicket(
  store: EtaxStore,
  ticket: string,
  account: string,
  action: 'scan' | 'confirm' | 'fail',
): Ticket {
  const t = requireTicket(store, ticket);
  const person = requirePerson(store.data, account);
  const state = ticketState(store, t);
  if (state === 'expired') throw new BureauError(BUREAU_CODES.qrExpired, MSG.qrExpired, 410);
  if (state === 'confirmed' || state === 'failed') return t;
  if (!mayTake(store, t, person.idNumber)) {
    if (t.idNumber) throw new BureauError(BUREAU_CODES.ticketNotYours, MSG.ticketNotYours, 403);
    throw new BureauError(BUREAU_CODES.noRelation, MSG.noRelation, 403);
  }
  if (action === 'scan') {
    t.state = 'scanned';
    return t;
  }
  if (action === 'fail') {
    if (t.kind !== 'auth' || !t.flowId) throw new BureauError(BUREAU_CODES.wrongStep, MSG.wrongStep, 409);
    t.state = 'failed';
    return t;
  }
  t.state = 'confirmed';
  t.confirmedBy = person.idNumber;
  // Any face check passed for an enterprise counts as its 认证 (rule 7).
  if (t.kind === 'auth' && t.taxId) recordAuth(store, person.idNumber, t.taxId);
  return t;
}

export function recordAuth(store: EtaxStore, idNumber: string, taxId: string): void {
  const validUntil = store.now() + store.timing.authValidityMs;
  const existing = store.data.auths.find((a) => a.idNumber === idNumber && a.taxId === taxId);
  if (existing) existing.validUntil = validUntil;
  else store.data.auths.push({ idNumber, taxId, validUntil });
}

/** The tickets waiting for this person, for `GET /control/tickets` and the phone page. */
export function pendingTicketsFor(store: EtaxStore, idNumber: string): Ticket[] {
  return Object.values(store.data.tickets)
    .filter((t) => ticketState(store, t) === 'pending' || ticketState(store, t) === 'scanned')
    .filter((t) => mayTake(store, t, idNumber))
    .sort((a, b) => b.createdAt - a.createdAt);
}
