/** What is kept in storage between launches (StorageKeys.session). */
export interface StoredSession {
  token: string;
  expiresAt: string;
  userId: string;
  /** Platform.userKey() when the session was made (the browser build's simulated user). */
  userKey: string | null;
}

/** A token this close to its expiry is treated as expired, so a call does not fail mid-flight. */
const EXPIRY_MARGIN_MS = 30_000;

/** Whether the session's token may still be sent at `now`. */
export function tokenUsable(session: Pick<StoredSession, 'expiresAt'>, now: number): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return !(Number.isFinite(expiresAt) && expiresAt - EXPIRY_MARGIN_MS <= now);
}

/** A stored session, when it is one and is of this user (a new ?wxuser= must not inherit another's). */
export function storedSessionOf(stored: unknown, userKey: string | null): StoredSession | null {
  const session = stored as Partial<StoredSession> | null | undefined;
  if (!session || typeof session.token !== 'string' || session.userKey !== userKey) return null;
  return session as StoredSession;
}
