/**
 * The bureau blacklists accounts that request SMS codes or QR/face tickets too often (PLATFORM.md),
 * so the adapter limits its own requests per account. The interface lets the server pass a
 * database-backed limiter shared by all instances; the in-memory one serves a single process and
 * tests.
 */
export interface RateLimiter {
  /**
   * Counts one hit on `key` unless `limit` hits already fall inside the last `windowMs`.
   * A refused hit is not counted; retryAfterMs says when the next one will be allowed.
   */
  hit(key: string, limit: number, windowMs: number): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

/** Sliding-window log per key, in process memory. */
export function createMemoryRateLimiter(options: { now?: () => number } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const hits = new Map<string, number[]>();
  const forgetStale = (t: number, windowMs: number) => {
    for (const [key, times] of hits) if (t - (times.at(-1) ?? 0) >= windowMs) hits.delete(key);
  };
  return {
    async hit(key, limit, windowMs) {
      const t = now();
      if (hits.size > 10_000) forgetStale(t, windowMs);
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { allowed: false, retryAfterMs: recent[0] + windowMs - t };
      }
      recent.push(t);
      hits.set(key, recent);
      return { allowed: true, retryAfterMs: 0 };
    },
  };
}
