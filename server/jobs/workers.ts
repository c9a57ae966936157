/**
 * Who works the queues (queues.ts): every server instance works every queue and pg-boss hands
 * each job to one of them (the session watch: one run at a time across all instances). Started once the server listens (the e-tax sandbox, when mounted, is
 * then reachable), stopped first on close: running jobs see `signal` abort and end early — a job
 * cut short is retried, on this instance after a restart or on another one.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import { ensureQueue, type Jobs } from './index';
import { QUEUES, type RequestJob } from './queues';
import { expireRequestJob } from '../domain/login-requests';
import { autoLoginJob } from '../domain/auto-login';
import { deliverSessionEvent, deliverWebhook, type SessionEventJob } from '../domain/webhooks';
import { scheduleWatch, sessionWatchJob } from '../domain/session-watch';

/** pg-boss's shortest idle poll: a job sent is picked up within about half a second. */
const POLL_SECONDS = 0.5;

export interface Workers {
  stop(): Promise<void>;
}

export async function startWorkers(ctx: AppContext, log: FastifyBaseLogger): Promise<Workers> {
  const stopping = new AbortController();
  const jobs: Jobs = ctx.jobs;
  const hostedWait = ctx.config.HOSTED_CODE_WAIT_SECONDS;
  await ensureQueue(jobs, QUEUES.expireRequest);
  // An attempt lasts up to the code's wait; one cut short is taken up again once.
  await ensureQueue(jobs, QUEUES.autoLogin, { expireInSeconds: hostedWait + 60, retryLimit: 1 });
  await ensureQueue(jobs, QUEUES.webhook, { expireInSeconds: 120 });
  await ensureQueue(jobs, QUEUES.sessionEvent, { expireInSeconds: 120 });
  // stately: one run queued and one active at most, whichever instance queued it.
  await ensureQueue(jobs, QUEUES.sessionWatch, { policy: 'stately', expireInSeconds: 600 });

  const work = async (queue: string, concurrency: number, handler: (data: RequestJob) => Promise<void>) => {
    await jobs.work<RequestJob>(
      queue,
      { pollingIntervalSeconds: POLL_SECONDS, localConcurrency: concurrency },
      async ([job]) => handler(job.data),
    );
  };
  await work(QUEUES.expireRequest, 2, (data) => expireRequestJob(ctx, data.requestId));
  await work(QUEUES.autoLogin, 4, (data) => autoLoginJob(ctx, log, data.requestId, stopping.signal));
  await work(QUEUES.webhook, 4, (data) => deliverWebhook(ctx, log, data.requestId));
  await jobs.work<SessionEventJob>(
    QUEUES.sessionEvent,
    { pollingIntervalSeconds: POLL_SECONDS, localConcurrency: 2 },
    async ([job]) => deliverSessionEvent(ctx, log, job.data),
  );
  await jobs.work(QUEUES.sessionWatch, { pollingIntervalSeconds: POLL_SECONDS }, async () => sessionWatchJob(ctx, log));
  // Every instance offers the first run; the queue keeps one.
  await scheduleWatch(ctx);

  return {
    async stop() {
      stopping.abort();
      await jobs.stop({ graceful: true, timeout: 5000 });
    },
  };
}
