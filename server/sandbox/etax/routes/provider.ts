/**
 * Rule 9: the hosted-number providers' own endpoint, `GET /provider/:provider/latest-code?phone=`
 * (:provider = huameng | qixiangyun). Answers `{ success, data: { phone, code, content, receivedAt }
 * | null, message? }` in the manner of such providers; not affected by the bureau's faults.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HOSTED_PROVIDERS } from '../model';
import type { EtaxStore } from '../store';
import { latestHostedSms } from '../rules/hosted';

const params = z.object({ provider: z.enum(HOSTED_PROVIDERS) });
const query = z.object({ phone: z.string().trim().min(1) });

export const providerRoutes: FastifyPluginAsync<{ store: EtaxStore }> = async (app, { store }) => {
  app.get('/:provider/latest-code', async (req, reply) => {
    const p = params.safeParse(req.params);
    const q = query.safeParse(req.query);
    if (!p.success) return reply.code(404).send({ success: false, message: '不支持的托管号码服务商' });
    if (!q.success) return reply.code(400).send({ success: false, message: '请提供托管号码 phone' });
    const found = latestHostedSms(store, p.data.provider, q.data.phone);
    if (!found) return reply.code(404).send({ success: false, message: '该号码不是本平台托管号码' });
    return { success: true, data: found.latest && { phone: q.data.phone, ...found.latest } };
  });
};
