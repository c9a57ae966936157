/**
 * Rule 7: 认证 (face check). A ticket with a QR for the app, bound to the person; once they confirm
 * it the 认证 of that person for that enterprise is valid for authValidityMs (default 24 h).
 */
import type { QrApp } from '../model';
import type { EtaxStore } from '../store';
import { requirePerson } from './accounts';
import { chooseRelation, requireEnterprise } from './relations';
import { createTicket, requireTicket, ticketState } from './tickets';

const iso = (ms: number) => new Date(ms).toISOString();

export function startAuth(store: EtaxStore, input: { account: string; taxId: string; app: QrApp }) {
  const enterprise = requireEnterprise(store.data, input.taxId);
  const person = requirePerson(store.data, input.account);
  chooseRelation(store.data, person, enterprise.taxId, undefined, undefined);
  const t = createTicket(store, { kind: 'auth', app: input.app, taxId: enterprise.taxId, idNumber: person.idNumber });
  return { ticket: t.ticket, qrPayload: t.payload, app: t.app, state: 'pending' as const, expiresAt: iso(t.expiresAt) };
}

export function pollAuth(store: EtaxStore, ticket: string) {
  const t = requireTicket(store, ticket);
  const state = ticketState(store, t);
  const auth = store.data.auths.find((a) => a.idNumber === t.idNumber && a.taxId === t.taxId);
  return {
    ticket: t.ticket,
    state,
    expiresAt: iso(t.expiresAt),
    validUntil: state === 'confirmed' && auth ? iso(auth.validUntil) : null,
  };
}
