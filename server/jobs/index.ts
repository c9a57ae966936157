/**
 * Background work on a PostgreSQL-backed queue (pg-boss), so it survives restarts and any instance
 * can run it: request expiry, notification retries, hosted-number auto-login, webhooks.
 */
import { PgBoss } from 'pg-boss';
import type { Database } from '../db';

export type Jobs = PgBoss;

export interface StartJobsOptions {
  /** Seconds between polls of an idle queue (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  onError?: (err: Error) => void;
}

export async function startJobs(database: Database, opts: StartJobsOptions = {}): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: database.url, max: 4 });
  boss.on('error', (err) => opts.onError?.(err));
  await boss.start();
  return boss;
}

/** Creates the queue if missing; pg-boss 10+ needs queues before send/work. */
export async function ensureQueue(boss: Jobs, name: string, options: Parameters<Jobs['createQueue']>[1] = {}) {
  const existing = await boss.getQueue(name);
  if (!existing) await boss.createQueue(name, options);
}
