import { randomUUID } from 'node:crypto';

/** The app's one access token as every server instance sees it. Times are epoch milliseconds. */
export interface StoredAccessToken {
  token: string;
  expiresAt: number;
  /**
   * The token this one replaced and until when WeChat accepts it: to its own expiry after an
   * early refresh, not at all after a forced one (instances holding it get 40001 and re-read).
   */
  previous?: { token: string; validUntil: number };
  /** Forced refreshes used on `day` (Beijing date, YYYY-MM-DD): WeChat allows 20 a day. */
  forced: { day: string; count: number };
}

/**
 * Central cache of the access token, shared by all server instances so that exactly one of
 * them refreshes it (WeChat invalidates tokens behind a refresher's back otherwise).
 *
 * Each store object is one instance's handle: the lock is held by the handle that took it.
 * On PostgreSQL: one row in `wechat_access_token` (token, expires_at, previous_token,
 * previous_valid_until, forced_day, forced_count, lock_holder, lock_until); `tryLock` is a
 * conditional UPDATE (`… WHERE lock_until IS NULL OR lock_until < now() OR lock_holder = $me`)
 * that reports whether it changed a row.
 */
export interface AccessTokenStore {
  read(): Promise<StoredAccessToken | null>;
  /**
   * Atomically claim the right to refresh for `ttlMs` (so a crashed holder cannot block the
   * others forever). Returns false when another instance holds it; true when this one does.
   */
  tryLock(ttlMs: number): Promise<boolean>;
  /** Replace the stored token; called only while holding the lock. */
  write(token: StoredAccessToken): Promise<void>;
  /** Release the lock if this handle holds it; a no-op otherwise. */
  unlock(): Promise<void>;
}

/** The shared state behind memory stores; pass one to several stores to simulate instances. */
export interface MemoryTokenBacking {
  token: StoredAccessToken | null;
  lock: { holder: string; until: number } | null;
}

export function createMemoryTokenBacking(): MemoryTokenBacking {
  return { token: null, lock: null };
}

/** In-memory AccessTokenStore for tests and single-process use. */
export function createMemoryTokenStore(
  backing: MemoryTokenBacking = createMemoryTokenBacking(),
  now: () => number = Date.now,
): AccessTokenStore {
  const me = randomUUID();
  return {
    async read() {
      return backing.token && structuredClone(backing.token);
    },
    async tryLock(ttlMs) {
      const lock = backing.lock;
      if (lock && lock.holder !== me && lock.until > now()) return false;
      backing.lock = { holder: me, until: now() + ttlMs };
      return true;
    },
    async write(token) {
      backing.token = structuredClone(token);
    },
    async unlock() {
      if (backing.lock?.holder === me) backing.lock = null;
    },
  };
}
