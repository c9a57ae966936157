/** The accounts subpackage in the weapp build: each page renders headless with the data the server gives. */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { AccountListResponse } from '../../types/accounts';
import { visibleText, WeappHost, type Routes } from '../support/weapp-host';
import { accountDetail, ENTERPRISE, smsStepTo, subscriptionsWith } from './fixtures';
import { check, openPage, SMS_COUNTDOWN_STARTED } from './launch';

const account = accountDetail({
  defaults: ['issue'],
  sessions: { issue: new Date(Date.now() + 3_600_000).toISOString() },
  notificationsLeft: 2,
});
const list: AccountListResponse = {
  enterprise: { ...ENTERPRISE, tenantName: '上海云票科技有限公司' },
  accounts: [account, { ...account, id: 'acc-2', maskedAccount: '139****0001', bound: 'other', defaults: [] }],
  isAdmin: false,
  nextCursor: null,
};
const subscriptions = subscriptionsWith(2);
const smsStep = smsStepTo('151****1832');

function routes(): Routes {
  return {
    'GET /api/v1/enterprises/ent-1/accounts': { body: list },
    'GET /api/v1/accounts/acc-1': { body: account },
    'GET /api/v1/me/subscriptions': { body: subscriptions },
    'GET /api/v1/me/recent-logins': { body: [] },
    'POST /api/v1/accounts/acc-1/flows': { status: 201, body: smsStep },
    'POST /api/v1/accounts/acc-1/binding': { body: account },
    'DELETE /api/v1/flows/flow-1': { status: 204 },
  };
}

function open(t: TestContext, url: string, overrides: Routes = {}): Promise<WeappHost> {
  return openPage(t, url, { ...routes(), ...overrides });
}

test('电子税局账号管理 shows the accounts with their tags and actions', async (t) => {
  const host = await open(t, 'packages/accounts/pages/list/index?enterpriseId=ent-1');
  check(host, [
    '上海云票贸易有限公司',
    '151****1832',
    '已绑定（本人）',
    '默认开票',
    '已登录',
    '办税员 · 开票+收票 · 人工登录',
    '可接收2次登录通知',
    '139****0001',
    '登录',
    '认证',
    '更多',
    '新增',
  ]);
});

test('新增账号 shows the form with the enterprise’s 税号 and 发票云登录App 已下架', async (t) => {
  const host = await open(t, 'packages/accounts/pages/add/index?enterpriseId=ent-1&business=issue');
  check(host, [
    '地区',
    '上海',
    '91310000MA1FL0000X',
    '身份',
    '办税员',
    '人工登录',
    '发票云登录App',
    '已下架',
    '扫码登录',
  ]);
  const password = host.current.find('input', { placeholder: '请输入电子税局密码' });
  assert.equal(host.current.describe(password).props.password, true);
});

test('新增账号 asks for the privacy consent first, in WeChat’s half-screen sheet with its own agree button', async (t) => {
  const host = await openPage(t, 'packages/accounts/pages/add/index?enterpriseId=ent-1&business=issue', routes(), {
    privacyAgreed: false,
  });
  // Taro sends an element's class as `cl`.
  const sheets = () => JSON.stringify(host.current.data.root).split('"cl":"weui-half-screen-dialog"').length - 1;
  check(host, ['用户隐私保护提示', '《发票云小程序隐私保护指引》', '拒绝', '同意']);
  assert.equal(sheets(), 1, 'a half-screen sheet');
  assert.equal(
    host.current.findAll('input', { placeholder: '请输入电子税局密码' }).length,
    0,
    'no form before consent',
  );
  // WeChat records the consent from the tap on its own agree button.
  const agree = host.current.find('button', { 'open-type': 'agreePrivacyAuthorization' });
  await host.current.fire(agree, 'agreeprivacyauthorization');
  assert.equal(sheets(), 0, 'the sheet is gone');
  check(host, ['电子税局账号', '扫码登录']);
});

test('绑定电子税局账号 binds in the tap, asking WeChat for the two templates', async (t) => {
  const mine = await open(t, 'packages/accounts/pages/edit/index?accountId=acc-1');
  check(mine, ['151****1832', '已绑定（本人）', '设置默认账号', '开票', '解绑', '删除']);

  const unbound = { ...account, bound: 'none' as const, notificationsLeft: undefined };
  const host = await open(t, 'packages/accounts/pages/edit/index?accountId=acc-1', {
    'GET /api/v1/accounts/acc-1': { body: unbound },
  });
  check(host, ['未绑定', '绑定微信收登录通知']);
  await host.current.tap('绑定微信收登录通知');
  assert.deepEqual(host.callsTo('requestSubscribeMessage'), [{ tmplIds: ['tmpl-login', 'tmpl-change'] }]);
  const bind = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/accounts/acc-1/binding'));
  assert.deepEqual(bind?.data, { subscriptions: { 'tmpl-login': 'accept', 'tmpl-change': 'accept' } });
  check(host, ['已绑定（本人）']);
});

test('登录 starts the SMS step with its countdown; 更换微信 asks for the password', async (t) => {
  const host = await open(t, 'packages/accounts/pages/login/index?accountId=acc-1&channel=issue');
  check(host, ['151****1832', '开票业务', '登录', '扫码登录']);
  // The button, not the 登录类型 row.
  const login = host.current.findAll('button').find((b) => visibleText(b).join('') === '登录');
  assert.ok(login, host.current.text());
  await host.current.tap(login);
  check(host, ['验证码已发送至', SMS_COUNTDOWN_STARTED]);
  const start = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/accounts/acc-1/flows'));
  assert.deepEqual(start?.data, { purpose: 'login', channel: 'issue', method: 'password', qrApp: 'tax' });

  const change = await open(t, 'packages/accounts/pages/change-wechat/index?accountId=acc-1');
  check(change, ['151****1832', '换绑需要登录电子税局验证身份']);
});
