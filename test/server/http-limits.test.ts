/**
 * HTTP-level failure limits (http/limits.ts, @fastify/rate-limit on PostgreSQL): wrong operator
 * tokens, 激活码 from rotating WeChat identities, browser-link tokens and sign-in codes from one
 * address are refused with 429, `retry-after` and a Chinese message once the limit is reached —
 * counted across two instances on one database — and reaching a limit is recorded.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { signInAs, startTestServer, testDatabase, uniqueUser, type TestServer } from '../support/server';
import { rows, tenantWithEnterprise } from '../support/etax';
import { HTTP_LIMITS } from '../../server/http/limits';
import type { Database } from '../../server/db';

describe('#limits.http (shared by instances)', () => {
  let database: Database;
  let a: TestServer;
  let b: TestServer;

  before(async () => {
    database = await testDatabase();
    a = await startTestServer({ database });
    b = await startTestServer({ database, clientIp: a.clientIp });
  });
  after(async () => {
    await a.close();
    await b.close();
    await database.close();
  });

  /** One request from an address, the two instances taking turns. */
  async function from(
    ip: string,
    i: number,
    method: string,
    path: string,
    init: { token?: string; body?: unknown } = {},
  ) {
    const server = i % 2 === 0 ? a : b;
    const res = await fetch(server.url + path, {
      method,
      headers: {
        'x-forwarded-for': ip,
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  }
  const anIp = () => `172.16.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function assertLimited(res: { status: number; retryAfter: string | null; body: any }) {
    assert.equal(res.status, 429, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'too_many_requests');
    assert.match(res.body.error.message, /失败次数过多，请\d+分钟后再试/);
    assert.ok(Number(res.retryAfter) > 0 && Number(res.retryAfter) <= 600, `retry-after ${res.retryAfter}`);
  }

  const events = (kind: string, ip: string) =>
    rows(a, sql`select failures from security_events where kind = ${kind} and ip = ${ip}`);

  it('should refuse wrong operator tokens past the limit, across instances, then even the right one from there', async () => {
    const ip = anIp();
    for (let i = 0; i < HTTP_LIMITS.ops_token.max; i++) {
      assert.equal(
        (await from(ip, i, 'GET', '/ops/v1/tax-sessions/00000000-0000-4000-8000-000000000000', { token: `wrong-${i}` }))
          .status,
        401,
      );
    }
    assertLimited(await from(ip, 0, 'POST', '/ops/v1/tenants', { token: 'wrong', body: { name: 'x' } }));
    // Refused before the token is evaluated: the right one fares no better from this address.
    assertLimited(await from(ip, 1, 'POST', '/ops/v1/tenants', { token: a.opsToken, body: { name: '某某集团' } }));
    assert.equal(
      (await from(anIp(), 0, 'POST', '/ops/v1/tenants', { token: a.opsToken, body: { name: '某某集团' } })).status,
      201,
    );
    assert.deepEqual(await events('ops_token', ip), [{ failures: HTTP_LIMITS.ops_token.max }]);
  });

  it('should refuse wrong 激活码 from one address whichever WeChat user types them', async () => {
    const world = await tenantWithEnterprise(a);
    const ip = anIp();
    const users = await Promise.all(
      Array.from({ length: HTTP_LIMITS.activation_code.max + 1 }, () => signInAs(a, uniqueUser('rotating'))),
    );
    for (let i = 0; i < HTTP_LIMITS.activation_code.max; i++) {
      const res = await from(ip, i, 'POST', '/api/v1/me/tenants', {
        token: users[i],
        body: { activationCode: `WRONG${i}` },
      });
      assert.equal(res.body.error.code, 'invalid_activation_code');
    }
    const last = users[HTTP_LIMITS.activation_code.max];
    assertLimited(
      await from(ip, 0, 'POST', '/api/v1/me/tenants', { token: last, body: { activationCode: world.activationCode } }),
    );
    // Other calls of the same user are not limited; from elsewhere the code joins.
    assert.equal((await from(ip, 1, 'GET', '/api/v1/me/tenants', { token: last })).status, 200);
    assert.equal(
      (
        await from(anIp(), 1, 'POST', '/api/v1/me/tenants', {
          token: last,
          body: { activationCode: world.activationCode },
        })
      ).status,
      201,
    );
    assert.equal((await events('activation_code', ip)).length, 1);
  });

  it('should refuse guessed browser-link tokens past the limit', async () => {
    const ip = anIp();
    for (let i = 0; i < HTTP_LIMITS.link_token.max; i++) {
      assert.equal(
        (await from(ip, i, 'GET', `/api/v1/link/${crypto.randomBytes(32).toString('base64url')}`)).status,
        404,
      );
    }
    assertLimited(await from(ip, 0, 'GET', `/api/v1/link/${crypto.randomBytes(32).toString('base64url')}`));
    assert.equal((await events('link_token', ip)).length, 1);
  });

  it('should refuse forged sign-in codes past the limit', async () => {
    const ip = anIp();
    for (let i = 0; i < HTTP_LIMITS.sign_in.max; i++) {
      const res = await from(ip, i, 'POST', '/api/v1/auth/login', { body: { code: `forged-${i}` } });
      assert.ok(res.status === 400 || res.status === 401, JSON.stringify(res.body));
    }
    assertLimited(await from(ip, 1, 'POST', '/api/v1/auth/login', { body: { code: 'forged' } }));
    assert.equal((await events('sign_in', ip)).length, 1);
  });
});
