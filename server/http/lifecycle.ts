/**
 * Liveness and readiness, and the order of a graceful stop (SIGTERM during a rolling deploy):
 * `/readyz` fails first (draining), the listener closes while requests in flight finish, then the
 * job workers stop (running jobs get their bounded grace), then the database closes.
 * `/healthz` stays a liveness check: the process answers and its database does.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { QUEUES } from '../jobs/queues';

export interface Lifecycle {
  /** Set on SIGTERM: readiness fails and answers ask their client to close the connection. */
  draining: boolean;
  /** The job workers run (from listen until the stop). */
  workersRunning: boolean;
}

const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

async function check(run: () => Promise<boolean>): Promise<string> {
  try {
    return (await within(run(), CHECK_TIMEOUT_MS)) ? 'ok' : 'unavailable';
  } catch (e) {
    return e instanceof Error ? e.message : 'unavailable';
  }
}

export function healthRoutes(app: FastifyInstance, ctx: AppContext, lifecycle: Lifecycle) {
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await ctx.database.ping();
    return reply.code(ok ? 200 : 503).send(ok ? { status: 'ok' } : { status: 'unavailable' });
  });

  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const checks = {
      draining: lifecycle.draining ? 'draining' : 'ok',
      database: await check(() => ctx.database.ping()),
      // The queue answers on its own connections: a cheap read of one of its queues.
      jobs: lifecycle.workersRunning
        ? await check(async () => (await ctx.jobs.getQueue(QUEUES.webhook)) !== null)
        : 'not running',
    };
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
  });

  // While draining, every answer ends its keep-alive connection, so the stop need not wait for idle sockets.
  app.addHook('onRequest', async (_request, reply) => {
    if (lifecycle.draining) reply.header('connection', 'close');
  });
}

/**
 * Stops accepting connections and resolves once every request in flight has been answered.
 * Keep-alive sockets that fall idle meanwhile are closed as they do.
 */
export async function stopListening(app: FastifyInstance): Promise<void> {
  const server = app.server;
  if (!server.listening) return;
  await new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
