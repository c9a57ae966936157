import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  createEnterpriseBody,
  createEnterpriseResponse,
  createTenantBody,
  createTenantResponse,
} from '../../../types/ops';
import { createEnterprise, createTenant } from '../../domain/tenants';
import type { AppContext } from '../../context';

const tenantParams = z.object({ tenantId: z.uuid('租户不存在') });

export const opsTenantRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/tenants',
    {
      schema: {
        tags: ['ops'],
        summary: 'Create a tenant; the activation code is shown this once',
        body: createTenantBody,
        response: { 201: createTenantResponse },
      },
    },
    async (request, reply) => {
      const { name } = request.body as z.output<typeof createTenantBody>;
      reply.code(201);
      return createTenant(ctx.db, name);
    },
  );

  app.post(
    '/tenants/:tenantId/enterprises',
    {
      schema: {
        tags: ['ops'],
        summary: 'Add an enterprise (税号 validated) to a tenant',
        params: tenantParams,
        body: createEnterpriseBody,
        response: { 201: createEnterpriseResponse },
      },
    },
    async (request, reply) => {
      const { tenantId } = request.params as z.infer<typeof tenantParams>;
      reply.code(201);
      return createEnterprise(ctx.db, tenantId, request.body as z.output<typeof createEnterpriseBody>);
    },
  );
};
