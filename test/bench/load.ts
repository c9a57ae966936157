/**
 * `npm run bench` (issue 9): the server under load, each figure beside its anchor in the same run.
 * Printed, never asserted. Loopback only; every load is bounded in time.
 *
 * Processes: the sandboxes (WeChat + e-tax) in one process, the server (`server/main.ts`, as
 * `npm start` runs it) in another, each anchor in its own; autocannon and the simulated users run
 * here. Anchors: a bare Fastify hello-world, and the floor — bare Fastify + pg answering the same
 * 200-account JSON from one query.
 * Measured on the embedded database and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a
 * PostgreSQL server, on a fresh database created there (and dropped afterwards).
 * BENCH_SECONDS (5) per run, BENCH_REPEAT (3) runs → medians, BENCH_MIX_SECONDS (60) for the 200 users.
 * To find where the time goes: BENCH_CPU_PROF=<folder> writes the server's CPU profiles there
 * (node --cpu-prof); BENCH_ONLY picks parts (comma-separated: list, tenants, ready, pending, mix,
 * start) and BENCH_DB one database (embedded or postgres).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { loadConfig } from '../../server/config';
import { freePort } from '../../server/db/embedded';
import { schema, type Db } from '../../server/db';
import { jsonCaller, type TestServer } from '../support/server';
import {
  addAccount,
  bindTo,
  bureauPerson,
  member,
  tenantWithEnterprise,
  type Member,
  type World,
} from '../support/etax';
import { accept } from '../support/requests';
import { ACCOUNT_PAGE_SIZE } from '../../types/domain';
import {
  ROOT,
  cpuMs,
  namedCpuMs,
  rssMb,
  startEntry,
  stopChild,
  treeCpuMs,
  treePssMb,
  waitForOk,
  type Proc,
} from './procs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const MIX_SECONDS = Number(process.env.BENCH_MIX_SECONDS ?? 60);
const CONNECTIONS = 50;
const ACCOUNTS = 200;
const USERS = 200;
/** BENCH_ONLY=list,ready…: the parts measured (all when unset). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
const wanted = (part: string) => !ONLY || ONLY.includes(part);
const DB_ONLY = process.env.BENCH_DB;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  bytes: number;
  /** CPU ms per answered request: of the process answering, and of the database's processes. */
  appCpu: number;
  dbCpu: number;
}

/** Whose CPU a load is charged to: the answering process, and the database's processes. */
interface CpuOf {
  app: () => number;
  db: () => number;
}

interface Target {
  url: string;
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function cannon(t: Target, seconds: number): Promise<Load> {
  const r = await autocannon({
    url: t.url,
    method: t.method ?? 'GET',
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      ...(t.token ? { authorization: `Bearer ${t.token}` } : {}),
      ...(t.body ? { 'content-type': 'application/json' } : {}),
    },
    body: t.body ? JSON.stringify(t.body) : undefined,
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    bytes: r.requests.total ? r.throughput.total / r.requests.total : 0,
    appCpu: NaN,
    dbCpu: NaN,
    requests: r.requests.total,
  } as Load & { requests: number };
}

/**
 * With BENCH_CPU_PROF, when each load ran (µs on the monotonic clock the CPU profiles use too), a
 * JSON line per load in phases.jsonl beside them: a profile can then be cut to one route's load.
 */
function markPhase(label: string, startUs: bigint) {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return;
  const endUs = process.hrtime.bigint() / 1000n;
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(
    path.join(dir, 'phases.jsonl'),
    JSON.stringify({ label, startUs: Number(startUs), endUs: Number(endUs) }) + '\n',
  );
}

/** A warm-up second, then REPEAT runs; the medians. `during` samples something while load runs. */
async function measure(label: string, t: Target, cpu: CpuOf, during?: () => void): Promise<Load> {
  await cannon(t, 1);
  const startUs = process.hrtime.bigint() / 1000n;
  const runs: Load[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const timer = during ? setInterval(during, 500) : undefined;
    const [app0, db0] = [cpu.app(), cpu.db()];
    const run = (await cannon(t, SECONDS)) as Load & { requests: number };
    run.appCpu = (cpu.app() - app0) / run.requests;
    run.dbCpu = (cpu.db() - db0) / run.requests;
    runs.push(run);
    if (timer) clearInterval(timer);
  }
  markPhase(label, startUs);
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    bytes: median(runs.map((r) => r.bytes)),
    appCpu: median(runs.map((r) => r.appCpu)),
    dbCpu: median(runs.map((r) => r.dbCpu)),
  };
}

