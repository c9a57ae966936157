/**
 * Issue 14 in the weapp build: the account list shows 已掉线 with the time and cause and 即将到期
 * as the server says; 个人中心 counts my accounts that need me; the page a drop message opens
 * (登录 of that account and channel) starts the login in one tap.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountDetail, AccountListResponse, FlowState, SubscriptionsResponse } from '../../types/accounts';
import type { MyTenantsResponse } from '../../types/api';
import { visibleText } from '../support/weapp-host';
import { ENTERPRISES, loginAnswer, TENANT } from './fixtures';
import { check, openPage } from './launch';

const enterprise = { id: 'ent-1', name: '上海云票贸易有限公司', taxId: '91310000MA1FL0000X', region: '上海' };
const dropped: AccountDetail = {
  id: 'acc-1',
  maskedAccount: '151****1832',
  role: '办税员',
  permissions: ['issue', 'receive'],
  loginType: 'manual',
  bound: 'me',
  defaults: ['issue'],
  sessions: { receive: new Date(Date.now() + 20 * 60_000).toISOString() },
  dropped: { issue: { at: new Date(Date.now() - 5 * 60_000).toISOString(), cause: 'elsewhere' } },
  expiringSoon: ['receive'],
  can: { login: true, edit: true, delete: true, changeWechat: false, unlock: false },
  notificationsLeft: 1,
  enterprise,
  enterpriseAccountCount: 1,
};
const list: AccountListResponse = {
  enterprise: { ...enterprise, tenantName: TENANT.name },
  accounts: [dropped],
  isAdmin: false,
  nextCursor: null,
};
const subscriptions: SubscriptionsResponse = {
  templates: { loginNotice: 'tmpl-login', accountChange: 'tmpl-change' },
  credits: { 'tmpl-login': 1, 'tmpl-change': 0 },
};
const smsStep: FlowState = {
  flowId: 'flow-1',
  step: 'sms',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  sms: { maskedPhone: '151****1832', resendAt: new Date(Date.now() + 60_000).toISOString() },
};
const tenants: MyTenantsResponse = {
  tenants: [{ ...TENANT, enterprises: [{ ...ENTERPRISES[0], myNeedingCount: 1 }, ENTERPRISES[1]] }],
};

const routes = {
  'POST /api/v1/auth/login': loginAnswer(tenants),
  'GET /api/v1/me/tenants': { body: tenants },
  'GET /api/v1/login-requests': { body: [] },
  'GET /api/v1/enterprises/ent-1/accounts': { body: list },
  'GET /api/v1/accounts/acc-1': { body: dropped },
  'GET /api/v1/me/subscriptions': { body: subscriptions },
  'GET /api/v1/me/recent-logins': { body: [] },
  'POST /api/v1/accounts/acc-1/flows': { status: 201, body: smsStep },
  'DELETE /api/v1/flows/flow-1': { status: 204 },
};

test('the account list shows 已掉线 with its cause and 即将到期; 个人中心 counts it', async (t) => {
  const listPage = await openPage(t, 'packages/accounts/pages/list/index?enterpriseId=ent-1', routes);
  check(listPage, ['151****1832', '已掉线', '另一处登录', '即将到期', '掉线和到期提醒也用这些次数']);

  const home = await openPage(t, 'pages/index/index', routes);
  check(home, ['我的账号需处理', '1 个我的账号']);
});

test('the drop message’s page logs in again in one tap', async (t) => {
  const host = await openPage(t, 'packages/accounts/pages/login/index?accountId=acc-1&channel=issue', routes);
  check(host, ['151****1832', '开票业务']);
  const login = host.current.findAll('button').find((b) => visibleText(b).join('') === '登录');
  assert.ok(login, host.current.text());
  await host.current.tap(login);
  check(host, ['验证码已发送至']);
  const start = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/accounts/acc-1/flows'));
  assert.deepEqual(start?.data, { purpose: 'login', channel: 'issue', method: 'password', qrApp: 'tax' });
});
