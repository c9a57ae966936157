/**
 * 登录通知 (F15) for the bound WeChat user: the list, the request page, and starting its flow
 * (types/requests.ts). The flow then continues through the ordinary flow routes (flows.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { myPendingRequests, requestForHolder, startHolderFlow } from '../../domain/login-requests';
import { flowState, type FlowState } from '../../../types/accounts';
import {
  loginRequestListResponse,
  loginRequestView,
  requestFlowBody,
  type LoginRequestListResponse,
  type LoginRequestView,
} from '../../../types/requests';

const requestParams = z.object({ id: z.uuid('登录通知不存在或已失效') });

export const loginRequestRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['app'];
  const id = (params: unknown) => (params as z.infer<typeof requestParams>).id;

  app.get(
    '/login-requests',
    {
      schema: {
        tags,
        summary: '登录通知: my pending login requests, newest first',
        response: { 200: loginRequestListResponse },
      },
    },
    async (request): Promise<LoginRequestListResponse> => ({
      requests: await myPendingRequests(ctx, request.user.userId),
    }),
  );

  app.get(
    '/login-requests/:id',
    {
      schema: {
        tags,
        summary: 'What a login request asks (only for the account’s bound user)',
        response: { 200: loginRequestView },
        params: requestParams,
      },
    },
    async (request): Promise<LoginRequestView> => requestForHolder(ctx, request.user.userId, id(request.params)),
  );

  app.post(
    '/login-requests/:id/flows',
    {
      schema: {
        tags,
        summary: 'Start the login (SMS or QR) or 认证 the request needs; continue it with /flows/:flowId',
        response: { 201: flowState },
        params: requestParams,
        body: requestFlowBody,
      },
    },
    async (request, reply): Promise<FlowState> => {
      const body = request.body as z.output<typeof requestFlowBody>;
      const state = await startHolderFlow(ctx, request.log, request.user.userId, id(request.params), body);
      reply.code(201);
      return state;
    },
  );
};
