/**
 * Tenant webhooks: the invoice system of a tenant is told when one of its login requests ends
 * (done, failed, expired) and when the session watch sees a session drop or near its end
 * (session.dropped, session.expiring; types/watch.ts), by a signed POST (types/ops.ts: X-Timestamp, X-Signature = HMAC-SHA256
 * of the raw body with the tenant's secret). Deliveries run on the job queue and are retried with
 * exponential backoff until the receiver answers 2xx. The secret is kept encrypted (we need it back
 * to sign) and never answered or logged; neither is the URL's query, which may carry a token.
 */
import { createHmac } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { enterprises, etaxAccounts, loginRequests, tenantWebhooks, tenants } from '../db/schema';
import { AppError } from '../http/errors';
import type { AppContext } from '../context';
import { QUEUES } from '../jobs/queues';
import { maskAccount } from '../../types/validators';
import { TaxSessionErrorCodes, type TaxSessionWebhookPayload } from '../../types/ops';
import type { SessionEventPayload } from '../../types/watch';

type Deps = Pick<AppContext, 'db' | 'config' | 'secrets' | 'jobs'>;
type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

export interface WebhookView {
  tenantId: string;
  url: string;
}

export async function setWebhook(
  deps: Deps,
  tenantId: string,
  input: { url: string; secret: string },
): Promise<WebhookView> {
  const [tenant] = await deps.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new AppError(404, TaxSessionErrorCodes.tenantNotFound, '租户不存在');
  const values = { tenantId, url: input.url, secretEnc: deps.secrets.encrypt(input.secret), updatedAt: new Date() };
  await deps.db
    .insert(tenantWebhooks)
    .values(values)
    .onConflictDoUpdate({ target: tenantWebhooks.tenantId, set: values });
  return { tenantId, url: input.url };
}

export async function getWebhook(deps: Deps, tenantId: string): Promise<WebhookView> {
  const [hook] = await deps.db
    .select({ tenantId: tenantWebhooks.tenantId, url: tenantWebhooks.url })
    .from(tenantWebhooks)
    .where(eq(tenantWebhooks.tenantId, tenantId));
  if (!hook) throw new AppError(404, TaxSessionErrorCodes.webhookNotFound, '该租户未设置回调地址');
  return hook;
}

export async function removeWebhook(deps: Deps, tenantId: string): Promise<void> {
  await deps.db.delete(tenantWebhooks).where(eq(tenantWebhooks.tenantId, tenantId));
}

/**
 * The request ended: queue its webhook, once (announced_at is claimed first, so concurrent callers
 * queue one delivery). Tenants without a webhook need nothing.
 */
export async function announceEnd(deps: Deps, requestId: string): Promise<void> {
  const [claimed] = await deps.db
    .update(loginRequests)
    .set({ announcedAt: new Date() })
    .where(and(eq(loginRequests.id, requestId), ne(loginRequests.status, 'pending'), isNull(loginRequests.announcedAt)))
    .returning({ tenantId: loginRequests.tenantId });
  if (!claimed) return;
  const [hook] = await deps.db
    .select({ tenantId: tenantWebhooks.tenantId })
    .from(tenantWebhooks)
    .where(eq(tenantWebhooks.tenantId, claimed.tenantId));
  if (!hook) return;
  await deps.jobs.send(QUEUES.webhook, { requestId }, retries(deps.config));
}

/** sha256=<hex>: what X-Signature carries. */
export function signature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** One delivery attempt (a job); throws so the queue retries when the receiver did not take it. */
export async function deliverWebhook(deps: Deps, log: Log, requestId: string): Promise<void> {
  const [row] = await deps.db
    .select({
      request: loginRequests,
      taxId: enterprises.taxId,
      account: etaxAccounts.account,
      url: tenantWebhooks.url,
      secretEnc: tenantWebhooks.secretEnc,
    })
    .from(loginRequests)
    .innerJoin(tenantWebhooks, eq(tenantWebhooks.tenantId, loginRequests.tenantId))
    .innerJoin(enterprises, eq(enterprises.id, loginRequests.enterpriseId))
    .leftJoin(etaxAccounts, eq(etaxAccounts.id, loginRequests.accountId))
    .where(eq(loginRequests.id, requestId));
  // The request or the webhook is gone: nobody to tell.
  if (!row) return;
  const { request } = row;
  const { status: ended } = request;
  if (ended === 'pending') return;
  const timestamp = Math.floor(Date.now() / 1000);
  const payload: TaxSessionWebhookPayload = {
    event: 'tax_session.ended',
    requestId: request.id,
    status: ended,
    ...(request.reason ? { reason: request.reason } : {}),
    taxId: row.taxId,
    channel: request.channel,
    purpose: request.purpose,
    account: row.account ? maskAccount(row.account) : '',
    endedAt: (request.settledAt ?? new Date()).toISOString(),
    timestamp,
  };
  await postSigned(deps, log, row, payload, { requestId });
}

/** One signed POST of a payload to a tenant's webhook; throws so the queue retries when not taken. */
async function postSigned(
  deps: Deps,
  log: Log,
  hook: { url: string; secretEnc: string },
  payload: { timestamp: number },
  about: Record<string, string>,
): Promise<void> {
  const { timestamp } = payload;
  const body = JSON.stringify(payload);
  const target = new URL(hook.url);
  const where = { ...about, host: target.host };
  let status: number;
  try {
    const res = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-timestamp': String(timestamp),
        'x-signature': signature(deps.secrets.decrypt(hook.secretEnc), body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.config.WEBHOOK_TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
  } catch (err) {
    log.warn({ ...where, err: (err as Error).name }, 'webhook not delivered');
    throw new Error(`webhook to ${target.host} not delivered`, { cause: err });
  }
  if (status < 200 || status >= 300) {
    log.warn({ ...where, status }, 'webhook refused');
    throw new Error(`webhook to ${target.host} answered ${status}`);
  }
  log.info({ ...where, status }, 'webhook delivered');
}

// ---- Session events (the session watch, issue 14) -------------------------------------------------

/** A session event without its delivery time (each attempt stamps its own). */
export type SessionEvent = DistributiveOmit<SessionEventPayload, 'timestamp'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface SessionEventJob {
  tenantId: string;
  event: SessionEvent;
}

const retries = (config: Deps['config']) => ({
  retryLimit: config.WEBHOOK_RETRY_LIMIT,
  retryDelay: config.WEBHOOK_RETRY_DELAY_SECONDS,
  retryBackoff: true,
  retryDelayMax: 3600,
});

/** Queues a session event for the tenant's webhook (nothing when the tenant has none). */
export async function announceSessionEvent(deps: Deps, tenantId: string, event: SessionEvent): Promise<void> {
  const [hook] = await deps.db
    .select({ tenantId: tenantWebhooks.tenantId })
    .from(tenantWebhooks)
    .where(eq(tenantWebhooks.tenantId, tenantId));
  if (!hook) return;
  await deps.jobs.send(QUEUES.sessionEvent, { tenantId, event } satisfies SessionEventJob, retries(deps.config));
}

/** One delivery attempt of a session event (a job). */
export async function deliverSessionEvent(deps: Deps, log: Log, job: SessionEventJob): Promise<void> {
  const [hook] = await deps.db
    .select({ url: tenantWebhooks.url, secretEnc: tenantWebhooks.secretEnc })
    .from(tenantWebhooks)
    .where(eq(tenantWebhooks.tenantId, job.tenantId));
  if (!hook) return;
  const payload = { ...job.event, timestamp: Math.floor(Date.now() / 1000) } as SessionEventPayload;
  await postSigned(deps, log, hook, payload, { event: job.event.event });
}
