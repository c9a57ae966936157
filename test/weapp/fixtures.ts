/** What the fake server answers: one signed-in user with one tenant and two enterprises. */
import type { LoginResponse, MyTenantsResponse } from '../../types/api';
import type { Routes } from '../support/weapp-host';

export const TENANT = { id: 'ten-1', name: '上海云票科技有限公司' };
export const ENTERPRISES = [
  {
    id: 'ent-1',
    name: '上海云票贸易有限公司',
    taxId: '91310000MA1FL0000X',
    region: '上海',
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
