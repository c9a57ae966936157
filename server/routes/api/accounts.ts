/**
 * E-tax accounts (types/accounts.ts): 电子税局账号管理 (F4), 编辑 with 绑定/解绑 (F6) and 设置默认账号
 * (F8), 删除 (F11), 解锁 (F14), enterprise 解绑 (F2), subscribe credits (F20), recent logins (F19).
 * Thin: validate, call the domain (which authorizes through permissions.ts), answer.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { noContent } from '../../http/zod';
import { accountDetail, deleteAccount, listAccounts, unbindAllMine, unlockAccount } from '../../domain/accounts';
import { bind, unbind } from '../../domain/bindings';
import { setDefaults } from '../../domain/defaults';
import { listRecentLogins } from '../../domain/recent-logins';
import { recordSubscriptions, subscriptions } from '../../domain/subscriptions';
import { lookupAccount } from '../../domain/relations';
import {
  accountDetail as accountDetailSchema,
  accountListQuery,
  accountListResponse,
  accountLookupBody,
  accountLookupResponse,
  bindBody,
  defaultsBody,
  deleteAccountBody,
  recentLogins,
  recordSubscriptionsBody,
  subscriptionsResponse,
  type AccountDetail,
  type AccountLookupResponse,
  type AccountListResponse,
  type RecentLogin,
  type SubscriptionsResponse,
} from '../../../types/accounts';

export const enterpriseParams = z.object({ enterpriseId: z.uuid('企业不存在') });
export const accountParams = z.object({ accountId: z.uuid('账号不存在或已被删除') });

export const accountRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['app'];
  // A bare POST (wx.request sends no body when data is empty) means "all defaults".
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'DELETE') request.body = {};
  });

  app.get(
    '/enterprises/:enterpriseId/accounts',
    {
      schema: {
        tags,
        summary: '电子税局账号管理: the enterprise’s accounts, a page at a time, searchable (F4)',
        response: { 200: accountListResponse },
        params: enterpriseParams,
        querystring: accountListQuery,
      },
    },
    async (request): Promise<AccountListResponse> => {
      const { enterpriseId } = request.params as z.infer<typeof enterpriseParams>;
      const page = request.query as z.output<typeof accountListQuery>;
      return listAccounts(ctx, request.user.userId, enterpriseId, page);
    },
  );

  app.delete(
    '/enterprises/:enterpriseId/bindings',
    {
      schema: {
        tags,
        summary: 'Enterprise 解绑: unbind all my accounts of it (F2)',
        response: { 204: noContent('My accounts of the enterprise are unbound.') },
        params: enterpriseParams,
      },
    },
    async (request, reply) => {
      const { enterpriseId } = request.params as z.infer<typeof enterpriseParams>;
      await unbindAllMine(ctx.db, request.user.userId, enterpriseId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/enterprises/:enterpriseId/accounts/lookup',
    {
      schema: {
        tags,
        summary: '新增账号 prefill: the bureau’s 身份 of the typed account in this enterprise (F5)',
        response: { 200: accountLookupResponse },
        params: enterpriseParams,
        body: accountLookupBody,
      },
    },
    async (request): Promise<AccountLookupResponse> => {
      const { enterpriseId } = request.params as z.infer<typeof enterpriseParams>;
      const { account } = request.body as z.infer<typeof accountLookupBody>;
      return lookupAccount(ctx, request.user.userId, enterpriseId, account);
    },
  );

  app.get(
    '/accounts/:accountId',
    {
      schema: { tags, summary: 'One account, for 编辑', response: { 200: accountDetailSchema }, params: accountParams },
    },
    async (request): Promise<AccountDetail> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      return accountDetail(ctx, request.user.userId, accountId);
    },
  );

  app.post(
    '/accounts/:accountId/binding',
    {
      schema: {
        tags,
        summary: '绑定微信收登录通知 (F6), with the subscribe results of the tap',
        response: { 200: accountDetailSchema },
        params: accountParams,
        body: bindBody,
      },
    },
    async (request): Promise<AccountDetail> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      const body = request.body as z.output<typeof bindBody>;
      await bind(ctx, request.user.userId, accountId, body.subscriptions);
      return accountDetail(ctx, request.user.userId, accountId);
    },
  );

  app.delete(
    '/accounts/:accountId/binding',
    { schema: { tags, summary: '解绑 (F6)', response: { 200: accountDetailSchema }, params: accountParams } },
    async (request): Promise<AccountDetail> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      await unbind(ctx.db, request.user.userId, accountId);
      return accountDetail(ctx, request.user.userId, accountId);
    },
  );

  app.put(
    '/accounts/:accountId/defaults',
    {
      schema: {
        tags,
        summary: '设置默认账号 (F8)',
        response: { 200: accountListResponse },
        params: accountParams,
        body: defaultsBody,
      },
    },
    async (request): Promise<AccountListResponse> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      const { channels } = request.body as z.output<typeof defaultsBody>;
      const enterpriseId = await setDefaults(ctx.db, request.user.userId, accountId, channels);
      return listAccounts(ctx, request.user.userId, enterpriseId);
    },
  );

  app.delete(
    '/accounts/:accountId',
    {
      schema: {
        tags,
        summary: '删除 (F11); of an account bound to someone else, with the admin’s SOTER proof',
        response: { 204: noContent('The account is deleted.') },
        params: accountParams,
        body: deleteAccountBody,
      },
      // Today's clients send a bare DELETE: no proof, as on a device without biometrics.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      const { soter } = request.body as z.output<typeof deleteAccountBody>;
      await deleteAccount(ctx, request.log, request.user.userId, accountId, soter);
      return reply.code(204).send();
    },
  );

  app.post(
    '/accounts/:accountId/unlock',
    { schema: { tags, summary: '解锁 (F14)', response: { 200: accountDetailSchema }, params: accountParams } },
    async (request): Promise<AccountDetail> => {
      const { accountId } = request.params as z.infer<typeof accountParams>;
      await unlockAccount(ctx.db, request.user.userId, accountId);
      return accountDetail(ctx, request.user.userId, accountId);
    },
  );

  app.get(
    '/me/subscriptions',
    {
      schema: { tags, summary: 'Subscribe credits left per template (F20)', response: { 200: subscriptionsResponse } },
    },
    async (request): Promise<SubscriptionsResponse> => subscriptions(ctx.db, ctx.config, request.user.userId),
  );

  app.post(
    '/me/subscriptions',
    {
      schema: {
        tags,
        summary: 'Record a subscribe popup’s results (F20)',
        response: { 200: subscriptionsResponse },
        body: recordSubscriptionsBody,
      },
    },
    async (request): Promise<SubscriptionsResponse> => {
      const body = request.body as z.output<typeof recordSubscriptionsBody>;
      await recordSubscriptions(ctx.db, ctx.config, request.user.userId, body.subscriptions);
      return subscriptions(ctx.db, ctx.config, request.user.userId);
    },
  );

  app.get(
    '/me/recent-logins',
    { schema: { tags, summary: 'My last ≤ 10 successful logins (F19)', response: { 200: recentLogins } } },
    async (request): Promise<RecentLogin[]> => listRecentLogins(ctx.db, request.user.userId),
  );
};
