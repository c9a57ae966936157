import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createEnterpriseBody, createTenantBody } from '../../../types/ops';
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
        response: { 201: z.object({ id: z.string(), name: z.string(), activationCode: z.string() }) },
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
        response: { 201: z.object({ id: z.string(), name: z.string(), taxId: z.string(), region: z.string() }) },
      },
    },
    async (request, reply) => {
      const { tenantId } = request.params as z.infer<typeof tenantParams>;
      reply.code(201);
      return createEnterprise(ctx.db, tenantId, request.body as z.output<typeof createEnterpriseBody>);
    },
  );
};
