import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { startTestServer, signInAs, uniqueUser, type TestServer } from '../support/server';
import { makeTaxId } from '../support/factories';
import { CODE_ALPHABET, sha256 } from '../../server/crypto/secrets';

describe('#foundation', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  describe('#health and docs', () => {
    it('should answer /healthz with status ok once the database answers', async () => {
      const res = await server.call('GET', '/healthz');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { status: 'ok' });
    });

    it('should serve an OpenAPI document naming the app and operator routes', async () => {
      const res = await server.call('GET', '/openapi.json');
      assert.equal(res.status, 200);
      assert.ok(res.body.paths['/ops/v1/tenants']);
      assert.ok(res.body.paths['/ops/v1/tenants/{tenantId}/enterprises']);
      assert.ok(res.body.paths['/api/v1/me/tenants']);
      assert.ok(res.body.paths['/api/v1/auth/login']);
      assert.equal(
        res.body.paths['/ops/v1/tenants'].post.requestBody.content['application/json'].schema.type,
        'object',
      );
    });

    it('should forbid caching of API answers', async () => {
      const token = await signInAs(server, uniqueUser());
      const res = await fetch(`${server.url}/api/v1/me/tenants`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const ops = await fetch(`${server.url}/ops/v1/tax-sessions/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: `Bearer ${server.opsToken}` },
      });
      assert.equal(ops.headers.get('cache-control'), 'no-store');
    });

    it('should answer unknown paths with the error shape', async () => {
      const res = await server.call('GET', '/api/v1/nothing-here');
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
    });
  });

  describe('#ops.tenants', () => {
    it('should refuse calls without or with a wrong operator token', async () => {
      const none = await server.call('POST', '/ops/v1/tenants', { body: { name: 'x' } });
      assert.equal(none.status, 401);
      assert.equal(none.body.error.code, 'unauthorized');
      const wrong = await server.call('POST', '/ops/v1/tenants', {
        body: { name: 'x' },
        token: 'not-the-token-at-all',
      });
      assert.equal(wrong.status, 401);
      // Who is calling is settled first: a bad body without the token is still 401.
      const badBody = await server.call('POST', '/ops/v1/tenants', { body: { name: '' } });
      assert.equal(badBody.status, 401);
      const appBadBody = await server.call('POST', '/api/v1/me/tenants', { body: {} });
      assert.equal(appBadBody.status, 401);
    });

    it('should create a tenant with a random activation code of the unambiguous alphabet, stored hashed', async () => {
      const a = await server.ops('POST', '/ops/v1/tenants', { name: '租户甲' });
      const b = await server.ops('POST', '/ops/v1/tenants', { name: '租户乙' });
      assert.equal(a.status, 201);
      assert.equal(a.body.name, '租户甲');
      assert.ok(a.body.activationCode.length >= 12);
      for (const ch of a.body.activationCode) assert.ok(CODE_ALPHABET.includes(ch), `unexpected character ${ch}`);
      assert.notEqual(a.body.activationCode, b.body.activationCode);
      const rows = await server.ctx.db.execute(
        sql`select activation_code_hash as h from tenants where id = ${a.body.id}`,
      );
      const stored = (rows as unknown as { rows: { h: string }[] }).rows[0].h;
      assert.notEqual(stored, a.body.activationCode);
      assert.ok(!stored.includes(a.body.activationCode));
    });

    it('should refuse a blank tenant name with a clear message', async () => {
      const res = await server.ops('POST', '/ops/v1/tenants', { name: '  ' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_error');
      assert.equal(res.body.error.message, '租户名称不能为空');
    });

    it('should add enterprises with a valid 统一社会信用代码 or legacy 15-digit 税号 and refuse bad ones', async () => {
      const t = await server.ops('POST', '/ops/v1/tenants', { name: '租户丙' });
      const ok = await server.ops('POST', `/ops/v1/tenants/${t.body.id}/enterprises`, {
        name: '福州测试',
        taxId: '91350100M000100Y43',
        region: '福建',
      });
      assert.equal(ok.status, 201);
      assert.deepEqual(
        { ...ok.body, id: undefined },
        { id: undefined, name: '福州测试', taxId: '91350100M000100Y43', region: '福建' },
      );
      const legacy = await server.ops('POST', `/ops/v1/tenants/${t.body.id}/enterprises`, {
        name: '老税号',
        taxId: '650102123456789',
        region: '新疆',
      });
      assert.equal(legacy.status, 201);
      const badCheck = await server.ops('POST', `/ops/v1/tenants/${t.body.id}/enterprises`, {
        name: 'x',
        taxId: '91350100M000100Y44',
        region: '福建',
      });
      assert.equal(badCheck.status, 400);
      assert.match(badCheck.body.error.message, /税号格式不正确/);
      const dup = await server.ops('POST', `/ops/v1/tenants/${t.body.id}/enterprises`, {
        name: '又一个',
        taxId: '91350100M000100Y43',
        region: '福建',
      });
      assert.equal(dup.status, 409);
      const missing = await server.ops('POST', `/ops/v1/tenants/00000000-0000-4000-8000-000000000000/enterprises`, {
        name: 'x',
        taxId: makeTaxId(),
        region: '新疆',
      });
      assert.equal(missing.status, 404);
    });

    it('should refuse malformed JSON without changing anything', async () => {
      const res = await fetch(`${server.url}/ops/v1/tenants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.opsToken}`, 'content-type': 'application/json' },
        body: '{"name": ',
      });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.message, '请求格式不正确');
    });
  });

  describe('#auth.login', () => {
    it('should sign in with a wx.login code and never answer the session_key', async () => {
      const user = uniqueUser();
      const code = await server.call('POST', '/sandbox/wechat/control/code', { body: { user } });
      const res = await server.call('POST', '/api/v1/auth/login', { body: { code: code.body.code } });
      assert.equal(res.status, 200);
      assert.ok(res.body.token.length >= 32);
      assert.ok(Date.parse(res.body.expiresAt) > Date.now());
      assert.deepEqual(Object.keys(res.body).sort(), ['expiresAt', 'home', 'token', 'user']);
      assert.deepEqual(res.body.home, { tenants: [], loginRequests: [] });
      assert.ok(!JSON.stringify(res.body).toLowerCase().includes('session'));
      const again = await server.call('POST', '/api/v1/auth/login', { body: { code: code.body.code } });
      assert.equal(again.status, 400);
      assert.equal(again.body.error.code, 'invalid_login_code');
      // Nothing reads session_key, so it is not stored at all.
      const columns = (await server.ctx.db.execute(
        sql`select column_name from information_schema.columns where table_name = 'users'`,
      )) as unknown as { rows: { column_name: string }[] };
      assert.deepEqual(
        columns.rows.filter((c) => /session/.test(c.column_name)),
        [],
      );
    });

    it('should give the same user back for the same simulated WeChat user', async () => {
      const user = uniqueUser();
      const first = await server.call('POST', '/api/v1/auth/login', {
        body: { code: (await server.call('POST', '/sandbox/wechat/control/code', { body: { user } })).body.code },
      });
      const second = await server.call('POST', '/api/v1/auth/login', {
        body: { code: (await server.call('POST', '/sandbox/wechat/control/code', { body: { user } })).body.code },
      });
      assert.equal(first.body.user.id, second.body.user.id);
      assert.notEqual(first.body.token, second.body.token);
    });

    it('should store only the hash of the token and refuse it after logout', async () => {
      const token = await signInAs(server, uniqueUser());
      const rows = await server.ctx.db.execute(
        sql`select count(*)::int as n from app_sessions where token_hash = ${token}`,
      );
      assert.equal((rows as unknown as { rows: { n: number }[] }).rows[0].n, 0);
      assert.equal((await server.call('GET', '/api/v1/me/tenants', { token })).status, 200);
      assert.equal((await server.call('POST', '/api/v1/auth/logout', { token })).status, 204);
      const after = await server.call('GET', '/api/v1/me/tenants', { token });
      assert.equal(after.status, 401);
      assert.equal(after.body.error.code, 'unauthorized');
    });

    it('should refuse an expired token', async () => {
      const token = await signInAs(server, uniqueUser());
      await server.ctx.db.execute(
        sql`update app_sessions set expires_at = now() - interval '1 minute' where token_hash = ${sha256(token)}`,
      );
      const res = await server.call('GET', '/api/v1/me/tenants', { token });
      assert.equal(res.status, 401);
    });

    it('should refuse a missing or garbage code with a clear message', async () => {
      const missing = await server.call('POST', '/api/v1/auth/login', { body: {} });
      assert.equal(missing.status, 400);
      const garbage = await server.call('POST', '/api/v1/auth/login', { body: { code: 'nonsense' } });
      assert.equal(garbage.status, 400);
      assert.match(garbage.body.error.message, /登录凭证无效/);
    });
  });

  describe('#tenants.join', () => {
    it('should join by code, list the tenant with its enterprises, and leave it', async () => {
      const t = await server.ops('POST', '/ops/v1/tenants', { name: '加入测试租户' });
      const taxId = makeTaxId();
      await server.ops('POST', `/ops/v1/tenants/${t.body.id}/enterprises`, {
        name: '加入测试企业',
        taxId,
        region: '新疆',
      });
      const token = await signInAs(server, uniqueUser());
      assert.deepEqual((await server.call('GET', '/api/v1/me/tenants', { token })).body, { tenants: [] });

      // Typed with spaces, dashes and lower case: still the same code.
      const typed = t.body.activationCode.toLowerCase().replace(/(.{4})/g, '$1 -');
      const joined = await server.call('POST', '/api/v1/me/tenants', { token, body: { activationCode: typed } });
      assert.equal(joined.status, 201);
      assert.equal(joined.body.name, '加入测试租户');
      assert.equal(joined.body.enterprises[0].taxId, taxId);
      assert.deepEqual(joined.body.enterprises[0].admin, { state: 'none', names: [] });

      const list = await server.call('GET', '/api/v1/me/tenants', { token });
      assert.equal(list.body.tenants.length, 1);
      assert.equal(list.body.tenants[0].enterprises[0].name, '加入测试企业');

      const twice = await server.call('POST', '/api/v1/me/tenants', {
        token,
        body: { activationCode: t.body.activationCode },
      });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, 'already_joined');

      assert.equal((await server.call('DELETE', `/api/v1/me/tenants/${t.body.id}`, { token })).status, 204);
      assert.deepEqual((await server.call('GET', '/api/v1/me/tenants', { token })).body, { tenants: [] });
      const again = await server.call('DELETE', `/api/v1/me/tenants/${t.body.id}`, { token });
      assert.equal(again.status, 404);
    });

    it('should not show a tenant to a user who has not joined it', async () => {
      const t = await server.ops('POST', '/ops/v1/tenants', { name: '别人的租户' });
      const owner = await signInAs(server, uniqueUser());
      await server.call('POST', '/api/v1/me/tenants', {
        token: owner,
        body: { activationCode: t.body.activationCode },
      });
      const stranger = await signInAs(server, uniqueUser());
      assert.deepEqual((await server.call('GET', '/api/v1/me/tenants', { token: stranger })).body, { tenants: [] });
      assert.equal((await server.call('DELETE', `/api/v1/me/tenants/${t.body.id}`, { token: stranger })).status, 404);
    });

    it('should say a wrong code is wrong, and refuse the sixth wrong code within 10 minutes with the wait time', async () => {
      const t = await server.ops('POST', '/ops/v1/tenants', { name: '限流租户' });
      const token = await signInAs(server, uniqueUser());
      for (let i = 1; i <= 5; i++) {
        const res = await server.call('POST', '/api/v1/me/tenants', {
          token,
          body: { activationCode: `WRONGCODE${i}AAAAA` },
        });
        assert.equal(res.status, 400, `attempt ${i}`);
        assert.equal(res.body.error.code, 'invalid_activation_code');
        assert.match(res.body.error.message, /激活码不正确/);
      }
      const sixth = await server.call('POST', '/api/v1/me/tenants', {
        token,
        body: { activationCode: t.body.activationCode },
      });
      assert.equal(sixth.status, 429);
      assert.equal(sixth.body.error.code, 'too_many_attempts');
      assert.ok(sixth.body.error.retryAfterSeconds > 500 && sixth.body.error.retryAfterSeconds <= 600);
      assert.match(sixth.body.error.message, /请 10 分钟后再试/);
      assert.deepEqual((await server.call('GET', '/api/v1/me/tenants', { token })).body, { tenants: [] });

      // Another user is not affected.
      const other = await signInAs(server, uniqueUser());
      assert.equal(
        (
          await server.call('POST', '/api/v1/me/tenants', {
            token: other,
            body: { activationCode: t.body.activationCode },
          })
        ).status,
        201,
      );
    });

    it('should count concurrent wrong codes exactly', async () => {
      const token = await signInAs(server, uniqueUser());
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          server.call('POST', '/api/v1/me/tenants', { token, body: { activationCode: `PARALLEL${i}XXXXXX` } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429, 429, 429]);
    });
  });
});

describe('#errors.5xx', () => {
  it('should answer 500 without details and /healthz 503 when the database is gone', async () => {
    const server = await startTestServer();
    const token = await signInAs(server, uniqueUser());
    await server.ctx.database.close();
    const res = await server.call('GET', '/api/v1/me/tenants', { token });
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { error: { code: 'internal_error', message: '服务器开小差了，请稍后再试' } });
    const health = await server.call('GET', '/healthz');
    assert.equal(health.status, 503);
    await server.app.close();
  });
});

describe('#http.bodies', () => {
  it('should accept an empty JSON body as wx.request sends it, and refuse prototype poisoning', async () => {
    const server = await startTestServer();
    try {
      const t = await server.ops('POST', '/ops/v1/tenants', { name: '空体租户' });
      const token = await signInAs(server, uniqueUser());
      await server.call('POST', '/api/v1/me/tenants', { token, body: { activationCode: t.body.activationCode } });
      const res = await fetch(`${server.url}/api/v1/me/tenants/${t.body.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
      assert.equal(res.status, 204);
      const poisoned = await fetch(`${server.url}/ops/v1/tenants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.opsToken}`, 'content-type': 'application/json' },
        body: '{"name":"x","__proto__":{"admin":true}}',
      });
      assert.equal(poisoned.status, 400);
    } finally {
      await server.close();
    }
  });
});