/** `npm start`'s process: scripts/start.mjs, which runs the compiled server (built before the first start). */
interface Server {
  child: ChildProcess;
  url: string;
  /** ms from spawn to the first 200 of /healthz. */
  startMs: number;
  /** CPU ms the process used until then. */
  startCpuMs: number;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, 'scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/healthz`);
  const startMs = performance.now() - t0;
  return { child, url, startMs, startCpuMs: cpuMs(child.pid!) };
}

/** The helpers of test/support speak to one server; here /sandbox/* goes to the sandbox process. */
function remote(
  serverUrl: string,
  sandboxUrl: string,
  opsToken: string,
  db: Db,
  env: Record<string, string>,
): TestServer {
  const call = jsonCaller((p) => (p.startsWith('/sandbox/') ? sandboxUrl : serverUrl));
  return {
    url: serverUrl,
    opsToken,
    config: loadConfig({ PORT: '0', ...env }),
    call,
    ops: (method, p, body) => call(method, p, { body, token: opsToken }),
    ctx: { db } as TestServer['ctx'],
  } as TestServer;
}

/** The embedded cluster's URL, from what it keeps in DATA_DIR. */
function embeddedUrl(dataDir: string): string {
  const password = fs.readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
  const port = fs
    .readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .split('\n')[3]
    .trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/fapiaoyun`;
}

interface Setup {
  world: World;
  alice: Member;
  users: Member[];
  accountIds: string[];
  readyAccount: string;
  pendingAccount: string;
}

async function setUp(server: TestServer): Promise<Setup> {
  const world = await tenantWithEnterprise(server);
  const alice = await member(server, world);
  const accountIds: string[] = [];
  const phones: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const person = await bureauPerson(server, world.taxId);
    accountIds.push(await addAccount(server, alice.token, world.enterpriseId, person));
    phones.push(person.phone);
  }
  // Every tenth account is alice's; she accepted a few 登录通知.
  for (let i = 0; i < ACCOUNTS; i += 10) await bindTo(server, alice, accountIds[i]);
  await accept(server, alice, 3);
  const users: Member[] = [];
  for (let i = 0; i < USERS; i++) users.push(await member(server, world));
  // 新增账号 logged the 开票 channel in: asking for it is ready; 收票 of a bound account is pending.
  return { world, alice, users, accountIds, readyAccount: phones[1], pendingAccount: phones[0] };
}

interface MixResult {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  rps: number;
  byKind: Record<string, number>;
  /** p50 / p99 ms of each kind of request (login, tenants, list, account, ask). */
  perKind: Record<string, { p50: number; p99: number }>;
}

/**
 * USERS people using the app at once for MIX_SECONDS: each signs in afresh, then opens the home page,
 * an enterprise's account list (its first page, as the app asks for it), an account, with 0.5–1.5 s
 * between taps; the invoice system asks for sessions meanwhile (one ask per ten taps).
 */
async function mixedUsers(serverUrl: string, sandboxUrl: string, opsToken: string, s: Setup): Promise<MixResult> {
  const latencies: number[] = [];
  const kindLatencies: Record<string, number[]> = {};
  const took = (kind: string, ms: number) => {
    latencies.push(ms);
    (kindLatencies[kind] ??= []).push(ms);
  };
  let errors = 0;
  const byKind: Record<string, number> = {};
  const until = Date.now() + MIX_SECONDS * 1000;
  const timed = async (kind: string, url: string, init: RequestInit = {}) => {
    const t0 = performance.now();
    try {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      if (res.status >= 400) {
        errors++;
        byKind[`${kind} ${res.status}`] = (byKind[`${kind} ${res.status}`] ?? 0) + 1;
      }
    } catch {
      errors++;
      byKind[`${kind} network`] = (byKind[`${kind} network`] ?? 0) + 1;
    }
    took(kind, performance.now() - t0);
  };
  const json = (token: string, body: unknown): RequestInit => ({
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const user = async (u: Member) => {
    // Spread the arrivals over the first seconds.
    await new Promise((r) => setTimeout(r, Math.random() * 2000));
    const code = await (
      await fetch(`${sandboxUrl}/sandbox/wechat/control/code`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: u.user }),
      })
    ).json();
    const t0 = performance.now();
    const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: (code as { code: string }).code }),
    });
    took('login', performance.now() - t0);
    if (!login.ok) {
      errors++;
      byKind[`login ${login.status}`] = (byKind[`login ${login.status}`] ?? 0) + 1;
      return;
    }
    const token = ((await login.json()) as { token: string }).token;
    const auth = { headers: { authorization: `Bearer ${token}` } };
    for (let tap = 0; Date.now() < until; tap++) {
      const step = tap % 3;
      if (step === 0) await timed('tenants', `${serverUrl}/api/v1/me/tenants`, auth);
      else if (step === 1)
        // As the app opens 电子税局账号管理: its first page (AccountStore).
        await timed(
          'list',
          `${serverUrl}/api/v1/enterprises/${s.world.enterpriseId}/accounts?limit=${ACCOUNT_PAGE_SIZE}`,
          auth,
        );
      else {
        const id = s.accountIds[Math.floor(Math.random() * s.accountIds.length)];
        await timed('account', `${serverUrl}/api/v1/accounts/${id}`, auth);
      }
      if (tap % 10 === 9) {
        await timed(
          'ask',
          `${serverUrl}/ops/v1/tax-sessions`,
          json(opsToken, { taxId: s.world.taxId, channel: 'issue', purpose: 'login', account: s.readyAccount }),
        );
      }
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
    }
  };
  const t0 = Date.now();
  await Promise.all(s.users.map(user));
  const seconds = (Date.now() - t0) / 1000;
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
    byKind,
    perKind: Object.fromEntries(
      Object.entries(kindLatencies).map(([k, ms]) => [k, { p50: percentile(ms, 50), p99: percentile(ms, 99) }]),
    ),
  };
}

interface DbRun {
  name: string;
  floor: Load;
  list: Load;
  listPage: Load;
  tenants: Load;
  ready: Load;
  pending: Load;
  mix: MixResult;
  startServerMb: number;
  startDbMb?: number;
  idleServerMb: number;
  idleDbMb?: number;
  loadServerMb: number;
  loadDbMb?: number;
  firstStartMs: number;
  startMs: number[];
  startCpuMs: number[];
}

async function runOn(
  name: string,
  sandboxUrl: string,
  opts: { databaseUrl?: string; dataDir: string },
): Promise<DbRun> {
  const opsToken = crypto.randomBytes(24).toString('base64url');
  const env: Record<string, string> = {
    DATA_DIR: opts.dataDir,
    OPS_TOKEN: opsToken,
    CREDENTIAL_KEY: crypto.randomBytes(32).toString('base64'),
    WECHAT_API_BASE: `${sandboxUrl}/sandbox/wechat`,
    ETAX_API_BASE: `${sandboxUrl}/sandbox/etax/api`,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  };
  let server = await startServer(env);
  const firstStartMs = server.startMs;
  const startServerMb = rssMb(server.child.pid!);
  const startDbMb = opts.databaseUrl ? undefined : treePssMb(postmasterPid(opts.dataDir)!);
  const dbUrl = opts.databaseUrl ?? embeddedUrl(opts.dataDir);
  const pool = new Pool({ connectionString: dbUrl, max: 2 });
  const db = drizzle(pool, { schema }) as unknown as Db;
  let floorProc: Proc | undefined;
  try {
    const target = remote(server.url, sandboxUrl, opsToken, db, env);
    console.log(`bench (${name}): setting up ${ACCOUNTS} accounts and ${USERS} users…`);
    const s = await setUp(target);
    // Statistics, as a database in use has them (autovacuum analyzes a table within a minute or so of
    // this many new rows): without them PostgreSQL planned for one row where there are 200, and the
    // home page's figures cost 1.7 ms of its CPU instead of 0.25 ms — for the floor's statement too.
    await pool.query('analyze');
    // The embedded database is the server's child: its memory is counted apart.
    const dbPid = () => (opts.databaseUrl ? undefined : postmasterPid(opts.dataDir));
    await new Promise((r) => setTimeout(r, 3000));
    const idleServerMb = rssMb(server.child.pid!);
    const idleDbMb = dbPid() ? treePssMb(dbPid()!) : undefined;
    let loadServerMb = 0;
    let loadDbMb = 0;
    const sample = () => {
      loadServerMb = Math.max(loadServerMb, rssMb(server.child.pid!));
      if (dbPid()) loadDbMb = Math.max(loadDbMb, treePssMb(dbPid()!));
    };

    console.log(`bench (${name}): loads of ${SECONDS} s × ${REPEAT} at ${CONNECTIONS} connections…`);
    const skipped: Load = { rps: NaN, p50: NaN, p99: NaN, errors: 0, bytes: NaN, appCpu: NaN, dbCpu: NaN };
    // The database's CPU: the embedded cluster's processes, or every `postgres` process of the server
    // at DATABASE_URL (on a shared server, others' queries are counted too).
    const dbCpu = () => (dbPid() ? treeCpuMs(dbPid()!) : namedCpuMs('postgres'));
    const serverCpu: CpuOf = { app: () => cpuMs(server.child.pid!), db: dbCpu };
    let floor = skipped;
    if (wanted('list')) {
      floorProc = await startEntry('test/bench/anchors.ts', {
        ANCHOR: 'floor',
        DATABASE_URL: dbUrl,
        ENTERPRISE_ID: s.world.enterpriseId,
        USER_ID: s.alice.userId,
      });
      const floorPid = floorProc.child.pid!;
      floor = await measure(
        `${name} floor`,
        { url: `${floorProc.ready.url}/accounts` },
        { app: () => cpuMs(floorPid), db: dbCpu },
      );
      await floorProc.stop();
      floorProc = undefined;
    }
    const list = !wanted('list')
      ? skipped
      : await measure(
          `${name} list`,
          { url: `${server.url}/api/v1/enterprises/${s.world.enterpriseId}/accounts`, token: s.alice.token },
          serverCpu,
          sample,
        );
    // What the app asks for when 电子税局账号管理 opens: the first page.
    const listPage = !wanted('list')
      ? skipped
      : await measure(
          `${name} list page`,
          {
            url: `${server.url}/api/v1/enterprises/${s.world.enterpriseId}/accounts?limit=${ACCOUNT_PAGE_SIZE}`,
            token: s.alice.token,
          },
          serverCpu,
          sample,
        );
    const tenants = !wanted('tenants')
      ? skipped
      : await measure(
          `${name} tenants`,
          { url: `${server.url}/api/v1/me/tenants`, token: s.alice.token },
          serverCpu,
          sample,
        );
    const ask = (account: string, channel: string) => ({
      url: `${server.url}/ops/v1/tax-sessions`,
      method: 'POST' as const,
      token: opsToken,
      body: { taxId: s.world.taxId, channel, purpose: 'login', account },
    });
    const ready = !wanted('ready')
      ? skipped
      : await measure(`${name} ready`, ask(s.readyAccount, 'issue'), serverCpu, sample);
    const pending = !wanted('pending')
      ? skipped
      : await measure(`${name} pending`, ask(s.pendingAccount, 'receive'), serverCpu, sample);

    console.log(`bench (${name}): ${USERS} users for ${MIX_SECONDS} s…`);
    const timer = setInterval(sample, 1000);
    const mixStartUs = process.hrtime.bigint() / 1000n;
    const mix = !wanted('mix')
      ? { requests: 0, errors: 0, p50: NaN, p99: NaN, rps: NaN, byKind: {}, perKind: {} }
      : await mixedUsers(server.url, sandboxUrl, opsToken, s);
    markPhase(`${name} mix`, mixStartUs);
    clearInterval(timer);

    await stopChild(server.child, 'SIGINT');
    // `npm start` again on the build and the data just made.
    const startMs: number[] = [];
    const startCpuMs: number[] = [];
    for (let i = 0; i < (wanted('start') ? REPEAT : 0); i++) {
      server = await startServer(env);
      startMs.push(server.startMs);
      startCpuMs.push(server.startCpuMs);
      await stopChild(server.child, 'SIGINT');
    }
    return {
      name,
      floor,
      list,
      listPage,
      tenants,
      ready,
      pending,
      mix,
      startServerMb,
      startDbMb,
      idleServerMb,
      idleDbMb,
      loadServerMb,
      loadDbMb: idleDbMb === undefined ? undefined : loadDbMb,
      firstStartMs,
      startMs,
      startCpuMs,
    };
  } finally {
    if (floorProc) await floorProc.stop();
    await pool.end();
    await stopChild(server.child, 'SIGINT');
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** A fresh database on the PostgreSQL server at `url`, dropped by the returned function. */
async function freshDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** n with `digits` decimals, or — when there is no figure. */
const fixed = (digits: number) => (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits);
const f0 = fixed(0);
const f1 = fixed(1);
const f2 = fixed(2);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

export async function loadBench(): Promise<void> {
  const started = Date.now();
  // The machine may be shared: its load beside the figures says how far to trust them.
  const loadAtStart = os.loadavg();
  // `npm start` builds the server when a source is newer than its bundle: done here, before any start is timed.
  const { bundleIsCurrent, buildServer } = await import('../../scripts/build-server.mjs');
  if (!bundleIsCurrent()) await buildServer();
  const sandboxes = await startEntry('test/bench/sandboxes.ts', {});
  const sandboxUrl = sandboxes.ready.url as string;
  const runs: DbRun[] = [];
  let hello: Load | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiaoyun-bench-'));
  fs.chmodSync(tmp, 0o711); // as root, the embedded database runs as the user postgres
  try {
    const helloProc = await startEntry('test/bench/anchors.ts', { ANCHOR: 'hello' });
    console.log(`bench: hello-world anchor…`);
    const helloPid = helloProc.child.pid!;
    hello = await measure('hello', { url: helloProc.ready.url as string }, { app: () => cpuMs(helloPid), db: () => 0 });
    await helloProc.stop();

    if (DB_ONLY !== 'postgres') runs.push(await runOn('embedded', sandboxUrl, { dataDir: path.join(tmp, 'embedded') }));
    const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (DB_ONLY === 'embedded') {
      // only the embedded database was asked for
    } else if (pgUrl) {
      const fresh = await freshDatabase(pgUrl);
      try {
        runs.push(
          await runOn('PostgreSQL', sandboxUrl, { databaseUrl: fresh.url, dataDir: path.join(tmp, 'postgres') }),
        );
      } finally {
        await fresh.drop();
      }
    } else {
      console.log('bench: PostgreSQL skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    }
  } finally {
    await sandboxes.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const h = hello!;
  console.log(
    `\nissue 9 — ${os.cpus().length} cores, ${CONNECTIONS} connections, medians of ${REPEAT} × ${SECONDS} s (${((Date.now() - started) / 60_000).toFixed(1)} min)`,
  );
  console.log(
    `load average (1, 5, 15 min) at start ${loadAtStart.map((l) => l.toFixed(1)).join(', ')}, at end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  const rows: string[][] = [
    ['', 'database', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'KB', 'of floor', 'of hello', 'CPU ms/req app + db'],
  ];
  const cpu = (l: Load) => `${f2(l.appCpu)} + ${f2(l.dbCpu)}`;
  rows.push([
    'hello-world (bare Fastify)',
    '—',
    f0(h.rps),
    f1(h.p50),
    f1(h.p99),
    String(h.errors),
    f1(h.bytes / 1024),
    '',
    '100 %',
    cpu(h),
  ]);
  for (const r of runs) {
    const line = (label: string, l: Load, ofFloor: boolean) =>
      rows.push([
        label,
        r.name,
        f0(l.rps),
        f1(l.p50),
        f1(l.p99),
        String(l.errors),
        f1(l.bytes / 1024),
        ofFloor ? pct(l.rps, r.floor.rps) : '',
        pct(l.rps, h.rps),
        cpu(l),
      ]);
    line('floor: Fastify + pg, 1 query', r.floor, false);
    line(`GET accounts (${ACCOUNTS})`, r.list, true);
    line(`GET accounts?limit=${ACCOUNT_PAGE_SIZE} (the app's)`, r.listPage, false);
    line('GET /me/tenants', r.tenants, false);
    line('POST tax-sessions ready', r.ready, false);
    line('POST tax-sessions pending', r.pending, false);
  }
  console.log(table(rows));
  console.log('');
  const other: string[][] = [['', ...runs.map((r) => r.name)]];
  other.push([`${USERS} users ${MIX_SECONDS} s: requests`, ...runs.map((r) => String(r.mix.requests))]);
  other.push(['  req/s', ...runs.map((r) => f0(r.mix.rps))]);
  other.push(['  p50 / p99 ms', ...runs.map((r) => `${f1(r.mix.p50)} / ${f1(r.mix.p99)}`)]);
  for (const kind of ['login', 'tenants', 'list', 'account', 'ask'])
    other.push([
      `    ${kind} p50 / p99 ms`,
      ...runs.map((r) => `${f1(r.mix.perKind[kind]?.p50)} / ${f1(r.mix.perKind[kind]?.p99)}`),
    ]);
  other.push([
    '  errors',
    ...runs.map((r) => `${r.mix.errors}${Object.keys(r.mix.byKind).length ? ` ${JSON.stringify(r.mix.byKind)}` : ''}`),
  ]);
  other.push(['RSS idle after start: server MB', ...runs.map((r) => f0(r.startServerMb))]);
  other.push(['  + embedded PostgreSQL (PSS) MB', ...runs.map((r) => f0(r.startDbMb))]);
  other.push(['RSS idle after setup: server MB', ...runs.map((r) => f0(r.idleServerMb))]);
  other.push(['  + embedded PostgreSQL (PSS) MB', ...runs.map((r) => f0(r.idleDbMb))]);
  other.push(['RSS under load: server MB', ...runs.map((r) => f0(r.loadServerMb))]);
  other.push(['  + embedded PostgreSQL (PSS) MB', ...runs.map((r) => f0(r.loadDbMb))]);
  other.push(['npm start → /healthz, new data ms', ...runs.map((r) => f0(r.firstStartMs))]);
  other.push([
    'npm start → /healthz, existing ms',
    ...runs.map((r) => `${f0(median(r.startMs))} (${r.startMs.map(f0).join(', ')})`),
  ]);
  other.push([
    '  CPU used until then ms',
    ...runs.map((r) => `${f0(median(r.startCpuMs))} (${r.startCpuMs.map(f0).join(', ')})`),
  ]);
  console.log(table(other));
}
