import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { loginBody, loginResponse, type LoginResponse } from '../../../types/api';
import { revokeSession, signIn } from '../../domain/sessions';
import { listMyTenants } from '../../domain/tenants';
import { accountFigures } from '../../domain/accounts';
import { myPendingRequests } from '../../domain/login-requests';
import { WechatError } from '../../adapters/wechat';
import { AppError } from '../../http/errors';
import { requireUser } from '../../http/auth';
import { noContent } from '../../http/zod';
import type { AppContext } from '../../context';

export const authRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['app'],
        summary: 'Sign in with a wx.login code',
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (request): Promise<LoginResponse> => {
      const { code } = request.body as z.infer<typeof loginBody>;
      let s: Awaited<ReturnType<typeof signIn>>;
      try {
        s = await signIn(
          {
            db: ctx.db,
            wechat: ctx.wechat,
            secrets: ctx.secrets,
            sessionTtlMs: ctx.config.SESSION_TTL_HOURS * 3600_000,
          },
          code,
        );
      } catch (e) {
        throw mapSignInError(e);
      }
      // The signed-in user's own data, read as their routes read it once the token is checked.
      const [tenants, loginRequests] = await Promise.all([
        listMyTenants(ctx.db, s.userId, accountFigures(ctx.config)),
        myPendingRequests(ctx, s.userId),
      ]);
      return {
        token: s.token,
        expiresAt: s.expiresAt.toISOString(),
        user: { id: s.userId },
        home: { tenants, loginRequests },
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      preHandler: requireUser(ctx.db),
      schema: {
        tags: ['app'],
        summary: 'Revoke the current token',
        response: { 204: noContent('Signed out: the token no longer works.') },
      },
    },
    async (request, reply) => {
      await revokeSession(ctx.db, request.user.sessionId);
      return reply.code(204).send();
    },
  );
};

function mapSignInError(e: unknown): unknown {
  if (!(e instanceof WechatError)) return e;
  switch (e.kind) {
    case 'invalid_code':
      return new AppError(400, 'invalid_login_code', '登录凭证无效或已使用，请重新进入小程序');
    case 'rate_limited':
    case 'busy':
      return new AppError(503, 'wechat_busy', '微信服务繁忙，请稍后再试');
    case 'risky_user':
      return new AppError(403, 'risky_user', '当前微信账号存在风险，暂时无法登录');
    default:
      return new AppError(502, 'wechat_unavailable', '微信登录服务暂不可用，请稍后再试');
  }
}
