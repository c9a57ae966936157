/**
 * Bureau flows (types/accounts.ts): 新增账号 (F5), 登录 / 认证 (F16, F17), 更换微信 (F9), and the
 * steps that continue them. Every answer is a FlowState; the flow belongs to the user who started it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { noContent } from '../../http/zod';
import {
  answerAgreement,
  answerRealName,
  cancelFlow,
  pollFlow,
  refreshQr,
  resendSmsCode,
  startAccountFlow,
  startAddAccount,
  submitSmsCode,
} from '../../domain/flows';
import { accountParams, enterpriseParams } from './accounts';
import {
  accountFlowBody,
  addAccountBody,
  agreementBody,
  flowState,
  realNameBody,
  refreshQrBody,
  smsCodeBody,
  type FlowState,
} from '../../../types/accounts';

const flowParams = z.object({ flowId: z.uuid('该操作不存在或已结束，请重新开始') });

export const flowRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['app'];
  // A bare POST (wx.request sends no body when data is empty) means "all defaults".
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'DELETE') request.body = {};
  });
  const flowId = (params: unknown) => (params as z.infer<typeof flowParams>).flowId;

  app.post(
    '/enterprises/:enterpriseId/accounts/flows',
    {
      schema: {
        tags,
        summary: '新增账号 (F5): starts the bureau login; the account is saved when it succeeds',
        response: { 201: flowState },
        params: enterpriseParams,
        body: addAccountBody,
      },
    },
    async (request, reply): Promise<FlowState> => {
      const { enterpriseId } = request.params as z.infer<typeof enterpriseParams>;
      const body = request.body as z.output<typeof addAccountBody>;
      const state = await startAddAccount(ctx, request.log, request.user.userId, enterpriseId, body);
      reply.code(201);
      return state;
    },
  );

  app.post(
    '/accounts/:accountId/flows',
    {
      schema: {
        tags,
        summary: '登录 / 认证 (F16, F17) or 更换微信 (F9) of an account',
        response: { 201: flowState },
        params: accountParams,
        body: accountFlowBody,
      },
    },
    async (request, reply): Promise<FlowState> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      const body = request.body as z.output<typeof accountFlowBody>;
      const state = await startAccountFlow(ctx, request.log, request.user.userId, accountId, body);
      reply.code(201);
      return state;
    },
  );

  app.get(
    '/flows/:flowId',
    {
      schema: {
        tags,
        summary: 'A flow’s current step (poll while qr, face or hosted_wait)',
        response: { 200: flowState },
        params: flowParams,
      },
    },
    async (request): Promise<FlowState> => pollFlow(ctx, request.log, request.user.userId, flowId(request.params)),
  );

  app.post(
    '/flows/:flowId/sms',
    { schema: { tags, summary: 'The 验证码', response: { 200: flowState }, params: flowParams, body: smsCodeBody } },
    async (request): Promise<FlowState> => {
      const { code } = request.body as z.output<typeof smsCodeBody>;
      return submitSmsCode(ctx, request.log, request.user.userId, flowId(request.params), code);
    },
  );

  app.post(
    '/flows/:flowId/sms/resend',
    {
      schema: {
        tags,
        summary: '获取验证码 again (429 before resendAt)',
        response: { 200: flowState },
        params: flowParams,
      },
    },
    async (request): Promise<FlowState> => resendSmsCode(ctx, request.log, request.user.userId, flowId(request.params)),
  );

  app.post(
    '/flows/:flowId/real-name',
    {
      schema: {
        tags,
        summary: '实名 check: 确认 or 取消',
        response: { 200: flowState },
        params: flowParams,
        body: realNameBody,
      },
    },
    async (request): Promise<FlowState> => {
      const { confirm } = request.body as z.output<typeof realNameBody>;
      return answerRealName(ctx, request.log, request.user.userId, flowId(request.params), confirm);
    },
  );

  app.post(
    '/flows/:flowId/agreement',
    {
      schema: {
        tags,
        summary: 'User agreement: 确认 signs it',
        response: { 200: flowState },
        params: flowParams,
        body: agreementBody,
      },
    },
    async (request): Promise<FlowState> => {
      const { sign } = request.body as z.output<typeof agreementBody>;
      return answerAgreement(ctx, request.log, request.user.userId, flowId(request.params), sign);
    },
  );

  app.post(
    '/flows/:flowId/qr',
    {
      schema: {
        tags,
        summary: '刷新二维码, optionally for the other app',
        response: { 200: flowState },
        params: flowParams,
        body: refreshQrBody,
      },
    },
    async (request): Promise<FlowState> => {
      const { app: qrApp } = request.body as z.output<typeof refreshQrBody>;
      return refreshQr(ctx, request.log, request.user.userId, flowId(request.params), qrApp);
    },
  );

  app.delete(
    '/flows/:flowId',
    {
      schema: {
        tags,
        summary: 'Leave a flow (取消)',
        response: { 204: noContent('The flow is cancelled.') },
        params: flowParams,
      },
    },
    async (request, reply) => {
      await cancelFlow(ctx, request.user.userId, flowId(request.params));
      return reply.code(204).send();
    },
  );
};
