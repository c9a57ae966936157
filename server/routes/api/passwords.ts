/**
 * 修改密码 (types/passwords.ts, F12, F13): 重置税局密码 step by step, 已在税局修改，仅更新发票云, and
 * the progress of 更新关联账号 with its retries. Every answer is a PasswordChangeState; a change
 * belongs to the user who started it. Thin: validate, call the domain, answer.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import {
  pollChange,
  retryItem,
  sendResetCode,
  startFaceCheck,
  setNewPassword,
  startReset,
  submitResetCode,
  syncPassword,
} from '../../domain/passwords';
import { accountParams } from './accounts';
import { smsCodeBody } from '../../../types/accounts';
import {
  newPasswordBody,
  passwordChangeState,
  passwordResetBody,
  syncPasswordBody,
  type PasswordChangeState,
} from '../../../types/passwords';

const changeParams = z.object({ changeId: z.uuid('该操作不存在或已结束，请重新开始') });
const itemParams = changeParams.extend({ accountId: z.uuid('该账号不在本次更新之列') });

export const passwordRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['app'];
  const changeId = (params: unknown) => (params as z.infer<typeof changeParams>).changeId;

  app.post(
    '/accounts/:accountId/password-resets',
    {
      schema: {
        tags,
        summary: '重置税局密码 (F12): 证件类型 + 证件号码 → 下一步',
        response: { 201: passwordChangeState },
        params: accountParams,
        body: passwordResetBody,
      },
    },
    async (request, reply): Promise<PasswordChangeState> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      const body = request.body as z.output<typeof passwordResetBody>;
      const state = await startReset(ctx, request.user.userId, accountId, body);
      reply.code(201);
      return state;
    },
  );

  app.post(
    '/accounts/:accountId/password',
    {
      schema: {
        tags,
        summary: '已在税局修改，仅更新发票云 (F13): checked by the bureau, then the related accounts',
        response: { 201: passwordChangeState },
        params: accountParams,
        body: syncPasswordBody,
      },
    },
    async (request, reply): Promise<PasswordChangeState> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      const { password } = request.body as z.output<typeof syncPasswordBody>;
      const state = await syncPassword(ctx, request.log, request.user.userId, accountId, password);
      reply.code(201);
      return state;
    },
  );

  app.get(
    '/password-changes/:changeId',
    {
      schema: {
        tags,
        summary: 'A password change: poll while hosted code or 更新关联账号 runs',
        response: { 200: passwordChangeState },
        params: changeParams,
      },
    },
    async (request): Promise<PasswordChangeState> =>
      pollChange(ctx, request.log, request.user.userId, changeId(request.params)),
  );

  app.post(
    '/password-changes/:changeId/sms/send',
    {
      schema: {
        tags,
        summary: '获取验证码 (again after resendAt; 429 before)',
        response: { 200: passwordChangeState },
        params: changeParams,
      },
    },
    async (request): Promise<PasswordChangeState> => sendResetCode(ctx, request.user.userId, changeId(request.params)),
  );

  app.post(
    '/password-changes/:changeId/face',
    {
      schema: {
        tags,
        summary: '开始扫脸验证 / 重新验证, where the region offers no SMS (seed §3.6)',
        response: { 200: passwordChangeState },
        params: changeParams,
      },
    },
    async (request): Promise<PasswordChangeState> => startFaceCheck(ctx, request.user.userId, changeId(request.params)),
  );

  app.post(
    '/password-changes/:changeId/sms',
    {
      schema: {
        tags,
        summary: '验证码 → 下一步',
        response: { 200: passwordChangeState },
        params: changeParams,
        body: smsCodeBody,
      },
    },
    async (request): Promise<PasswordChangeState> => {
      const { code } = request.body as z.output<typeof smsCodeBody>;
      return submitResetCode(ctx, request.log, request.user.userId, changeId(request.params), code);
    },
  );

  app.post(
    '/password-changes/:changeId/password',
    {
      schema: {
        tags,
        summary: '新密码 + 确认密码 → 确定',
        response: { 200: passwordChangeState },
        params: changeParams,
        body: newPasswordBody,
      },
    },
    async (request): Promise<PasswordChangeState> => {
      const { newPassword } = request.body as z.output<typeof newPasswordBody>;
      return setNewPassword(ctx, request.log, request.user.userId, changeId(request.params), newPassword);
    },
  );

  app.post(
    '/password-changes/:changeId/items/:accountId/retry',
    {
      schema: {
        tags,
        summary: '重试 one related account that failed',
        response: { 200: passwordChangeState },
        params: itemParams,
      },
    },
    async (request): Promise<PasswordChangeState> => {
      const { accountId } = request.params as z.infer<typeof itemParams>;
      return retryItem(ctx, request.log, request.user.userId, changeId(request.params), accountId);
    },
  );
};