describe('#static files', () => {
  let server: TestServer;
  let dir: string;
  const script = `console.log(${JSON.stringify('发票云'.repeat(400))});`;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiaoyun-static-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>发票云</title>');
    fs.mkdirSync(path.join(dir, 'js'));
    fs.writeFileSync(path.join(dir, 'js', 'app.js'), script);
    fs.writeFileSync(path.join(dir, 'js', 'app.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(dir, 'js', 'app.js.gz'), zlib.gzipSync(script));
    server = await startTestServer({ staticDir: dir });
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (encoding?: string) =>
    new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      // node:http: fetch would decode the body and hide what was sent.
      http
        .get(`${server.url}/js/app.js`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'] as string | undefined, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    });

  it('should send the build’s brotli file to a browser that accepts br, gzip to one that accepts only gzip', async () => {
    const br = await get('gzip, deflate, br');
    assert.equal(br.encoding, 'br');
    assert.equal(zlib.brotliDecompressSync(br.body).toString(), script);
    const gz = await get('gzip');
    assert.equal(gz.encoding, 'gzip');
    assert.equal(zlib.gunzipSync(gz.body).toString(), script);
  });

  it('should send the plain file to a client that accepts no compression', async () => {
    const plain = await get();
    assert.equal(plain.encoding, undefined);
    assert.equal(plain.body.toString(), script);
  });
});
