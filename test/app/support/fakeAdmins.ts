/**
 * The 数电配置管理员 API of types/admin.ts, in memory, on top of the fake server: the admins of each
 * enterprise, 申请绑定 as a bureau flow (提交验证 → 验证码 → done) that only a 法定代表人 or 财务负责人
 * passes, stepping down, and the audit log for admins only. Everything the client sent is recorded.
 */
import type { FlowState } from '../../../types/accounts';
import type { AdminView, AuditEntry } from '../../../types/admin';
import { ADMIN_ROLES, type Role } from '../../../types/domain';
import type { HttpRequest, HttpResponse } from '../../../src/services/api';
import type { FakeServer } from './fakeServer';

export const ADMIN_SMS_CODE = '654321';
export const ADMIN_PASSWORD = 'Legal#2025';
export const WRONG_PASSWORD_MESSAGE = '用户名或密码错误，您还可以尝试4次，连续错误5次账号将被锁定30分钟！';

interface AdminFlow {
  id: string;
  enterpriseId: string;
  step: 'sms' | 'done' | 'failed';
  error?: { code: string; message: string };
}

export interface FakeAdmins {
  /** What the bureau says the person applying is in the enterprise (default 财务负责人). */
  role: Role;
  /** My name as the bureau knows it (in full for me). */
  myName: string;
  /** The admins of an enterprise other than me, as others see them (masked). */
  addAdmin(enterpriseId: string, admin: Omit<AdminView, 'me'>): void;
  /** Makes me an admin already. */
  makeMeAdmin(enterpriseId: string): void;
  addAuditEntry(enterpriseId: string, entry: Partial<AuditEntry> & { id: string }): void;
  readonly flows: AdminFlow[];
  /** Every request to the admin API (and its flows), in order. */
  readonly calls: HttpRequest[];
}

const json = (statusCode: number, data?: unknown): HttpResponse => ({ statusCode, data });
const error = (statusCode: number, code: string, message: string) => json(statusCode, { error: { code, message } });

export function installFakeAdmins(server: FakeServer): FakeAdmins {
  const admins = new Map<string, AdminView[]>();
  const audit = new Map<string, AuditEntry[]>();
  const flows: AdminFlow[] = [];
  const calls: HttpRequest[] = [];

  const adminsOf = (enterpriseId: string) => admins.get(enterpriseId) ?? [];
  const amAdmin = (enterpriseId: string) => adminsOf(enterpriseId).some((a) => a.me);

  const fake: FakeAdmins = {
    role: '财务负责人',
    myName: '陈静',
    flows,
    calls,
    addAdmin: (enterpriseId, admin) =>
      void admins.set(enterpriseId, [...adminsOf(enterpriseId), { ...admin, me: false }]),
    makeMeAdmin: (enterpriseId) =>
      void admins.set(enterpriseId, [
        ...adminsOf(enterpriseId),
        { name: fake.myName, me: true, since: '2025-03-05T02:00:00.000Z' },
      ]),
    addAuditEntry(enterpriseId, entry) {
      const full: AuditEntry = {
        at: '2025-03-06T01:30:00.000Z',
        action: 'delete_account',
        actionLabel: '删除已绑定其他微信的账号',
        actor: { name: fake.myName, me: true },
        maskedOpenid: 'oAbc****wxyz',
        maskedAccount: '139****0001',
        enterpriseName: '福建示例科技有限公司',
        taxId: '91350100M000100Y43',
        ...entry,
      };
      audit.set(enterpriseId, [full, ...(audit.get(enterpriseId) ?? [])]);
    },
  };

  const stateOf = (flow: AdminFlow): FlowState => {
    const state: FlowState = {
      flowId: flow.id,
      step: flow.step,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    };
    if (flow.step === 'sms') {
      state.sms = { maskedPhone: '138****5678', resendAt: new Date(Date.now() + 60_000).toISOString() };
    }
    if (flow.error) state.error = flow.error;
    return state;
  };

  server.use((request) => {
    const { pathname } = new URL(request.url);
    const route = `${request.method} ${pathname.replace(/^\/api\/v1/, '')}`;
    const body = (request.data ?? {}) as Record<string, string>;
    let m: RegExpMatchArray | null;

    if ((m = route.match(/^(\w+) \/enterprises\/([^/]+)\/(admins|admins\/flows|admins\/me|audit-log)$/))) {
      calls.push(request);
      const [, method, enterpriseId, what] = m;
      switch (`${method} ${what}`) {
        case 'GET admins':
          return json(200, { enterpriseId, admins: adminsOf(enterpriseId), isAdmin: amAdmin(enterpriseId) });
        case 'POST admins/flows': {
          if (amAdmin(enterpriseId)) return error(409, 'already_admin', '您已是该企业的数电配置管理员');
          if (!ADMIN_ROLES.includes(fake.role)) {
            return error(
              403,
              'admin_role_required',
              `只有企业的法定代表人或财务负责人可以成为数电配置管理员，电子税局登记的您在该企业的身份为：${fake.role}`,
            );
          }
          if (body.password !== ADMIN_PASSWORD) return error(400, 'etax_wrong_password', WRONG_PASSWORD_MESSAGE);
          const flow: AdminFlow = { id: `admin-flow-${flows.length + 1}`, enterpriseId, step: 'sms' };
          flows.push(flow);
          return json(201, stateOf(flow));
        }
        case 'DELETE admins/me':
          if (!amAdmin(enterpriseId)) return error(409, 'not_admin', '您不是该企业的数电配置管理员');
          admins.set(
            enterpriseId,
            adminsOf(enterpriseId).filter((a) => !a.me),
          );
          return json(204);
        case 'GET audit-log':
          if (!amAdmin(enterpriseId)) return error(403, 'admins_only', '只有数电配置管理员可以查看操作记录');
          return json(200, { entries: audit.get(enterpriseId) ?? [] });
      }
      return undefined;
    }

    // The flow calls of 申请绑定 (the flows this fake started; others are not its business).
    if ((m = route.match(/^(\w+) \/flows\/(admin-flow-\d+)(\/[\w/-]+)?$/))) {
      calls.push(request);
      const [, method, id, tail = ''] = m;
      const flow = flows.find((f) => f.id === id);
      if (!flow) return error(404, 'not_found', '该操作不存在或已结束，请重新开始');
      switch (`${method} ${tail}`) {
        case 'GET ':
          return json(200, stateOf(flow));
        case 'DELETE ':
          if (flow.step === 'sms')
            Object.assign(flow, { step: 'failed', error: { code: 'cancelled', message: '已取消' } });
          return json(204);
        case 'POST /sms':
          if (flow.step !== 'sms') return error(409, 'wrong_step', '当前步骤不可执行该操作，请按页面提示操作');
          if (body.code !== ADMIN_SMS_CODE)
            return error(400, 'etax_sms_code_wrong', '短信验证码错误，您还可以尝试4次！');
          flow.step = 'done';
          fake.makeMeAdmin(flow.enterpriseId);
          return json(200, stateOf(flow));
      }
      return undefined;
    }
    return undefined;
  });

  return fake;
}
