/**
 * The biometric guard's challenge (types/soter.ts, server/domain/soter.ts): the app asks for one
 * right before startSoterAuthentication and sends the signed result with the guarded act.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { issueChallenge } from '../../domain/soter';
import { soterChallenge, soterChallengeBody, type SoterChallenge } from '../../../types/soter';

export const soterRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/soter/challenges',
    {
      schema: {
        tags: ['app'],
        summary: 'A single-use SOTER challenge for 更换微信, 删除他人账号, 申请管理员 or 重置税局密码',
        response: { 201: soterChallenge },
        body: soterChallengeBody,
      },
    },
    async (request, reply): Promise<SoterChallenge> => {
      const { act } = request.body as z.output<typeof soterChallengeBody>;
      reply.code(201);
      return issueChallenge(ctx.db, request.user.userId, act);
    },
  );
};
