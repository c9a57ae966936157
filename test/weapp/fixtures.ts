/** What the fake server answers: one signed-in user with one tenant and two enterprises. */
import type { AccountDetail, FlowState, SubscriptionsResponse } from '../../types/accounts';
import type { LoginResponse, MyTenantsResponse } from '../../types/api';
import type { Routes } from '../support/weapp-host';

export const TENANT = { id: 'ten-1', name: '上海云票科技有限公司' };
/** The first enterprise, as an account names it. */
export const ENTERPRISE = { id: 'ent-1', name: '上海云票贸易有限公司', taxId: '91310000MA1FL0000X', region: '上海' };
export const ENTERPRISES = [
  {
    ...ENTERPRISE,
    accountCount: 2,
    myBoundCount: 1,
    admin: { state: 'me' as const, names: [] },
  },
  {
    id: 'ent-2',
    name: '杭州云票软件有限公司',
    taxId: '913301000000000001',
    region: '浙江',
    accountCount: 0,
    myBoundCount: 0,
    admin: { state: 'other' as const, names: ['张*'] },
  },
];

/** The sign-in's answer, which brings 个人中心's tenants with it (issue 9 #5). */
export function loginAnswer(tenants: MyTenantsResponse) {
  const body: LoginResponse = {
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1' },
    home: { tenants: tenants.tenants, loginRequests: [] },
  };
  return { status: 200, body };
}

export function apiRoutes(): Routes {
  const tenants: MyTenantsResponse = { tenants: [{ ...TENANT, enterprises: ENTERPRISES }] };
  return {
    'POST /api/v1/auth/login': loginAnswer(tenants),
    'GET /api/v1/me/tenants': { status: 200, body: tenants },
    // The biometric guard's challenge (issue 14 part 5), asked before 更换微信, 申请管理员, 重置税局密码.
    'POST /api/v1/soter/challenges': {
      status: 201,
      body: { challenge: 'challenge-1', expiresAt: new Date(Date.now() + 300_000).toISOString() },
    },
  };
}

/** Account acc-1 of ENTERPRISE (151****1832, 办税员 for both businesses, bound to me) with `over` changed. */
export function accountDetail(over: Partial<AccountDetail> = {}): AccountDetail {
  return {
    id: 'acc-1',
    maskedAccount: '151****1832',
    role: '办税员',
    permissions: ['issue', 'receive'],
    loginType: 'manual',
    bound: 'me',
    defaults: [],
    sessions: {},
    can: { login: true, edit: true, delete: true, changeWechat: false, unlock: false },
    enterprise: ENTERPRISE,
    enterpriseAccountCount: 2,
    ...over,
  };
}

/** GET /me/subscriptions: the 登录通知 template accepted `loginCredits` times, 账号变更通知 none. */
export function subscriptionsWith(loginCredits: number): SubscriptionsResponse {
  return {
    templates: { loginNotice: 'tmpl-login', accountChange: 'tmpl-change' },
    credits: { 'tmpl-login': loginCredits, 'tmpl-change': 0 },
  };
}

/** A flow (flow-1) at its SMS step, the code sent to `maskedPhone` a moment ago. */
export function smsStepTo(maskedPhone: string): FlowState {
  return {
    flowId: 'flow-1',
    step: 'sms',
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
    sms: { maskedPhone, resendAt: new Date(Date.now() + 60_000).toISOString() },
  };
}
