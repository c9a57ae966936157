/**
 * Secrets never reach a log line: with logging on at its most detailed, a sign-in, a tenant
 * joined by its code and an account added with its password and SMS code leave none of them
 * (nor WeChat's appsecret, js_code, session_key or our token) in the log.
 */
import { describe, it } from 'node:test';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { startTestServer } from '../support/server';
import { addAccount, bureauPerson, latestSmsCode, member, tenantWithEnterprise } from '../support/etax';
import { SANDBOX_SECRET } from '../../server/sandbox';

describe('#logs', () => {
  it('should keep passwords, codes, tokens and keys out of every log line', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const server = await startTestServer({ env: { LOG_LEVEL: 'trace' }, logStream: stream });
    try {
      const world = await tenantWithEnterprise(server);
      const alice = await member(server, world);
      const person = await bureauPerson(server, world.taxId, { role: '办税员', permissions: ['issue', 'receive'] });
      await addAccount(server, alice.token, world.enterpriseId, person);
      const lastCode = await latestSmsCode(server, person.phone);

      const log = lines.join('\n');
      assert.ok(lines.length > 20, `expected request logs, got ${lines.length} lines`);
      assert.ok(log.includes('/api/v1/flows/'), 'the flow requests are logged');
      for (const [what, secret] of [
        ['password', person.password],
        ['SMS code', lastCode],
        ['app token', alice.token],
        ['activation code', world.activationCode],
        ['WeChat appsecret', SANDBOX_SECRET],
        ['operator token', server.opsToken],
      ] as const) {
        assert.ok(!log.includes(secret), `${what} found in the log`);
      }
      assert.ok(!/session_key"\s*:\s*"[^*]/.test(log), 'a session_key value found in the log');
      assert.ok(!/js_code=(?!\*)/.test(log), 'a js_code found in the log');
    } finally {
      await server.close();
    }
  });

  it('should log a failed query without its parameters (an activation code hash, a name)', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const server = await startTestServer({ env: { LOG_LEVEL: 'info' }, logStream: stream });
    const name = `租户-${crypto.randomBytes(6).toString('hex')}`;
    const fn = `fail_${crypto.randomBytes(4).toString('hex')}`;
    // The database refuses this one tenant, as a lost connection or a full disk would.
    await server.ctx.db.execute(
      sql.raw(
        `create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'injected'; end $$`,
      ),
    );
    await server.ctx.db.execute(
      sql.raw(
        `create trigger ${fn} before insert on tenants for each row when (new.name = '${name}') execute function ${fn}()`,
      ),
    );
    try {
      const res = await server.ops('POST', '/ops/v1/tenants', { name });
      assert.equal(res.status, 500);
      assert.deepEqual(Object.keys(res.body.error).sort(), ['code', 'message']);
      const logged = lines.find((l) => l.includes('unhandled error'));
      assert.ok(logged, 'the failure is logged');
      assert.match(logged, /Failed query: insert into \\"tenants\\"/, 'the query text is kept');
      assert.ok(!logged.includes(name), 'a parameter found in the log');
      assert.ok(!/[0-9a-f]{64}/.test(logged), 'a hash (activation_code_hash) found in the log');
    } finally {
      await server.ctx.db.execute(sql.raw(`drop trigger if exists ${fn} on tenants`));
      await server.ctx.db.execute(sql.raw(`drop function if exists ${fn}()`));
      await server.close();
    }
  });
});
