/** The notify subpackage in the weapp build: each page renders headless with the data the server gives. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoginRequestListResponse, LoginRequestView } from '../../types/requests';
import { visibleText, WeappHost } from '../support/weapp-host';
import { smsStepTo, subscriptionsWith } from './fixtures';
import { check, openPage, SMS_COUNTDOWN_STARTED } from './launch';

const TOKEN = 'link-token-0123456789abcdef';
const request: LoginRequestView = {
  id: 'req-1',
  enterprise: { name: '上海云票贸易有限公司', taxId: '91310000MA1FL0000X', region: '上海' },
  channel: 'issue',
  purpose: 'login',
  title: '开票登录',
  maskedAccount: '151****1832',
  loginType: 'manual',
  status: 'pending',
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  next: 'login',
};
const list: LoginRequestListResponse = {
  requests: [
    request,
    { ...request, id: 'req-2', title: '收票认证', channel: 'receive', purpose: 'auth', maskedAccount: '139****0001' },
  ],
};
const subscriptions = subscriptionsWith(0);
const smsStep = smsStepTo('151****1832');

const button = (host: WeappHost, label: string) => {
  const found = host.current.findAll('button').find((b) => visibleText(b).join('') === label);
  assert.ok(found, `no ${label} button on ${host.current.route}:\n${host.current.text()}`);
  return found;
};

test('登录通知 shows what is asked and starts the SMS step', async (t) => {
  const host = await openPage(t, 'packages/notify/pages/request/index?id=req-1', {
    'GET /api/v1/login-requests/req-1': { body: request },
    'GET /api/v1/me/subscriptions': { body: subscriptions },
    'POST /api/v1/login-requests/req-1/flows': { status: 201, body: smsStep },
    'DELETE /api/v1/flows/flow-1': { status: 204 },
  });
  check(host, [
    '开票登录',
    '上海云票贸易有限公司',
    '91310000MA1FL0000X',
    '开票业务',
    '151****1832',
    '10分钟内有效',
    '扫码登录',
  ]);

  await host.current.tap(button(host, '登录'));

  check(host, ['验证码已发送至', SMS_COUNTDOWN_STARTED]);
  const start = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/login-requests/req-1/flows'));
  assert.deepEqual(start?.data, { method: 'password', qrApp: 'tax' });
});

test('a done 登录通知 offers 继续接收登录通知, asking WeChat in the tap', async (t) => {
  const host = await openPage(t, 'packages/notify/pages/request/index?id=req-1', {
    'GET /api/v1/login-requests/req-1': { body: { ...request, status: 'done', next: undefined } },
    'GET /api/v1/me/subscriptions': { body: subscriptions },
    'POST /api/v1/me/subscriptions': { body: { ...subscriptions, credits: { 'tmpl-login': 1, 'tmpl-change': 1 } } },
  });
  check(host, ['登录成功，开票业务可以继续', '登录通知已用完，点击继续接收']);

  await host.current.tap(button(host, '继续接收登录通知'));

  assert.deepEqual(host.callsTo('requestSubscribeMessage'), [{ tmplIds: ['tmpl-login', 'tmpl-change'] }]);
  const recorded = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/me/subscriptions'));
  assert.deepEqual(recorded?.data, { subscriptions: { 'tmpl-login': 'accept', 'tmpl-change': 'accept' } });
  check(host, ['当前还可接收1次登录通知']);
});

test('the browser link page renders the request without any sign-in', async (t) => {
  const host = await openPage(t, `packages/notify/pages/link/index?t=${TOKEN}`, {
    [`GET /api/v1/link/${TOKEN}`]: { body: request },
  });
  check(host, ['开票登录', '上海云票贸易有限公司', '151****1832', '扫码登录']);
  assert.deepEqual(
    host.requests.map((r) => `${r.method} ${r.path}`),
    [`GET /api/v1/link/${TOKEN}`],
  );
  assert.equal(host.callsTo('login').length, 0, 'wx.login was called');
});

test('登录通知 lists the pending requests', async (t) => {
  const host = await openPage(t, 'packages/notify/pages/list/index', {
    'GET /api/v1/login-requests': { body: list },
  });
  check(host, ['开票登录', '收票认证', '上海云票贸易有限公司', '· 151****1832', '· 139****0001']);
});

test('登录通知 says when nothing is pending', async (t) => {
  const host = await openPage(t, 'packages/notify/pages/list/index', {
    'GET /api/v1/login-requests': { body: { requests: [] } },
  });
  check(host, ['暂无待处理的登录通知']);
});
