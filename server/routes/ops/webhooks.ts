/** A tenant's webhook: where its invoice system hears that login requests ended (types/ops.ts). */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { noContent } from '../../http/zod';
import { getWebhook, removeWebhook, setWebhook, type WebhookView } from '../../domain/webhooks';
import { webhookBody, webhookView } from '../../../types/ops';

const tenantParams = z.object({ tenantId: z.uuid('租户不存在') });

export const opsWebhookRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tenantId = (params: unknown) => (params as z.infer<typeof tenantParams>).tenantId;

  app.put(
    '/tenants/:tenantId/webhook',
    {
      schema: {
        tags: ['ops'],
        summary: 'Set the URL and HMAC secret told when the tenant’s login requests end',
        params: tenantParams,
        body: webhookBody,
        response: { 200: webhookView },
      },
    },
    async (request): Promise<WebhookView> =>
      setWebhook(ctx, tenantId(request.params), request.body as z.output<typeof webhookBody>),
  );

  app.get(
    '/tenants/:tenantId/webhook',
    {
      schema: {
        tags: ['ops'],
        summary: 'The tenant’s webhook URL (the secret is never shown)',
        params: tenantParams,
        response: { 200: webhookView },
      },
    },
    async (request): Promise<WebhookView> => getWebhook(ctx, tenantId(request.params)),
  );

  app.delete(
    '/tenants/:tenantId/webhook',
    {
      schema: {
        tags: ['ops'],
        summary: 'Stop telling the tenant',
        params: tenantParams,
        response: { 204: noContent('The webhook is removed (or there was none).') },
      },
    },
    async (request, reply) => {
      await removeWebhook(ctx, tenantId(request.params));
      return reply.code(204).send();
    },
  );
};
