/**
 * The invoice system's asks (CONTRACT.md): a live bureau session, or a login request to follow
 * (types/ops.ts; the rules in domain/login-requests.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { askTaxSession, requestStatus } from '../../domain/login-requests';
import {
  taxSessionBody,
  taxSessionPending,
  taxSessionReady,
  taxSessionStatus,
  type TaxSessionStatus,
} from '../../../types/ops';

const requestParams = z.object({ requestId: z.uuid('登录请求不存在') });

export const opsTaxSessionRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/tax-sessions',
    {
      schema: {
        tags: ['ops'],
        summary: 'A live e-tax session (200), or a login request a person must act on (202)',
        body: taxSessionBody,
        response: { 200: taxSessionReady, 202: taxSessionPending },
      },
    },
    async (request, reply) => {
      const answer = await askTaxSession(ctx, request.log, request.body as z.output<typeof taxSessionBody>);
      return reply.code(answer.code).send(answer.body);
    },
  );

  app.get(
    '/tax-sessions/:requestId',
    {
      schema: {
        tags: ['ops'],
        summary: 'Where a login request stands: pending, done, failed or expired (with the reason)',
        params: requestParams,
        response: { 200: taxSessionStatus },
      },
    },
    async (request): Promise<TaxSessionStatus> =>
      requestStatus(ctx, (request.params as z.infer<typeof requestParams>).requestId),
  );
};
