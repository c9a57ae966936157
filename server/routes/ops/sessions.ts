/**
 * The operator view of an enterprise's bureau sessions (issue 14): so the invoice system can plan
 * (log in ahead, pick another account) instead of failing.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { findEnterprise } from '../../domain/login-requests';
import { enterpriseSessions } from '../../domain/session-records';
import { isTaxId } from '../../../types/validators';
import { enterpriseSessionsView, type EnterpriseSessionsView } from '../../../types/watch';

const params = z.object({
  taxId: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine(isTaxId, '税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号）'),
});
const query = z.object({
  /** Only when the 税号 is under several tenants: which one. */
  tenantId: z.uuid('tenantId 格式不正确').optional(),
});

export const opsSessionRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/enterprises/:taxId/sessions',
    {
      schema: {
        tags: ['ops'],
        operationId: 'getEnterpriseSessions',
        summary: "Each account's bureau session per channel: live (until), 已掉线 (when, cause), last check",
        params,
        querystring: query,
        response: { 200: enterpriseSessionsView },
      },
    },
    async (request): Promise<EnterpriseSessionsView> => {
      const { taxId } = request.params as z.output<typeof params>;
      const { tenantId } = request.query as z.output<typeof query>;
      return enterpriseSessions(ctx.db, await findEnterprise(ctx.db, taxId, tenantId));
    },
  );
};
