/**
 * deploy/ as an operator runs it: the compiled server (npm run build:server), two instances started
 * together on one empty database, the sandboxes in a process of their own, Debian's nginx in front
 * (deploy/local.mjs). Under steady traffic through nginx — operator calls, and WeChat sign-ins that
 * need the sandboxes — each instance is restarted in turn; not one request fails.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { emptyDatabaseUrl } from '../support/server';

const ROOT = path.resolve(__dirname, '../..');

interface Node {
  name: string;
  lines: string[];
}
interface Cluster {
  url: string;
  instances: Node[];
  rollingRestart(): Promise<(number | null)[]>;
  stop(): Promise<void>;
}

describe('#deploy', () => {
  let cluster: Cluster;
  let empty: { url: string; drop(): Promise<void> };
  const opsToken = crypto.randomBytes(24).toString('base64url');

  before(async () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    empty = await emptyDatabaseUrl();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
    fs.chmodSync(dir, 0o755); // nginx's workers write their temporary files here
    const { startCluster } = (await import(path.join(ROOT, 'deploy', 'local.mjs'))) as {
      startCluster(opts: { env: Record<string, string>; instances: number; dir: string }): Promise<Cluster>;
    };
    cluster = await startCluster({
      instances: 2,
      dir,
      env: {
        DATABASE_URL: empty.url,
        CREDENTIAL_KEY: crypto.randomBytes(32).toString('base64'),
        OPS_TOKEN: opsToken,
        TRUST_PROXY: '127.0.0.1',
        SHUTDOWN_DRAIN_SECONDS: '1',
        LOG_LEVEL: 'warn',
      },
    });
  });
  after(async () => {
    await cluster?.stop();
    await empty?.drop();
  });

  it('should have migrated the empty database once with both instances starting together', async () => {
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number; distinct: number }>(
        'select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations',
      );
      const journal = JSON.parse(
        fs.readFileSync(path.join(ROOT, 'server/db/migrations/meta/_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      assert.deepEqual(rows[0], { n: journal.entries.length, distinct: journal.entries.length });
    } finally {
      await client.end();
    }
  });

  it('should answer every request while the instances restart one at a time', async () => {
    const ops = (method: string, p: string, body?: unknown) =>
      fetch(cluster.url + p, {
        method,
        headers: { authorization: `Bearer ${opsToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    let sent = 0;
    const failures: string[] = [];
    let running = true;
    // Four clients, each writing a tenant and reading it back, without pause.
    const client = async (n: number) => {
      while (running) {
        sent += 2;
        try {
          const created = await ops('POST', '/ops/v1/tenants', { name: `滚动重启 ${n}-${sent}` });
          if (created.status !== 201) {
            failures.push(`POST ${created.status} ${await created.text()}`);
            continue;
          }
          const { id } = (await created.json()) as { id: string };
          // A new tenant has no webhook yet: the answer names that, whichever instance read it.
          const read = await ops('GET', `/ops/v1/tenants/${id}/webhook`);
          const text = await read.text();
          if (read.status !== 404 || !text.includes('webhook_not_found')) failures.push(`GET ${read.status} ${text}`);
        } catch (e) {
          failures.push(`network: ${e instanceof Error ? `${e.message} ${String(e.cause)}` : e}`);
        }
      }
    };
    // A WeChat user signing in again and again: a code from the WeChat sandbox through nginx, then
    // the instance that takes the login asks the same sandbox for the session.
    const signIns = async () => {
      for (let n = 0; running; n++) {
        sent += 2;
        try {
          const code = await fetch(`${cluster.url}/sandbox/wechat/control/code`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: `rolling-${n}` }),
          });
          if (code.status !== 200) {
            failures.push(`code ${code.status} ${await code.text()}`);
            continue;
          }
          const login = await fetch(`${cluster.url}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code: ((await code.json()) as { code: string }).code }),
          });
          if (login.status !== 200) failures.push(`login ${login.status} ${await login.text()}`);
        } catch (e) {
          failures.push(`network: ${e instanceof Error ? `${e.message} ${String(e.cause)}` : e}`);
        }
      }
    };
    const clients = [...[1, 2, 3, 4].map(client), signIns()];
    await new Promise((r) => setTimeout(r, 1000));
    const exitCodes = await cluster.rollingRestart();
    running = false;
    await Promise.all(clients);

    assert.deepEqual(exitCodes, [0, 0], 'each instance stopped gracefully');
    assert.ok(sent > 100, `steady traffic: only ${sent} requests were sent`);
    assert.deepEqual(failures, [], `${failures.length} of ${sent} requests failed`);
    console.log(`rolling restart of 2 instances behind nginx: ${sent} requests, ${failures.length} failed`);
  });
});
