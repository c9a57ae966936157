/**
 * The admin and password subpackages in the weapp build: each page renders headless with the data the
 * server gives, and their steps move on with taps and typing as WeChat would deliver them.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { AdminListResponse, AuditLogResponse } from '../../types/admin';
import type { PasswordChangeState, PasswordItem } from '../../types/passwords';
import { visibleText, WeappHost, type Routes } from '../support/weapp-host';
import { accountDetail, smsStepTo } from './fixtures';
import { check, openPage, SMS_COUNTDOWN_STARTED } from './launch';

const account = accountDetail({ role: '财务负责人' });
const admins: AdminListResponse = {
  enterpriseId: 'ent-1',
  admins: [
    { name: '张*丰', me: false, since: '2025-03-01T02:00:00.000Z' },
    { name: '陈静', me: true, since: '2025-03-05T02:00:00.000Z' },
  ],
  isAdmin: true,
};
const auditLog: AuditLogResponse = {
  entries: [
    {
      id: 'log-1',
      at: '2025-03-06T01:30:00.000Z',
      action: 'delete_account',
      actionLabel: '删除已绑定其他微信的账号',
      actor: { name: '陈静', me: true },
      maskedOpenid: 'oAbc****wxyz',
      maskedAccount: '139****0001',
      enterpriseName: '上海云票贸易有限公司',
      taxId: '91310000MA1FL0000X',
    },
  ],
};
const smsStep = smsStepTo('138****5678');

const items = (state: PasswordItem['state']): PasswordItem[] => [
  {
    accountId: 'acc-1',
    maskedAccount: '151****1832',
    enterpriseName: '上海云票贸易有限公司',
    taxId: '91310000MA1FL0000X',
    current: true,
    state,
  },
  {
    accountId: 'acc-9',
    maskedAccount: '151****1832',
    enterpriseName: '杭州云票软件有限公司',
    taxId: '913301000000000001',
    current: false,
    state,
  },
];
const change = (patch: Partial<PasswordChangeState>): PasswordChangeState => ({
  changeId: 'change-1',
  kind: 'reset',
  step: 'sms',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  items: [],
  ...patch,
});

function routes(): Routes {
  return {
    'GET /api/v1/accounts/acc-1': { body: account },
    'GET /api/v1/enterprises/ent-1/admins': { body: admins },
    'GET /api/v1/enterprises/ent-1/audit-log': { body: auditLog },
    'POST /api/v1/enterprises/ent-1/admins/flows': { status: 201, body: smsStep },
    'DELETE /api/v1/flows/flow-1': { status: 204 },
  };
}

function open(t: TestContext, url: string, overrides: Routes = {}): Promise<WeappHost> {
  return openPage(t, url, { ...routes(), ...overrides });
}

/** The element with this tag showing exactly `label` (not a hint that mentions it). */
const exactly = (host: WeappHost, tag: string, label: string) => {
  const hit = host.current.findAll(tag).find((b) => visibleText(b).join('') === label);
  assert.ok(hit, `no <${tag}> ${label}:\n${host.current.text()}`);
  return hit;
};
const button = (host: WeappHost, label: string) => exactly(host, 'button', label);

/** Lets a poll of the store (1.5 s, longer than the host's short timers) run, then the app settle. */
const afterPoll = async (host: WeappHost) => {
  await new Promise((r) => setTimeout(r, 1700));
  await host.settle();
};

test('数电配置管理员 lists the admins with 本人, the audit log and 退出管理员', async (t) => {
  const host = await open(t, 'packages/admin/pages/index/index?enterpriseId=ent-1');
  check(host, [
    '张*丰',
    '陈静',
    '本人',
    '操作记录',
    '删除已绑定其他微信的账号 139****0001',
    '陈静（本人） · 2025-03-06',
    '退出管理员',
  ]);

  const visitor = await open(t, 'packages/admin/pages/index/index?enterpriseId=ent-1', {
    'GET /api/v1/enterprises/ent-1/admins': { body: { enterpriseId: 'ent-1', admins: [], isAdmin: false } },
  });
  check(visitor, ['未绑定', '申请绑定']);
  assert.ok(!visitor.requests.some((r) => r.path.endsWith('/audit-log')));
});

test('申请绑定 explains with the risk note, then 提交验证 starts the SMS step', async (t) => {
  const host = await open(t, 'packages/admin/pages/apply/index?enterpriseId=ent-1');
  check(host, ['申请绑定数电配置管理员', '注意：只能企业对应的法人或财务负责人可使用此功能', '下一步']);

  await host.current.tap(button(host, '下一步'));
  check(host, ['法定代表人或财务负责人的电子税局账号和密码', '提交验证']);
  const page = host.current;
  await page.input(page.find('input', { placeholder: '手机号码/证件号码/用户名' }), '13800005678');
  await page.input(page.find('input', { placeholder: '请输入电子税局密码' }), 'Legal#2025');
  assert.equal(page.describe(page.find('input', { placeholder: '请输入电子税局密码' })).props.password, true);

  await host.current.tap(button(host, '提交验证'));
  check(host, ['验证码已发送至', '138****5678', SMS_COUNTDOWN_STARTED, '登录']);
  const start = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/admins/flows'));
  // The phone has no 指纹 or 面容 enrolled (the host's SOTER): the app says so explicitly.
  assert.equal(host.callsTo('checkIsSoterEnrolledInDevice').length, 2);
  assert.deepEqual(start?.data, { account: '13800005678', password: 'Legal#2025', soter: { unavailable: true } });
});

