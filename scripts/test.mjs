#!/usr/bin/env node
/**
 * `npm test`: every check and every test, in order of cost; exits non-zero on any failure.
 * Server tests run on an embedded PostgreSQL cluster started for the run, then again on the
 * PostgreSQL server at TEST_DATABASE_URL when it is set (CI's PostgreSQL 15).
 * Closes with one line "tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2); // e.g. `npm test -- server e2e`
let passed = 0;
let failed = 0;
const failures = [];

/** No step may hang the run (CI allows 90 minutes for everything). */
const STEP_TIMEOUT_MS = 25 * 60_000;

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: STEP_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  if (res.error) console.log(`=== ${name}: ${res.error.message}`);
  const out = res.stdout?.toString() ?? '';
  process.stdout.write(out);
  console.log(`=== ${name}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (res.status !== 0) failures.push(name);
  return { ok: res.status === 0, out };
}

/** Counts from node's test runner (spec reporter) output. */
function countNode(out) {
  const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0) + Number(/ℹ cancelled (\d+)/.exec(out)?.[1] ?? 0);
  passed += pass;
  failed += fail;
}

/** The *.test.ts files under the given folders (Node 20's test runner expands no globs). */
function testFiles(dirs) {
  const found = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts')) found.push(path.relative(root, full));
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return found.sort();
}

function nodeTests(name, dirs, env = {}) {
  const files = testFiles(dirs);
  if (files.length === 0) {
    console.log(`\n=== ${name}: no test files in ${dirs.join(', ')}`);
    failures.push(name);
    return;
  }
  const { ok, out } = run(
    name,
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-force-exit', '--test-reporter=spec', ...files],
    env,
  );
  countNode(out);
  if (!ok && !/ℹ fail [1-9]/.test(out)) failed += 1; // crashed before reporting
}

// `npm test` runs on the Node of the `node` package (npm puts node_modules/.bin first on a script's PATH).
const wanted = Number(
  /(\d+)/.exec(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node)[1],
);
if (Number(process.versions.node.split('.')[0]) < wanted) {
  console.log(
    `Node ${process.version} is older than package.json's engines (${wanted}): run \`npm install\`, then \`npm test\`.`,
  );
  process.exit(1);
}
console.log(`=== node ${process.version}`);

const want = (part) => only.length === 0 || only.includes(part);

if (want('static')) {
  run('lint and format', 'npm', ['run', '--silent', 'lint']);
  run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  run('unused files and dependencies (knip)', 'npm', ['run', '--silent', 'knip']);
}

if (want('app')) {
  const report = path.join(os.tmpdir(), `jest-${process.pid}.json`);
  // With 2 cores jest runs the tests in its own process, so a timer a test leaves running keeps it
  // alive: a 激活码 wait (TenantStore, up to 10 minutes) once held it 9 minutes after every test had
  // passed. test/app/setup/timers.ts stops the app's timers after each test; --forceExit stays as the
  // backstop so a new leak costs seconds, not the step's 25-minute kill (the results are written first).
  const { ok } = run('app tests (jest)', 'npx', ['jest', '--ci', '--forceExit', '--json', `--outputFile=${report}`]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (!ok && r.numFailedTests === 0) failed += 1;
  } else if (!ok) failed += 1;
}

if (want('server')) {
  // The same suites on the embedded database first (the one `npm start` runs), whatever
  // TEST_DATABASE_URL says: one throwaway cluster for the run, in a temporary folder on a free port.
  const { tsImport } = await import('tsx/esm/api');
  const { startEmbeddedPostgres } = await tsImport('../server/db/embedded.ts', import.meta.url);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiaoyun-test-pg-'));
  fs.chmodSync(tmp, 0o711); // as root, the database runs as the user postgres
  try {
    const cluster = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), settings: { fsync: 'off' } });
    try {
      await cluster.createDatabase('fapiaoyun_test');
      nodeTests('server tests (embedded PostgreSQL)', ['test/server', 'test/sandbox'], {
        TEST_DATABASE_URL: cluster.url('fapiaoyun_test'),
      });
    } finally {
      await cluster.stop();
    }
  } catch (e) {
    console.log(`\n=== server tests (embedded PostgreSQL): ${e instanceof Error ? e.message : e}`);
    failures.push('server tests (embedded PostgreSQL)');
    failed += 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (process.env.TEST_DATABASE_URL) {
    run('reset test database', process.execPath, ['--import', 'tsx', 'scripts/reset-test-db.ts']);
    nodeTests('server tests (PostgreSQL)', ['test/server']);
  } else {
    console.log('\n=== server tests (PostgreSQL): skipped, TEST_DATABASE_URL is not set');
  }
}

if (want('weapp') || want('e2e')) {
  run('build weapp', 'npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' });
  run('build h5', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production', TARO_APP_API: '' });
}
if (want('weapp')) nodeTests('weapp build tests', ['test/weapp']);
if (want('e2e')) nodeTests('end-to-end tests (Chromium)', ['test/e2e']);

console.log('');
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
