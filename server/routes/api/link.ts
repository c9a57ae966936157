/**
 * The browser link (F18): a login request's page and flow with NO WeChat sign-in — the link's
 * token is the only key (types/requests.ts). Registered outside the signed-in routes.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { noContent } from '../../http/zod';
import { linkFlowOwner, refreshRequest, requestForLink, startLinkFlow } from '../../domain/login-requests';
import {
  answerAgreement,
  answerRealName,
  cancelFlow,
  pollFlow,
  refreshQr,
  resendSmsCode,
  submitSmsCode,
  type FlowOwner,
} from '../../domain/flows';
import {
  agreementBody,
  flowState,
  realNameBody,
  refreshQrBody,
  smsCodeBody,
  type FlowState,
} from '../../../types/accounts';
import { loginRequestView, requestFlowBody, type LoginRequestView } from '../../../types/requests';

const tokenParams = z.object({ token: z.string().min(20, '链接无效，请核对链接是否完整').max(100) });
/** The browser that used the link names one of its flows to keep reading the request. */
const linkQuery = z.object({ flow: z.uuid('该操作不存在或已结束，请重新开始').optional() });
const flowParams = tokenParams.extend({ flowId: z.uuid('该操作不存在或已结束，请重新开始') });
type FlowParams = z.infer<typeof flowParams>;

export const linkRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['link'];
  // No bearer token: the link's token in the path is the key.
  const security: { [label: string]: string[] }[] = [];

  app.get(
    '/link/:token',
    {
      schema: {
        tags,
        security,
        summary: 'The request a browser link opens (410 once used, expired or ended — unless ?flow= names its flow)',
        response: { 200: loginRequestView },
        params: tokenParams,
        querystring: linkQuery,
      },
    },
    async (request): Promise<LoginRequestView> =>
      requestForLink(
        ctx,
        (request.params as z.infer<typeof tokenParams>).token,
        (request.query as z.infer<typeof linkQuery>).flow,
      ),
  );

  app.post(
    '/link/:token/flows',
    {
      schema: {
        tags,
        security,
        summary: 'Start the request’s login or 认证 from the link; the link is then used',
        response: { 201: flowState },
        params: tokenParams,
        body: requestFlowBody,
      },
    },
    async (request, reply): Promise<FlowState> => {
      const { token } = request.params as z.infer<typeof tokenParams>;
      const state = await startLinkFlow(ctx, request.log, token, request.body as z.output<typeof requestFlowBody>);
      reply.code(201);
      return state;
    },
  );

  /** Runs a flow call as the link, then brings its request up to date (done → the caller is told). */
  const asLink = async (
    request: FastifyRequest,
    acting: boolean,
    call: (owner: FlowOwner, flowId: string) => Promise<FlowState>,
  ): Promise<FlowState> => {
    const { token, flowId } = request.params as FlowParams;
    const owner = await linkFlowOwner(ctx, token, acting);
    const state = await call(owner, flowId);
    await refreshRequest(ctx, owner.loginRequestId);
    return state;
  };

  app.get(
    '/link/:token/flows/:flowId',
    {
      schema: {
        tags,
        security,
        summary: 'A link flow’s current step (poll while qr, face or hosted_wait)',
        response: { 200: flowState },
        params: flowParams,
      },
    },
    async (request) => asLink(request, false, (owner, flowId) => pollFlow(ctx, request.log, owner, flowId)),
  );

  app.post(
    '/link/:token/flows/:flowId/sms',
    {
      schema: {
        tags,
        security,
        summary: 'The 验证码',
        response: { 200: flowState },
        params: flowParams,
        body: smsCodeBody,
      },
    },
    async (request) =>
      asLink(request, true, (owner, flowId) =>
        submitSmsCode(ctx, request.log, owner, flowId, (request.body as z.output<typeof smsCodeBody>).code),
      ),
  );

  app.post(
    '/link/:token/flows/:flowId/sms/resend',
    {
      schema: {
        tags,
        security,
        summary: '获取验证码 again (429 before resendAt)',
        response: { 200: flowState },
        params: flowParams,
      },
    },
    async (request) => asLink(request, true, (owner, flowId) => resendSmsCode(ctx, request.log, owner, flowId)),
  );

  app.post(
    '/link/:token/flows/:flowId/real-name',
    {
      schema: {
        tags,
        security,
        summary: '实名 check: 确认 or 取消',
        response: { 200: flowState },
        params: flowParams,
        body: realNameBody,
      },
    },
    async (request) =>
      asLink(request, true, (owner, flowId) =>
        answerRealName(ctx, request.log, owner, flowId, (request.body as z.output<typeof realNameBody>).confirm),
      ),
  );

  app.post(
    '/link/:token/flows/:flowId/agreement',
    {
      schema: {
        tags,
        security,
        summary: 'User agreement: 确认 signs it',
        response: { 200: flowState },
        params: flowParams,
        body: agreementBody,
      },
    },
    async (request) =>
      asLink(request, true, (owner, flowId) =>
        answerAgreement(ctx, request.log, owner, flowId, (request.body as z.output<typeof agreementBody>).sign),
      ),
  );

  app.post(
    '/link/:token/flows/:flowId/qr',
    {
      schema: {
        tags,
        security,
        summary: '刷新二维码, optionally for the other app',
        response: { 200: flowState },
        params: flowParams,
        body: refreshQrBody,
      },
    },
    async (request) =>
      asLink(request, true, (owner, flowId) =>
        refreshQr(ctx, request.log, owner, flowId, (request.body as z.output<typeof refreshQrBody>).app),
      ),
  );

  app.delete(
    '/link/:token/flows/:flowId',
    {
      schema: {
        tags,
        security,
        summary: 'Leave a link flow (取消)',
        response: { 204: noContent('The flow is cancelled.') },
        params: flowParams,
      },
    },
    async (request, reply) => {
      const { token, flowId } = request.params as FlowParams;
      await cancelFlow(ctx, await linkFlowOwner(ctx, token, true), flowId);
      return reply.code(204).send();
    },
  );
};
