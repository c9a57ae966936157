/**
 * The OpenAPI 3.1 document at /openapi.json (and the reference at /docs): routes describe
 * themselves with zod schemas (zod.ts turns them into JSON Schema 2020-12, which 3.1 uses); the
 * operation ids come from operation-ids.ts; the webhook deliveries a tenant receives are described
 * under `webhooks`.
 */
import { z } from 'zod';
import { taxSessionWebhookPayload } from '../../types/ops';
import { sessionDroppedPayload, sessionExpiringPayload } from '../../types/watch';
import { zodToJsonSchema } from './zod';

const signedHeaders = [
  {
    name: 'X-Signature',
    in: 'header' as const,
    required: true,
    description:
      'sha256=<hex HMAC-SHA256(webhook secret, raw request body)>: check it over the raw bytes before parsing.',
    schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' },
  },
  {
    name: 'X-Timestamp',
    in: 'header' as const,
    required: true,
    description: 'Unix seconds of this delivery attempt (also `timestamp` in the body): refuse old ones (replays).',
    schema: { type: 'string', pattern: '^\\d+$' },
  },
];

function webhook(operationId: string, summary: string, payload: z.ZodType, example: object) {
  return {
    post: {
      operationId,
      summary,
      description:
        'POSTed as JSON to the URL set with setWebhook. Any answer but 2xx (or none within WEBHOOK_TIMEOUT_MS) is retried with exponential backoff; each attempt is signed afresh.',
      parameters: signedHeaders,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: zodToJsonSchema(payload, 'output'), example } },
      },
      responses: { '200': { description: 'Received (any 2xx will do).' } },
    },
  };
}

/** Built on use: the payload schemas convert through zod.ts. */
export function openapiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '发票云 · 电子税局配置 API',
      version: '1.0.0',
      description:
        'The operator API (/ops/v1) an invoice system calls with the operator token, and the app API (/api/v1) the mini program calls with a user token. Errors are `{"error":{"code","message"}}`, messages in Chinese.',
    },
    tags: [
      { name: 'ops', description: 'Operator API: tenants, enterprises, tax sessions, webhooks (Bearer OPS_TOKEN).' },
    ],
    components: { securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    webhooks: {
      'tax_session.ended': webhook(
        'taxSessionEnded',
        'A login request of the tenant ended: done, failed or expired',
        taxSessionWebhookPayload,
        {
          event: 'tax_session.ended',
          requestId: '4f0c6a36-5d5b-4f59-9d1a-2d3c8a7f1e20',
          status: 'done',
          taxId: '91650100MA7XJ3K84G',
          channel: 'issue',
          purpose: 'login',
          account: '139****7550',
          endedAt: '2026-12-07T03:15:42.000Z',
          timestamp: 1796613342,
        },
      ),
      'session.dropped': webhook(
        'sessionDropped',
        'The session watch saw a bureau session end early',
        sessionDroppedPayload,
        {
          event: 'session.dropped',
          taxId: '91650100MA7XJ3K84G',
          account: '139****7550',
          channel: 'issue',
          droppedAt: '2026-12-07T03:15:42.000Z',
          cause: 'elsewhere',
          reason: '您的账号已在其他地方登录，请重新登录',
          relogin: 'notified',
          timestamp: 1796613342,
        },
      ),
      'session.expiring': webhook(
        'sessionExpiring',
        'A 登录 or 认证 of an account ends soon (told once per end)',
        sessionExpiringPayload,
        {
          event: 'session.expiring',
          taxId: '91650100MA7XJ3K84G',
          account: '139****7550',
          purpose: 'login',
          channel: 'issue',
          expiresAt: '2026-12-07T05:15:42.000Z',
          timestamp: 1796613342,
        },
      ),
    },
  };
}
