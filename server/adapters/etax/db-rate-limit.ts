/**
 * The adapter's per-account SMS/QR limit on the product database, shared by every instance:
 * a fixed window per key, counted in one atomic upsert (a refused hit is not counted).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import type { RateLimiter } from './rate-limit';

export function createDbRateLimiter(db: Db): RateLimiter {
  return {
    async hit(key, limit, windowMs) {
      const now = new Date();
      const windowStartFloor = new Date(now.getTime() - windowMs);
      // Insert the first hit, restart a stale window, or count one more while under the limit;
      // when none applies the row is left alone and RETURNING yields nothing.
      const counted = await db.execute(sql`
        insert into rate_limit_counters (key, window_start, count) values (${key}, ${now}, 1)
        on conflict (key) do update set
          window_start = case when rate_limit_counters.window_start <= ${windowStartFloor} then ${now} else rate_limit_counters.window_start end,
          count = case when rate_limit_counters.window_start <= ${windowStartFloor} then 1 else rate_limit_counters.count + 1 end
        where rate_limit_counters.window_start <= ${windowStartFloor} or rate_limit_counters.count < ${limit}
        returning count`);
      if (rowsOf(counted).length > 0) return { allowed: true, retryAfterMs: 0 };
      const current = rowsOf(await db.execute(sql`select window_start from rate_limit_counters where key = ${key}`));
      const start = new Date(current[0]?.window_start as string | Date).getTime();
      return { allowed: false, retryAfterMs: Math.max(1, start + windowMs - now.getTime()) };
    },
  };
}

/** node-postgres answers { rows }; keep the one place that knows. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}