test('重置税局密码 goes 证件 → 获取验证码 → 新密码 → 更新关联账号', async (t) => {
  const host = await open(t, 'packages/password/pages/reset/index?accountId=acc-1', {
    'POST /api/v1/accounts/acc-1/password-resets': {
      status: 201,
      body: change({ sms: { hosted: false, filled: false } }),
    },
    'POST /api/v1/password-changes/change-1/sms/send': {
      body: change({
        sms: {
          hosted: false,
          filled: false,
          maskedPhone: '151****1832',
          resendAt: new Date(Date.now() + 60_000).toISOString(),
        },
      }),
    },
    'POST /api/v1/password-changes/change-1/sms': { body: change({ step: 'password' }) },
    'POST /api/v1/password-changes/change-1/password': { body: change({ step: 'updating', items: items('pending') }) },
    'GET /api/v1/password-changes/change-1': { body: change({ step: 'done', items: items('done') }) },
  });
  check(host, ['151****1832', '身份认证', '证件类型', '居民身份证', '证件号码', '下一步']);

  const idInput = () => host.current.find('input', { placeholder: '请输入证件号码' });
  await host.current.input(idInput(), '11010119900230');
  check(host, ['身份证号码中的出生日期不正确，请核对后重新输入']);
  await host.current.input(idInput(), '110101199003077774');
  await host.current.tap(button(host, '下一步'));
  check(host, ['验证码', '获取验证码']);
  assert.deepEqual(host.requests.find((r) => r.path.endsWith('/password-resets'))?.data, {
    idType: '居民身份证',
    idNumber: '110101199003077774',
    soter: { unavailable: true },
  });

  await host.current.tap(exactly(host, 'text', '获取验证码'));
  check(host, ['验证码已发送至', SMS_COUNTDOWN_STARTED]);
  await host.current.input(host.current.find('input', { placeholder: '请输入验证码' }), '246810');
  await host.current.tap(button(host, '下一步'));
  check(host, ['新密码', '确认密码']);

  await host.current.input(host.current.find('input', { placeholder: '请输入新密码' }), 'abcdefgh');
  check(host, ['密码须包含数字、字母、特殊字符中的至少两种']);
  await host.current.input(host.current.find('input', { placeholder: '请输入新密码' }), 'New#2025pass');
  await host.current.input(host.current.find('input', { placeholder: '请再次输入新密码' }), 'New#2025pas');
  await host.current.input(host.current.find('input', { placeholder: '请再次输入新密码' }), 'New#2025pasX');
  check(host, ['两次输入的密码不一致']);
  await host.current.input(host.current.find('input', { placeholder: '请再次输入新密码' }), 'New#2025pass');
  await host.current.tap(button(host, '确定'));
  check(host, ['杭州云票软件有限公司', '税号 913301000000000001', '账号 151****1832', '待更新', '当前账号']);

  await afterPoll(host);
  check(host, ['已更新', '已更新全部 2 个账号的密码']);
  assert.ok(!host.current.text().includes('待更新'));
});

test('更新发票云密码 shows the red note; a wrong password keeps the form with the bureau’s words', async (t) => {
  const wrong = '用户名或密码错误，您还可以尝试3次，连续错误5次账号将被锁定30分钟！';
  const host = await open(t, 'packages/password/pages/sync/index?accountId=acc-1', {
    'POST /api/v1/accounts/acc-1/password': {
      status: 400,
      body: { error: { code: 'etax_wrong_password', message: wrong } },
    },
  });
  check(host, ['151****1832', '注意：需要输入税局最新密码', '确定']);

  await host.current.input(host.current.find('input', { placeholder: '请输入税局最新密码' }), 'Wrong#2025');
  await host.current.tap(button(host, '确定'));
  check(host, [wrong, '注意：需要输入税局最新密码']);

  const ok = await open(t, 'packages/password/pages/sync/index?accountId=acc-1', {
    'POST /api/v1/accounts/acc-1/password': {
      status: 201,
      body: change({
        kind: 'sync',
        step: 'done',
        items: [items('done')[0], { ...items('failed')[1], error: '保存失败，请点击重试' }],
      }),
    },
  });
  await ok.current.input(ok.current.find('input', { placeholder: '请输入税局最新密码' }), 'Latest#2025');
  await ok.current.tap(button(ok, '确定'));
  check(ok, ['已更新', '更新失败', '保存失败，请点击重试', '重试', '已更新 1 个账号，1 个更新失败，请重试']);
});
