/**
 * Rule 6: a session per (person, enterprise, 身份, channel) that expires after sessionTtlMs. One
 * login per person per region: logging in drops the person's sessions for other enterprises of the
 * region and for another 身份 under the same 税号; the other channel of the same 身份 stays.
 */
import { randomBytes } from 'node:crypto';
import { BUREAU_CODES, BureauError } from '../errors';
import { MSG } from '../messages';
import type { Channel, Enterprise, Person, Relation, Session } from '../model';
import type { EtaxStore } from '../store';

function isLive(store: EtaxStore, s: Session): boolean {
  return s.droppedAt === undefined && store.now() < s.expiresAt;
}

export function openSession(
  store: EtaxStore,
  person: Person,
  enterprise: Enterprise,
  relation: Relation,
  channel: Channel,
): Session {
  const now = store.now();
  for (const s of Object.values(store.data.sessions)) {
    if (s.idNumber !== person.idNumber || s.region !== enterprise.region || !isLive(store, s)) continue;
    const sameKey = s.taxId === enterprise.taxId && s.role === relation.role;
    if (sameKey && s.channel !== channel) continue;
    s.droppedAt = now;
    s.dropReason = sameKey ? MSG.sessionReplaced : MSG.sessionDropped;
  }
  const session: Session = {
    id: randomBytes(24).toString('base64url'),
    idNumber: person.idNumber,
    taxId: enterprise.taxId,
    region: enterprise.region,
    role: relation.role,
    channel,
    permissions: [...relation.permissions],
    createdAt: now,
    expiresAt: now + store.timing.sessionTtlMs,
  };
  store.data.sessions[session.id] = session;
  return session;
}

/** The person logged in elsewhere (control API `POST /sessions/drop`). Returns how many dropped. */
export function dropSessionsOf(store: EtaxStore, idNumber: string): number {
  let dropped = 0;
  for (const s of Object.values(store.data.sessions)) {
    if (s.idNumber !== idNumber || !isLive(store, s)) continue;
    s.droppedAt = store.now();
    s.dropReason = MSG.sessionDropped;
    dropped++;
  }
  return dropped;
}

export function requireSession(store: EtaxStore, id: string): Session {
  const s = store.data.sessions[id];
  if (!s) throw new BureauError(BUREAU_CODES.sessionNotFound, MSG.sessionNotFound, 404);
  return s;
}

/** The session as the bureau API shows it. */
export function sessionView(store: EtaxStore, s: Session) {
  const person = store.data.persons[s.idNumber];
  const enterprise = store.data.enterprises[s.taxId];
  const auth = store.data.auths.find((a) => a.idNumber === s.idNumber && a.taxId === s.taxId);
  return {
    sessionId: s.id,
    name: person?.name ?? '',
    taxId: s.taxId,
    enterpriseName: enterprise?.name ?? '',
    role: s.role,
    channel: s.channel,
    permissions: s.permissions,
    createdAt: new Date(s.createdAt).toISOString(),
    expiresAt: new Date(s.expiresAt).toISOString(),
    authValidUntil: auth && auth.validUntil > store.now() ? new Date(auth.validUntil).toISOString() : null,
  };
}

/** `GET /api/sessions/:id`: active, expired, or dropped with the bureau's reason. */
export function sessionStatus(store: EtaxStore, id: string) {
  const s = requireSession(store, id);
  store.countCheck(s.id, s.idNumber);
  if (s.droppedAt !== undefined) {
    return {
      state: 'dropped' as const,
      reason: s.dropReason ?? MSG.sessionDropped,
      at: new Date(s.droppedAt).toISOString(),
    };
  }
  if (store.now() >= s.expiresAt) {
    return { state: 'expired' as const, reason: MSG.sessionExpired, at: new Date(s.expiresAt).toISOString() };
  }
  return { state: 'active' as const, session: sessionView(store, s) };
}

/**
 * `GET /api/sessions/:id/ping`: the cheapest check (no person, enterprise or 认证 looked up): is it
 * still live, until when, or since when and why not. Counted like every check (control API
 * `GET /sessions/checks`), so tests can see how often the product asks.
 */
export function pingSession(store: EtaxStore, id: string) {
  const s = requireSession(store, id);
  store.countCheck(s.id, s.idNumber);
  if (s.droppedAt !== undefined) {
    return {
      state: 'dropped' as const,
      reason: s.dropReason ?? MSG.sessionDropped,
      at: new Date(s.droppedAt).toISOString(),
    };
  }
  if (store.now() >= s.expiresAt) {
    return { state: 'expired' as const, reason: MSG.sessionExpired, at: new Date(s.expiresAt).toISOString() };
  }
  return { state: 'active' as const, expiresAt: new Date(s.expiresAt).toISOString() };
}
