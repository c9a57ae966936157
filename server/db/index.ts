/**
 * Opens the product database: embedded PGlite (files under DATA_DIR, or in memory) or a real
 * PostgreSQL server (DATABASE_URL), and runs the migrations. Both give the same drizzle handle type,
 * so no other module knows which one it talks to.
 * Rules for one code path on both (TOOLCHAIN.md): inside a transaction use only `tx`; keep
 * transactions short; no session state; cast counts to int.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export { schema };

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** pg-boss connection: a connection string for PostgreSQL, the PGlite instance otherwise. */
  boss: { connectionString: string } | { pglite: unknown };
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(__dirname, 'migrations');

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; absent = in memory (tests). */
  dataDir?: string;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString: url, max: 10 });
  // A dropped idle connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  await migrate(drizzle(pool), { migrationsFolder });
  return {
    db,
    kind: 'postgres',
    boss: { connectionString: url },
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let releaseLock = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = holdLock(path.join(dataDir, 'pglite.lock'));
  }
  const client = new PGlite(dataDir ? path.join(dataDir, 'pglite') : undefined);
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    boss: { pglite: client },
    ping: () => ping(db),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** PGlite cannot be shared by two processes: refuse to open a folder another live process holds. */
function holdLock(file: string): () => void {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The data folder is in use by process ${pid} (${file}); stop it or set another DATA_DIR.`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
