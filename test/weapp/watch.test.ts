/**
 * Issue 14 in the weapp build: the account list shows 已掉线 with the time and cause and 即将到期
 * as the server says; 个人中心 counts my accounts that need me; the page a drop message opens
 * (登录 of that account and channel) starts the login in one tap.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountListResponse } from '../../types/accounts';
import type { MyTenantsResponse } from '../../types/api';
import { visibleText } from '../support/weapp-host';
import { accountDetail, ENTERPRISE, ENTERPRISES, loginAnswer, smsStepTo, subscriptionsWith, TENANT } from './fixtures';
import { check, openPage } from './launch';

const dropped = accountDetail({
  defaults: ['issue'],
  sessions: { receive: new Date(Date.now() + 20 * 60_000).toISOString() },
  dropped: { issue: { at: new Date(Date.now() - 5 * 60_000).toISOString(), cause: 'elsewhere' } },
  expiringSoon: ['receive'],
  notificationsLeft: 1,
  enterpriseAccountCount: 1,
});
const list: AccountListResponse = {
  enterprise: { ...ENTERPRISE, tenantName: TENANT.name },
  accounts: [dropped],
  isAdmin: false,
  nextCursor: null,
};
const subscriptions = subscriptionsWith(1);
const smsStep = smsStepTo('151****1832');
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
