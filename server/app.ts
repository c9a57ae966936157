/**
 * The server as one Fastify instance: shared plumbing (validation, errors, logging, OpenAPI), then
 * the sandboxes (when on), then the routes, then the browser build. `main.ts` starts it; tests
 * build it the same way on their own database.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context';
import { AppError } from './http/errors';
import { loggerOptions, requestId } from './http/logging';
import { useZodSchemas, zodToOpenApi } from './http/zod';
import { openapiDocument } from './http/openapi';
import { clientErrorHandler, fastifyClientError, frameworkErrors, refuseOddCharacters } from './http/edge';
import { installLimits, limitScope } from './http/limits';
import { securityHeaders } from './http/headers';
import { requireOperator, requireUser } from './http/auth';
import { mountSandboxes, type MountedSandboxes } from './sandbox';
import { healthRoutes, type Lifecycle } from './http/lifecycle';
import { authRoutes } from './routes/api/auth';
import { tenantRoutes } from './routes/api/tenants';
import { accountRoutes } from './routes/api/accounts';
import { flowRoutes } from './routes/api/flows';
import { adminRoutes } from './routes/api/admins';
import { passwordRoutes } from './routes/api/passwords';
import { soterRoutes } from './routes/api/soter';
import { opsTenantRoutes } from './routes/ops/tenants';
import { loginRequestRoutes } from './routes/api/login-requests';
import { linkRoutes } from './routes/api/link';
import { opsTaxSessionRoutes } from './routes/ops/tax-sessions';
import { opsWebhookRoutes } from './routes/ops/webhooks';
import { opsSessionRoutes } from './routes/ops/sessions';
import { API_PREFIX, ErrorCodes } from '../types/api';
import { OPS_PREFIX } from '../types/ops';

export interface BuildAppOptions {
  ctx: AppContext;
  /** Folder of the H5 build served at `/`; skipped when absent. */
  staticDir?: string;
  /** Folder for the sandboxes' data files; memory when absent. */
  dataDir?: string;
  /** Quiet logs in tests. */
  logLevel?: string;
  /** Where log lines go (stdout when absent); tests read them. */
  logStream?: NodeJS.WritableStream;
  /** Draining and job-worker state for /readyz (server.ts owns it). */
  lifecycle?: Lifecycle;
}

export async function buildApp({
  ctx,
  staticDir,
  dataDir,
  logLevel,
  logStream,
  lifecycle = { draining: false, workersRunning: false },
}: BuildAppOptions): Promise<{ app: FastifyInstance; sandboxes?: MountedSandboxes }> {
  // No forceCloseConnections: a stop lets requests in flight finish; Node closes the idle sockets.
  const app = Fastify({
    logger: loggerOptions(logLevel ?? ctx.config.LOG_LEVEL, logStream),
    bodyLimit: 256 * 1024,
    genReqId: requestId,
    clientErrorHandler,
    frameworkErrors,
    // The client's address from the proxy's X-Forwarded-For, for the proxies named only.
    ...(ctx.config.TRUST_PROXY ? { trustProxy: ctx.config.TRUST_PROXY } : {}),
  });
  useZodSchemas(app);
  acceptEmptyJsonBodies(app);
  installErrorHandling(app);
  // The request id goes back to the caller, to quote when something went wrong.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  refuseOddCharacters(app);
  await securityHeaders(app, { publicUrl: ctx.config.publicUrl, staticDir });
  const limits = await installLimits(app, ctx.db);

  await app.register(swagger, {
    openapi: openapiDocument(),
    transform: zodToOpenApi,
    hideUntagged: true,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The interactive reference of the same document (Swagger UI), for integrators trying calls.
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.code(204).send());
  healthRoutes(app, ctx, lifecycle);

  const sandboxes = ctx.config.sandbox ? await mountSandboxes(app, ctx.config, dataDir) : undefined;

  await app.register(
    async (api) => {
      api.addHook('onSend', noStore);
      await api.register(async (signIn) => {
        limitScope(
          signIn,
          limits.sign_in((status) => status === 400 || status === 401),
        );
        await signIn.register(authRoutes, { ctx });
      });
      // The browser link (F18) needs no WeChat sign-in: its token is the key.
      await api.register(async (links) => {
        limitScope(
          links,
          limits.link_token((status) => status === 404),
        );
        await links.register(linkRoutes, { ctx });
      });
      await api.register(async (authed) => {
        // onRequest: who is calling is settled before the body is even read.
        authed.addHook('onRequest', requireUser(ctx.db));
        await authed.register(async (joining) => {
          // 激活码: wrong ones from one address, whichever WeChat user types them.
          limitScope(
            joining,
            limits.activation_code((status) => status === 400),
            (req) => req.method === 'POST' && req.routeOptions.url === `${API_PREFIX}/me/tenants`,
          );
          await joining.register(tenantRoutes, { ctx });
        });
        await authed.register(accountRoutes, { ctx });
        await authed.register(flowRoutes, { ctx });
        await authed.register(loginRequestRoutes, { ctx });
        await authed.register(adminRoutes, { ctx });
        await authed.register(passwordRoutes, { ctx });
        await authed.register(soterRoutes, { ctx });
      });
    },
    { prefix: API_PREFIX },
  );

  await app.register(
    async (ops) => {
      ops.addHook('onSend', noStore);
      // Failed bearer checks are limited before the token is even compared.
      limitScope(
        ops,
        limits.ops_token((status) => status === 401),
      );
      ops.addHook('onRequest', requireOperator(ctx.opsToken));
      await ops.register(opsTenantRoutes, { ctx });
      await ops.register(opsTaxSessionRoutes, { ctx });
      await ops.register(opsWebhookRoutes, { ctx });
      await ops.register(opsSessionRoutes, { ctx });
    },
    { prefix: OPS_PREFIX },
  );

  if (staticDir && fs.existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: path.resolve(staticDir),
      // The build wrote file.br and file.gz beside each text asset (config/index.ts): sent as accepted.
      preCompressed: true,
      setHeaders(res, file) {
        // The page shell must be re-read after a deploy; hashed assets can be cached for long.
        res.header('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  }
  return { app, sandboxes };
}

/** API answers are per user and moment (a link's state, a flow's step): no cache may keep them. */
async function noStore(_request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}

/** wx.request always sends Content-Type: application/json, also with no body (DELETE, bare POST). */
function acceptEmptyJsonBodies(app: FastifyInstance) {
  // Fastify's own parser, with its protection against __proto__/constructor poisoning.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    parseJson(req, String(body), done);
  });
}

function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        },
      });
    }
    if ('validation' in error && error.validation) {
      return reply.code(400).send({ error: { code: ErrorCodes.validation, message: error.message } });
    }
    const status = 'statusCode' in error && error.statusCode ? error.statusCode : 500;
    if (status < 500) {
      // Fastify's own 4xx (malformed JSON, body too large, unsupported media type, URI too long).
      return reply.code(status).send({ error: fastifyClientError(error as FastifyError, status) });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: ErrorCodes.internal, message: '服务器开小差了，请稍后再试' } });
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ error: { code: ErrorCodes.notFound, message: '请求的地址不存在' } });
  });
}
