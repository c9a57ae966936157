/**
 * Requests expire (on the job queue, and lazily on read), and each end — done, failed, expired — is
 * POSTed to the tenant's webhook, signed with HMAC-SHA256 over the raw body and retried with
 * backoff while the receiver fails.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import { rows } from '../support/etax';
import { ask, boundAccount, finishBySms, statusOf, webhookReceiver } from '../support/requests';

const SECRET = 'webhook-secret-0123456789';
const sign = (raw: string) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;

describe('#tax-sessions.webhooks', () => {
  const server = suiteServer({ env: { LOGIN_REQUEST_TTL_SECONDS: '4', WEBHOOK_RETRY_DELAY_SECONDS: '1' } });

  it('should set, show (without the secret) and remove a tenant’s webhook, refusing bad input', async () => {
    const { world } = await boundAccount(server);
    const path = `/ops/v1/tenants/${world.tenantId}/webhook`;
    assert.equal((await server.ops('PUT', path, { url: 'ftp://example.com/x', secret: SECRET })).status, 400);
    assert.equal((await server.ops('PUT', path, { url: 'https://example.com/x', secret: 'short' })).status, 400);
    const unknown = await server.ops('PUT', `/ops/v1/tenants/${randomUUID()}/webhook`, {
      url: 'https://example.com/x',
      secret: SECRET,
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'tenant_not_found');
    const set = await server.ops('PUT', path, { url: 'https://example.com/hook', secret: SECRET });
    assert.equal(set.status, 200);
    assert.deepEqual(set.body, { tenantId: world.tenantId, url: 'https://example.com/hook' });
    assert.deepEqual((await server.ops('GET', path)).body, set.body);
    const stored = await rows<{ secret_enc: string }>(
      server,
      sql`select secret_enc from tenant_webhooks where tenant_id = ${world.tenantId}`,
    );
    assert.ok(!stored[0].secret_enc.includes(SECRET), 'the secret is stored encrypted');
    assert.equal((await server.ops('DELETE', path)).status, 204);
    assert.equal((await server.ops('GET', path)).status, 404);
  });

  it('should expire a request by itself and tell the webhook, signed, retrying after failures', async () => {
    const receiver = await webhookReceiver({ failFirst: 2 });
    try {
      const a = await boundAccount(server, { credits: 1 });
      await server.ops('PUT', `/ops/v1/tenants/${a.world.tenantId}/webhook`, { url: receiver.url, secret: SECRET });
      const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      assert.equal(asked.status, 202);
      // Nobody reads the request: the expiry job ends it and queues the webhook.
      const deliveries = await receiver.waitFor(3);
      const bodies = deliveries.map((d) => JSON.parse(d.raw));
      for (const [i, d] of deliveries.entries()) {
        assert.equal(d.headers['content-type'], 'application/json');
        assert.equal(d.headers['x-signature'], sign(d.raw), 'HMAC-SHA256 of the raw body');
        assert.equal(d.headers['x-timestamp'], String(bodies[i].timestamp));
        assert.ok(Math.abs(bodies[i].timestamp * 1000 - d.at) < 5000);
      }
      const [body] = bodies.slice(-1);
      assert.deepEqual(
        { ...body, timestamp: undefined, endedAt: undefined },
        {
          event: 'tax_session.ended',
          requestId: asked.body.requestId,
          status: 'expired',
          reason: '登录请求已过期：未在有效期内完成登录',
          taxId: a.world.taxId,
          channel: 'receive',
          purpose: 'login',
          account: `${a.person.phone.slice(0, 3)}****${a.person.phone.slice(-4)}`,
          timestamp: undefined,
          endedAt: undefined,
        },
      );
      const gaps = [deliveries[1].at - deliveries[0].at, deliveries[2].at - deliveries[1].at];
      assert.ok(gaps[0] >= 900 && gaps[1] >= 1900, `backoff between retries: ${gaps.join(', ')} ms`);
      assert.equal((await statusOf(server, asked.body.requestId)).status, 'expired');
      await sleep(1500);
      assert.equal(receiver.received.length, 3, 'delivered once taken: no more attempts');
    } finally {
      await receiver.close();
    }
  });

  it('should answer expired on read as soon as the time is up, and tell the webhook once', async () => {
    const receiver = await webhookReceiver();
    try {
      const a = await boundAccount(server, { credits: 1 });
      await server.ops('PUT', `/ops/v1/tenants/${a.world.tenantId}/webhook`, { url: receiver.url, secret: SECRET });
      const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      await sleep(4050);
      const reads = await Promise.all([0, 1, 2].map(() => statusOf(server, asked.body.requestId)));
      assert.deepEqual(
        reads.map((r) => r.status),
        ['expired', 'expired', 'expired'],
      );
      await receiver.waitFor(1);
      await sleep(2000);
      assert.equal(receiver.received.length, 1);
    } finally {
      await receiver.close();
    }
  });

  it('should tell the webhook that a request was done', async () => {
    const receiver = await webhookReceiver();
    try {
      const a = await boundAccount(server, { credits: 1 });
      await server.ops('PUT', `/ops/v1/tenants/${a.world.tenantId}/webhook`, { url: receiver.url, secret: SECRET });
      const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
      await finishBySms(server, a.alice, asked.body.requestId, a.person.phone);
      // The request page reads the request once its flow is done, as the app does.
      const page = await server.call('GET', `/api/v1/login-requests/${asked.body.requestId}`, { token: a.alice.token });
      assert.equal(page.body.status, 'done');
      const [delivery] = await receiver.waitFor(1);
      const body = JSON.parse(delivery.raw);
      assert.equal(body.status, 'done');
      assert.equal(body.reason, undefined);
      assert.equal(delivery.headers['x-signature'], sign(delivery.raw));
    } finally {
      await receiver.close();
    }
  });
});
