/**
 * A deploy stops an instance with SIGTERM: the real `npm start` process, run as a child. Readiness
 * fails first while liveness holds, a request in flight finishes with its answer, then the process
 * exits 0. Request ids and log lines are checked on the same process's JSON log.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnMain, untilReady, type MainProcess } from '../support/server';

const ROOT = path.resolve(__dirname, '../..');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function startInstance(env: Record<string, string>): Promise<MainProcess> {
  const instance = await spawnMain(env);
  await untilReady(instance);
  return instance;
}

/** The JSON log lines (the banner is plain text). */
function jsonLines(instance: MainProcess): Record<string, unknown>[] {
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
  let instance: MainProcess;
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
