/**
 * The edge (http/edge.ts): odd bytes in any string are a 400, never a 500, and every error —
 * Fastify's own and the HTTP parser's included — has the `{ error: { code, message } }` shape
 * with Chinese words (zod's zh-CN locale where a schema has no message of its own).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { suiteServer } from '../support/server';
import { member, tenantWithEnterprise } from '../support/etax';

const CHINESE = /[\u4e00-\u9fff]/;

describe('#edge', () => {
  const server = suiteServer();

  async function raw(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
    const res = await fetch(server.url + path, { method, headers: init.headers, body: init.body });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) };
  }
  const ops = { authorization: `Bearer ${'x'}`, 'content-type': 'application/json' };

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function assertShape(res: { status: number; body: any }, status: number, code?: string) {
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body), ['error']);
    assert.deepEqual(Object.keys(res.body.error).sort(), ['code', 'message']);
    if (code) assert.equal(res.body.error.code, code);
    assert.match(res.body.error.message, CHINESE);
  }

  it('should refuse a NUL or a lone surrogate in any string field with a 400, changing nothing', async () => {
    const world = await tenantWithEnterprise(server);
    const alice = await member(server, world);
    const auth = { ...ops, authorization: `Bearer ${server.opsToken}` };
    const cases: [string, string, Record<string, string>, string][] = [
      ['POST', '/ops/v1/tenants', auth, JSON.stringify({ name: 'a\u0000b' })],
      ['POST', '/ops/v1/tenants', auth, '{"name":"a\\ud800b"}'],
      [
        'POST',
        `/ops/v1/tenants/${world.tenantId}/enterprises`,
        auth,
        JSON.stringify({ name: 'x', taxId: '9\u0000', region: '福建' }),
      ],
      [
        'POST',
        `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`,
        { 'content-type': 'application/json', authorization: `Bearer ${alice.token}` },
        JSON.stringify({
          business: 'issue',
          account: '138\u000000000000',
          password: 'p',
          role: '办税员',
          loginType: 'manual',
        }),
      ],
      [
        'POST',
        '/api/v1/me/tenants',
        { 'content-type': 'application/json', authorization: `Bearer ${alice.token}` },
        JSON.stringify({ activationCode: '\u0000' }),
      ],
      ['GET', '/ops/v1/tax-sessions/%00', auth, ''],
      ['PUT', `/ops/v1/tenants/${world.tenantId}/webhook`, auth, JSON.stringify({ 'u\u0000rl': 'x' })],
    ];
    for (const [method, path, headers, body] of cases) {
      assertShape(await raw(method, path, { headers, body: body || undefined }), 400, 'invalid_characters');
    }
    const tenants = await server.ops('GET', `/ops/v1/tenants/${world.tenantId}/enterprises`);
    assert.ok(tenants.status >= 200);
  });

  it('should answer Fastify’s own errors in the contract shape, in Chinese', async () => {
    const auth = { ...ops, authorization: `Bearer ${server.opsToken}` };
    assertShape(await raw('GET', '/no/such/path'), 404, 'not_found');
    assertShape(await raw('POST', '/ops/v1/tenants', { headers: auth, body: '{bad' }), 400, 'invalid_json');
    assertShape(
      await raw('POST', '/ops/v1/tenants', { headers: { ...auth, 'content-type': 'application/xml' }, body: '<x/>' }),
      415,
    );
    assertShape(
      await raw('POST', '/ops/v1/tenants', { headers: auth, body: JSON.stringify({ name: 'x'.repeat(300_000) }) }),
      413,
      'payload_too_large',
    );
    assertShape(await raw('GET', `/ops/v1/tax-sessions/${'a'.repeat(5000)}`, { headers: auth }), 414, 'uri_too_long');
    // zod's own message, in Chinese (no hand-written one on this check).
    const wrongType = await raw('POST', '/ops/v1/tenants', { headers: auth, body: '[]' });
    assertShape(wrongType, 400, 'validation_error');
    assert.doesNotMatch(wrongType.body.error.message, /Invalid|expected/);
  });

  it('should answer header fields too large (the HTTP parser’s own refusal) in the contract shape', async () => {
    const port = Number(new URL(server.url).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`),
      );
      let out = '';
      socket.on('data', (d) => (out += d));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 431 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    assertShape({ status: 431, body }, 431, 'headers_too_large');
  });
});
