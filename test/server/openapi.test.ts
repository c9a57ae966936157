/**
 * An API integrators can use blind: /openapi.json is a valid OpenAPI 3.1 document (checked by a
 * real validator), every operation is named and summarised, every success answer has a schema and
 * an example that fits it (openapi-answers.test.ts checks real answers against them), the webhook
 * deliveries are described, /docs shows it; and a client generated from it
 * (openapi-typescript + openapi-fetch) drives the operator flow: tenant → enterprise → ask → poll.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { z } from 'zod';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import createClient from 'openapi-fetch';
import { suiteServer } from '../support/server';
import { makeTaxId } from '../support/factories';
import { boundAccount } from '../support/requests';
import type { paths } from '../support/openapi-client';
import { answerChecker, operationsOf } from '../support/openapi';
import { useZodSchemas } from '../../server/http/zod';

const CLIENT_TYPES = path.resolve(__dirname, '../support/openapi-client.d.ts');

describe('#openapi', () => {
  const server = suiteServer();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let doc: any;
  before(async () => {
    doc = (await server.call('GET', '/openapi.json')).body;
  });

  it('should be a valid OpenAPI 3.1 document', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc);
    assert.deepEqual(result.errors ?? [], [], 'validator errors');
    assert.equal(result.valid, true);
  });

  it('should name and summarise every operation, and describe each success answer with an example', () => {
    const ids: string[] = [];
    const problems: string[] = [];
    for (const { method, path: p, operationId, op } of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${p}`;
      if (typeof operationId !== 'string') problems.push(`${where}: no operationId`);
      else ids.push(operationId);
      if (typeof op.summary !== 'string' || !op.summary) problems.push(`${where}: no summary`);
      const success = Object.entries<{
        content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }>;
      }>(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
      if (success.length === 0) problems.push(`${where}: no success answer`);
      for (const [code, response] of success) {
        // 204 has no body; every other success describes its JSON and shows one.
        if (code === '204') continue;
        const media = response.content?.['application/json'];
        if (!media?.schema) problems.push(`${where} ${code}: no schema`);
        else if (media.example === undefined && media.examples === undefined)
          problems.push(`${where} ${code}: no example`);
      }
    }
    assert.deepEqual(problems, []);
    // The operator API's request bodies carry an example an integrator can send as it stands.
    for (const [p, method] of [
      ['/ops/v1/tenants', 'post'],
      ['/ops/v1/tenants/{tenantId}/enterprises', 'post'],
      ['/ops/v1/tax-sessions', 'post'],
      ['/ops/v1/tenants/{tenantId}/webhook', 'put'],
    ]) {
      const media = doc.paths[p][method].requestBody.content['application/json'];
      assert.ok(media.example ?? media.examples ?? media.schema.examples, `${method} ${p}: no example`);
    }
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    assert.ok(ids.length >= 57, `${ids.length} operations`);
  });

  it('should show examples that are what their own schemas say', () => {
    const { fits } = answerChecker(doc);
    const problems: string[] = [];
    const check = (
      where: string,
      media: { schema?: object; example?: unknown; examples?: Record<string, { value: unknown }> },
    ) => {
      if (!media?.schema) return;
      const examples = [
        ...(media.example !== undefined ? [media.example] : []),
        ...Object.values(media.examples ?? {}).map((e) => e.value),
      ];
      for (const example of examples) for (const p of fits(media.schema, example)) problems.push(`${where}: ${p}`);
    };
    for (const { method, path: p, op } of operationsOf(doc)) {
      for (const [code, response] of Object.entries<{ content?: Record<string, object> }>(op.responses ?? {}))
        check(`${method} ${p} ${code}`, response.content?.['application/json'] ?? {});
      check(`${method} ${p} request`, op.requestBody?.content?.['application/json'] ?? {});
    }
    for (const [name, item] of Object.entries<{ post: { requestBody: { content: Record<string, object> } } }>(
      doc.webhooks,
    ))
      check(`webhook ${name}`, item.post.requestBody.content['application/json']);
    assert.deepEqual(problems, []);
  });

  it('should send answers as the handlers make them: the answer schemas document, never filter', async () => {
    // A fast serializer built from the schemas would drop what they do not list; a client would
    // silently lose a field. openapi-answers.test.ts keeps the schemas complete instead.
    const app = Fastify();
    useZodSchemas(app);
    app.get('/answer', { schema: { response: { 200: z.object({ listed: z.string() }) } } }, async () => ({
      listed: 'a',
      unlisted: 'b',
    }));
    const res = await app.inject({ method: 'GET', url: '/answer' });
    await app.close();
    assert.deepEqual(res.json(), { listed: 'a', unlisted: 'b' });
  });

  it('should describe the signed webhook deliveries under webhooks', () => {
    assert.deepEqual(Object.keys(doc.webhooks).sort(), ['session.dropped', 'session.expiring', 'tax_session.ended']);
    const ended = doc.webhooks['tax_session.ended'].post;
    assert.deepEqual(
      ended.parameters.map((p: { name: string }) => p.name),
      ['X-Signature', 'X-Timestamp'],
    );
    const body = ended.requestBody.content['application/json'];
    assert.deepEqual(body.schema.properties.status.enum, ['done', 'failed', 'expired']);
    assert.equal(body.example.event, 'tax_session.ended');
  });

  it('should serve the interactive reference at /docs', async () => {
    const res = await fetch(`${server.url}/docs`, { redirect: 'follow' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /swagger-ui/i);
    const json = await fetch(`${server.url}/docs/json`);
    assert.equal(((await json.json()) as { openapi: string }).openapi, '3.1.0');
  });

  it('should generate the operator API client test/support/openapi-client.d.ts is (stale: rerun with UPDATE_OPENAPI_CLIENT=1)', async () => {
    // The operator API only: what an invoice system integrates (the app API is the mini program's own).
    const operatorApi = {
      ...doc,
      paths: Object.fromEntries(Object.entries(doc.paths).filter(([p]) => p.startsWith('/ops/'))),
    };
    const generated = astToString(await openapiTS(operatorApi));
    const header =
      '// Generated from /openapi.json by openapi-typescript (test/server/openapi.test.ts); do not edit.\n';
    if (process.env.UPDATE_OPENAPI_CLIENT) fs.writeFileSync(CLIENT_TYPES, header + generated);
    assert.equal(fs.readFileSync(CLIENT_TYPES, 'utf8'), header + generated, 'run with UPDATE_OPENAPI_CLIENT=1');
  });

  it('should drive create tenant → enterprise → ask for a session → poll through the generated client', async () => {
    const api = createClient<paths>({ baseUrl: server.url, headers: { authorization: `Bearer ${server.opsToken}` } });
    const tenant = await api.POST('/ops/v1/tenants', { body: { name: '生成客户端租户' } });
    assert.equal(tenant.response.status, 201);
    assert.ok(tenant.data?.activationCode);
    const taxId = makeTaxId();
    const enterprise = await api.POST('/ops/v1/tenants/{tenantId}/enterprises', {
      params: { path: { tenantId: tenant.data.id } },
      body: { name: '生成客户端测试有限公司', taxId, region: '新疆' },
    });
    assert.equal(enterprise.response.status, 201, JSON.stringify(enterprise.error));
    assert.equal(enterprise.data?.taxId, taxId);
    // No account yet: the documented error shape, typed too.
    const refused = await api.POST('/ops/v1/tax-sessions', { body: { taxId, channel: 'issue', purpose: 'login' } });
    assert.equal(refused.response.status, 404);
    assert.equal(refused.error?.error.code, 'no_default_account');

    // The mini program's side: the enterprise at the bureau, a member who adds and binds an account.
    const bureau = await server.call('POST', '/sandbox/etax/control/enterprises', {
      body: { taxId, name: '生成客户端测试有限公司', region: '新疆' },
    });
    assert.equal(bureau.status, 201);
    const world = {
      tenantId: tenant.data.id,
      activationCode: tenant.data.activationCode,
      enterpriseId: enterprise.data!.id,
      taxId,
      enterpriseName: '生成客户端测试有限公司',
      region: '新疆',
    };
    const { person } = await boundAccount(server, { world, credits: 1 });

    const asked = await api.POST('/ops/v1/tax-sessions', {
      body: { taxId, channel: 'receive', purpose: 'login', account: person.phone },
    });
    assert.equal(asked.response.status, 202, JSON.stringify(asked.error));
    assert.ok(asked.data && asked.data.status === 'pending');
    const polled = await api.GET('/ops/v1/tax-sessions/{requestId}', {
      params: { path: { requestId: asked.data.requestId } },
    });
    assert.equal(polled.response.status, 200);
    assert.equal(polled.data?.status, 'pending');
    assert.equal(polled.data?.requestId, asked.data.requestId);
  });
});
