/**
 * A deploy stops an instance with SIGTERM: the real `npm start` process, run as a child. Readiness
 * fails first while liveness holds, a request in flight finishes with its answer, then the process
 * exits 0. Request ids and log lines are checked on the same process's JSON log.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/server';

const ROOT = path.resolve(__dirname, '../..');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Instance {
  child: ChildProcess;
  url: string;
  lines: string[];
  exited: Promise<number | null>;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-'));
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
  child.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${lines.join('\n')}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`not ready within 120 s:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, url, lines, exited };
}

/** The JSON log lines (the banner is plain text). */
function jsonLines(instance: Instance): Record<string, unknown>[] {
  return instance.lines.flatMap((l) => {
    try {
      const parsed = JSON.parse(l) as unknown;
      return parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

describe('#operations', () => {
  let instance: Instance;
  before(async () => {
    instance = await startInstance({ SHUTDOWN_DRAIN_SECONDS: '1', SHUTDOWN_TIMEOUT_SECONDS: '20' });
  });
  after(() => {
    if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
  });

  it('should give each request a UUID, keep a caller’s x-request-id, and log service and version on every line', async () => {
    const mine = await fetch(`${instance.url}/healthz`);
    assert.match(mine.headers.get('x-request-id') ?? '', UUID);
    const other = await fetch(`${instance.url}/healthz`);
    assert.notEqual(other.headers.get('x-request-id'), mine.headers.get('x-request-id'));

    const given = await fetch(`${instance.url}/api/v1/me/tenants`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    assert.equal(given.headers.get('x-request-id'), 'lb-7f3a.42');
    // Not a plain token: replaced, never written into the log as sent.
    const odd = await fetch(`${instance.url}/healthz`, { headers: { 'x-request-id': 'a b;"c"' } });
    assert.match(odd.headers.get('x-request-id') ?? '', UUID);

    await new Promise((r) => setTimeout(r, 200));
    const logged = jsonLines(instance);
    assert.ok(
      logged.some((l) => l.reqId === 'lb-7f3a.42'),
      'the caller’s request id is in the request’s log lines',
    );
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    assert.ok(logged.length > 3, `expected JSON log lines, got:\n${instance.lines.join('\n')}`);
    for (const line of logged) {
      assert.equal(line.service, pkg.name, JSON.stringify(line));
      assert.equal(line.version, pkg.version, JSON.stringify(line));
    }
  });

  it('should fail readiness first on SIGTERM, finish the request in flight, then exit 0', async () => {
    const slowPath = '/sandbox/etax/api/flows/no-such-flow';
    const before = await fetch(instance.url + slowPath);
    const expected = { status: before.status, body: await before.text() };

    const fault = await fetch(`${instance.url}/sandbox/etax/control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'slow', ms: 2500 }),
    });
    assert.equal(fault.status, 200);

    const started = Date.now();
    const inFlight = fetch(instance.url + slowPath).then(async (r) => ({ status: r.status, body: await r.text() }));
    await new Promise((r) => setTimeout(r, 300));
    instance.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));

    // Draining: not ready, still alive, still answering.
    const ready = await fetch(`${instance.url}/readyz`);
    assert.equal(ready.status, 503);
    const readyBody = (await ready.json()) as { checks: Record<string, string> };
    assert.equal(readyBody.checks.draining, 'draining');
    assert.equal((await fetch(`${instance.url}/healthz`)).status, 200);

    assert.deepEqual(await inFlight, expected, 'the request in flight got its whole answer');
    assert.ok(Date.now() - started >= 2500, 'the answer came after the sandbox’s delay');

    assert.equal(await instance.exited, 0, instance.lines.join('\n'));
    // Once it has stopped, nothing listens there.
    await assert.rejects(fetch(`${instance.url}/healthz`));
  });
});
