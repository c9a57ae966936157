/**
 * Assembles one server instance: database, secrets, adapters, the Fastify app. Used by main.ts and
 * by tests (which pass a test database and their own keys).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { openDatabase, type Database } from './db';
import { createSecretBox, parseOldKeys } from './crypto/secrets';
import { createWechatClient, WechatError, type WechatClient } from './adapters/wechat';
import { renameFields, resolveTemplateKeys, type TemplateKeys } from './notify/template-keys';
import { createDbTokenStore } from './adapters/wechat/db-token-store';
import { createEtaxHttpGateway } from './adapters/etax/http';
import { createDbRateLimiter } from './adapters/etax/db-rate-limit';
import { SANDBOX_APPID, SANDBOX_SECRET, type MountedSandboxes } from './sandbox';
import { buildApp } from './app';
import { startJobs } from './jobs';
import { startWorkers, type Workers } from './jobs/workers';
import type { AppContext } from './context';
import { stopListening, type Lifecycle } from './http/lifecycle';

export interface CreateServerOptions {
  config: Config;
  /** 32-byte key for stored secrets (CREDENTIAL_KEY). */
  credentialKey: Buffer;
  opsToken: string;
  /** The embedded database and sandbox data live here (a throwaway database and memory when absent); the database is not kept here when DATABASE_URL is set. */
  dataDir?: string;
  staticDir?: string;
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  /** Reuse an open database (tests running several instances on one database). */
  database?: Database;
}

export interface RunningParts {
  app: FastifyInstance;
  ctx: AppContext;
  /** The mounted sandboxes (sandbox on only), e.g. to seed the demo bureau. */
  sandboxes?: MountedSandboxes;
  close(): Promise<void>;
  /**
   * The graceful stop of a deploy (SIGTERM): readiness fails at once, new connections are still
   * taken for `drainMs` (until a proxy or orchestrator has seen it), then the listener closes, requests
   * in flight finish, jobs stop (bounded), and the database closes. main.ts bounds the whole.
   */
  shutdown(opts?: { drainMs?: number }): Promise<void>;
  /**
   * Reads the account's subscribe templates from WeChat (gettemplate) and maps our fields onto their
   * keys; throws naming every field that does not fit. main.ts runs it once listening (the sandbox,
   * when mounted, answers then); sends before it use our own keys.
   */
  checkTemplates(): Promise<TemplateKeys>;
}

export async function createServer(opts: CreateServerOptions): Promise<RunningParts> {
  const { config } = opts;
  const ownsDatabase = !opts.database;
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: opts.dataDir }));
  const secrets = createSecretBox(
    { id: config.CREDENTIAL_KEY_ID, key: opts.credentialKey },
    parseOldKeys(config.CREDENTIAL_OLD_KEYS),
  );
  // The adapters are made before the app that owns the logger; they log through it once it exists.
  const logTarget: { app?: FastifyInstance } = {};
  const logger = {
    debug: (obj: object, msg?: string) => logTarget.app?.log.debug(obj, msg),
    info: (obj: object, msg?: string) => logTarget.app?.log.info(obj, msg),
    warn: (obj: object, msg?: string) => logTarget.app?.log.warn(obj, msg),
  };
  // Sends are renamed to the account's own template keys once the boot check has read them.
  const templateKeys: { current?: TemplateKeys } = {};
  const rawWechat = createWechatClient({
    logger,
    apiBase: config.WECHAT_API_BASE ?? `${config.publicUrl}/sandbox/wechat`,
    appid: config.WECHAT_APPID ?? SANDBOX_APPID,
    secret: config.WECHAT_SECRET ?? SANDBOX_SECRET,
    tokenStore: createDbTokenStore(database.db, secrets),
  });
  const wechat: WechatClient = {
    ...rawWechat,
    sendSubscribeMessage: (message) =>
      rawWechat.sendSubscribeMessage({
        ...message,
        data: renameFields(templateKeys.current, message.templateId, message.data),
      }),
  };
  const etax = createEtaxHttpGateway({
    baseUrl: config.ETAX_API_BASE ?? config.ETAX_GATEWAY_URL ?? `${config.publicUrl}/sandbox/etax/api`,
    timeoutMs: config.ETAX_TIMEOUT_MS,
    rateLimiter: createDbRateLimiter(database.db),
    logger: { info: (o, m) => logger.info(o, m), warn: (o, m) => logger.warn(o, m) },
  });
  // The job queue lives in the same database; its workers start once the server listens.
  const jobs = await startJobs(database, {
    onError: (err) => logTarget.app?.log.warn({ err: err.message }, 'job queue error'),
  });
  const ctx: AppContext = { config, database, db: database.db, secrets, wechat, etax, opsToken: opts.opsToken, jobs };
  const lifecycle: Lifecycle = { draining: false, workersRunning: false };
  const { app, sandboxes } = await buildApp({
    ctx,
    lifecycle,
    staticDir: opts.staticDir,
    dataDir: opts.dataDir,
    logLevel: opts.logLevel,
    logStream: opts.logStream,
  });
  logTarget.app = app;
  let workers: Workers | undefined;
  app.addHook('onListen', async () => {
    workers ??= await startWorkers(ctx, app.log);
    lifecycle.workersRunning = true;
  });
  // Jobs stop first, however the app is closed: they may still call the mounted sandboxes.
  app.addHook('preClose', async () => {
    lifecycle.workersRunning = false;
    if (workers) await workers.stop();
    else await jobs.stop({ graceful: false });
  });
  const close = async () => {
    await app.close();
    if (ownsDatabase) await database.close();
  };
  return {
    app,
    ctx,
    sandboxes,
    close,
    async checkTemplates() {
      // WeChat (or the sandbox of another instance starting beside this one) may be briefly away.
      const until = Date.now() + 30_000;
      for (;;) {
        try {
          templateKeys.current = resolveTemplateKeys(config, await rawWechat.getTemplates());
          return templateKeys.current;
        } catch (e) {
          if (!(e instanceof WechatError && e.kind === 'network') || Date.now() > until) throw e;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    },
    async shutdown({ drainMs = 0 } = {}) {
      lifecycle.draining = true;
      app.log.info({ drainMs }, 'draining: readiness fails, requests in flight finish');
      if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
      await stopListening(app);
      await close();
    },
  };
}
