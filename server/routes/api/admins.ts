/**
 * 数电配置管理员 (types/admin.ts, F10): the admins of an enterprise, 申请绑定 (a bureau flow,
 * continued with the flow routes of flows.ts), stepping down, and the audit log (admins only).
 * Thin: validate, call the domain (which checks membership), answer.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { noContent } from '../../http/zod';
import { listAdmins, stepDown } from '../../domain/admins';
import { listAuditLog } from '../../domain/audit';
import { startAdminFlow } from '../../domain/flows';
import { enterpriseParams } from './accounts';
import { flowState, type FlowState } from '../../../types/accounts';
import {
  adminFlowBody,
  adminListResponse,
  auditLogResponse,
  type AdminListResponse,
  type AuditLogResponse,
} from '../../../types/admin';

export const adminRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['app'];
  const enterpriseId = (params: unknown) => (params as z.infer<typeof enterpriseParams>).enterpriseId;

  app.get(
    '/enterprises/:enterpriseId/admins',
    {
      schema: {
        tags,
        summary: '数电配置管理员 of the enterprise (F10)',
        response: { 200: adminListResponse },
        params: enterpriseParams,
      },
    },
    async (request): Promise<AdminListResponse> =>
      listAdmins(ctx.db, request.user.userId, enterpriseId(request.params)),
  );

  app.post(
    '/enterprises/:enterpriseId/admins/flows',
    {
      schema: {
        tags,
        summary: '申请绑定 → 提交验证: a bureau login as 法定代表人 or 财务负责人 (F10); continue with /flows',
        response: { 201: flowState },
        params: enterpriseParams,
        body: adminFlowBody,
      },
    },
    async (request, reply): Promise<FlowState> => {
      const body = request.body as z.output<typeof adminFlowBody>;
      const state = await startAdminFlow(ctx, request.log, request.user.userId, enterpriseId(request.params), body);
      reply.code(201);
      return state;
    },
  );

  app.delete(
    '/enterprises/:enterpriseId/admins/me',
    {
      schema: {
        tags,
        summary: 'Step down as 数电配置管理员 (F10)',
        response: { 204: noContent('I am no longer an admin of the enterprise.') },
        params: enterpriseParams,
      },
    },
    async (request, reply) => {
      await stepDown(ctx.db, request.user.userId, enterpriseId(request.params));
      return reply.code(204).send();
    },
  );

  app.get(
    '/enterprises/:enterpriseId/audit-log',
    {
      schema: {
        tags,
        summary: 'What admins did with their rights (F10); admins only',
        response: { 200: auditLogResponse },
        params: enterpriseParams,
      },
    },
    async (request): Promise<AuditLogResponse> =>
      listAuditLog(ctx.db, request.user.userId, enterpriseId(request.params)),
  );
};
