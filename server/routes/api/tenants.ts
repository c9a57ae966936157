import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  joinTenantBody,
  myTenantsResponse,
  tenantSummary,
  type MyTenantsResponse,
  type TenantSummary,
} from '../../../types/api';
import { noContent } from '../../http/zod';
import { getTenantSummary, joinTenant, leaveTenant, listMyTenants } from '../../domain/tenants';
import { accountFigures } from '../../domain/accounts';
import type { AppContext } from '../../context';

const tenantParams = z.object({ tenantId: z.uuid('租户不存在') });

export const tenantRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const limit = {
    maxFailures: ctx.config.ACTIVATION_MAX_FAILURES,
    windowMs: ctx.config.ACTIVATION_WINDOW_MINUTES * 60_000,
  };

  app.get(
    '/me/tenants',
    {
      schema: {
        tags: ['app'],
        summary: 'My tenants and their enterprises (个人中心)',
        response: { 200: myTenantsResponse },
      },
    },
    async (request): Promise<MyTenantsResponse> => {
      return { tenants: await listMyTenants(ctx.db, request.user.userId, accountFigures(ctx.config)) };
    },
  );

  app.post(
    '/me/tenants',
    {
      schema: {
        tags: ['app'],
        summary: 'Join a tenant by its 激活码',
        response: { 201: tenantSummary },
        body: joinTenantBody,
      },
    },
    async (request, reply): Promise<TenantSummary> => {
      const { activationCode } = request.body as z.output<typeof joinTenantBody>;
      const { tenantId } = await joinTenant(ctx.db, request.user.userId, activationCode, limit);
      reply.code(201);
      return getTenantSummary(ctx.db, request.user.userId, tenantId, accountFigures(ctx.config));
    },
  );

  app.delete(
    '/me/tenants/:tenantId',
    {
      schema: {
        tags: ['app'],
        summary: 'Leave a tenant (解绑)',
        response: { 204: noContent('I left the tenant.') },
        params: tenantParams,
      },
    },
    async (request, reply) => {
      const { tenantId } = request.params as z.infer<typeof tenantParams>;
      await leaveTenant(ctx.db, request.user.userId, tenantId);
      return reply.code(204).send();
    },
  );
};
