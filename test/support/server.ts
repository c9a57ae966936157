/**
 * Starts the real server for a test: in-process, listening on a free loopback port, with both
 * sandboxes mounted, on the database at TEST_DATABASE_URL (npm test points it at an embedded cluster
 * for the first run of the suites, at the CI's PostgreSQL for the second). Tests share that database
 * and isolate themselves by unique data (uniqueUser, random 税号). Without TEST_DATABASE_URL (one
 * file run by hand) each test database is a throwaway embedded cluster of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../../server/config';
import { createServer, type RunningParts } from '../../server/server';
import { openDatabase, type Database } from '../../server/db';
import { freePort, startEmbeddedPostgres } from '../../server/db/embedded';

export { freePort };

/**
 * One CREDENTIAL_KEY for every test server, as every instance of a deployment shares it: servers on
 * one database run each other's jobs (pg-boss), which decrypt what another instance stored.
 */
const TEST_CREDENTIAL_KEY = crypto.createHash('sha256').update('fapiaoyun test credential key').digest();

export function testDatabase(): Promise<Database> {
  return openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL || undefined });
}

/**
 * A database of the test's own, for servers whose jobs sweep every row (the session watch with a
 * one-second rhythm): a new database on the TEST_DATABASE_URL server, dropped on close — or, without
 * it, a throwaway embedded cluster.
 */
export async function privateDatabase(): Promise<Database> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) return openDatabase({});
  const name = `private_${crypto.randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: shared, poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

/**
 * An empty database nothing has migrated (instances starting on a new deployment): on the
 * TEST_DATABASE_URL server, or without it on a throwaway embedded cluster. `drop` removes it.
 */
export async function emptyDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiaoyun-empty-'));
    fs.chmodSync(tmp, 0o711); // as root, the database runs as the user postgres
    const cluster = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), settings: { fsync: 'off' } });
    await cluster.createDatabase('empty');
    return {
      url: cluster.url('empty'),
      async drop() {
        await cluster.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  }
  const name = `empty_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: shared });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** Answers are read loosely in tests: each test asserts the fields it cares about. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface TestServer extends RunningParts {
  url: string;
  /** The address `call` presents as the caller's. */
  clientIp: string;
  opsToken: string;
  config: Config;
  /** fetch against the server, JSON in and out. */
  call(
    method: string,
    path: string,
    opts?: { body?: unknown; token?: string },
  ): Promise<{ status: number; body: Json }>;
  /** Operator API call with the operator token. */
  ops(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
}

let firstServerStarted = false;

export async function startTestServer(
  opts: {
    env?: Record<string, string>;
    database?: Database;
    staticDir?: string;
    logStream?: NodeJS.WritableStream;
    /** The caller address `call` presents (X-Forwarded-For; loopback is a trusted proxy). */
    clientIp?: string;
  } = {},
): Promise<TestServer> {
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TRUST_PROXY: '127.0.0.1',
    ...opts.env,
  });
  // Each test server is a caller of its own: the failure limits (http/limits.ts) counted in a shared
  // database never carry over from one suite to the next.
  const clientIp = opts.clientIp ?? `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
  const opsToken = crypto.randomBytes(24).toString('base64url');
  const database = opts.database ?? (await testDatabase());
  const parts = await createServer({
    config,
    credentialKey: TEST_CREDENTIAL_KEY,
    opsToken,
    database,
    staticDir: opts.staticDir,
    logStream: opts.logStream,
  });
  if (!firstServerStarted) {
    // This process's WeChat sandboxes have issued no token yet: one an earlier process stored is
    // refused (40001), and replacing it would spend one of the 20 forced refreshes a day.
    firstServerStarted = true;
    await database.db.execute(sql`delete from wechat_access_token`);
  }
  await parts.app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const call = jsonCaller(() => url, { 'x-forwarded-for': clientIp });
  return {
    ...parts,
    url,
    opsToken,
    clientIp,
    config,
    call,
    ops: (method, path, body) => call(method, path, { body, token: opsToken }),
    async close() {
      await parts.close();
      if (!opts.database) await database.close();
    },
  };
}

/**
 * The server of a suite: started before its tests and closed after them (call it in the describe,
 * before the suite's own hooks, which then find it started). Until then it is a stand-in that says so.
 *
 *   describe('#accounts.add', () => {
 *     const server = suiteServer();
 *     it('…', async () => { await server.call('GET', '/healthz'); …
 */
export function suiteServer(opts: Parameters<typeof startTestServer>[0] = {}): TestServer {
  let server: TestServer | undefined;
  before(async () => {
    server = await startTestServer(opts);
  });
  after(async () => {
    await server?.close();
  });
  const started = () => {
    if (!server) throw new Error("the suite's server is not started: use it in the suite's hooks and tests");
    return server;
  };
  return new Proxy({} as TestServer, {
    get: (_, key) => Reflect.get(started(), key),
    set: (_, key, value) => Reflect.set(started(), key, value),
  });
}

/**
 * `call` of a TestServer: fetch with JSON in and out (text when the answer is not JSON). `base`
 * names the server a path goes to (the bench sends /sandbox/* to a process of their own).
 */
export function jsonCaller(base: (path: string) => string, headers: Record<string, string> = {}): TestServer['call'] {
  return async (method, path, o = {}) => {
    const res = await fetch(base(path) + path, {
      method,
      headers: {
        ...headers,
        ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      },
      body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body };
  };
}

/** The app's sign-in as a simulated WeChat user: a code from the sandbox, then POST /auth/login; its answer. */
export async function signIn(server: TestServer, user: string) {
  const code = await server.call('POST', '/sandbox/wechat/control/code', { body: { user } });
  if (code.status !== 200) throw new Error(`sandbox code: ${code.status} ${JSON.stringify(code.body)}`);
  return server.call('POST', '/api/v1/auth/login', { body: { code: code.body.code } });
}

/** Signs a simulated WeChat user in through the sandbox, as the app does; returns the token. */
export async function signInAs(server: TestServer, user: string): Promise<string> {
  const login = await signIn(server, user);
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.token as string;
}

/** A unique simulated user name per test, so runs on a shared PostgreSQL don't collide. */
export function uniqueUser(prefix = 'user'): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

/** `npm start`'s server/main.ts as a child process of its own (SIGTERM, start-up checks, its log). */
export interface MainProcess {
  child: ChildProcess;
  url: string;
  /** What it printed, a line an entry (stdout, then stderr as it came). */
  lines: string[];
  /** Its exit code, once it exited. */
  exited: Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Starts server/main.ts on a free port with a fresh DATA_DIR and the test database, in production
 * mode with JSON logs; `env` adds or overrides settings. Does not wait: see untilReady.
 */
export async function spawnMain(env: Record<string, string> = {}): Promise<MainProcess> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-'));
  fs.chmodSync(dataDir, 0o711); // without TEST_DATABASE_URL, the embedded database runs as the user postgres
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stdout!.on('end', () => {
    if (rest) lines.push(rest);
  });
  child.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, lines, exited };
}

/** Waits until the process answers /readyz with 200; throws with its output if it exits or takes too long. */
export async function untilReady(main: MainProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (main.child.exitCode !== null) throw new Error(`the server exited at start:\n${main.lines.join('\n')}`);
    const ready = await fetch(`${main.url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs / 1000} s:\n${main.lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
