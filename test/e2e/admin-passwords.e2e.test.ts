/**
 * Issue 6 end to end, in the browser build against the real server and both sandboxes: a
 * 财务负责人 becomes 数电配置管理员 and deletes an account bound to another user, who is told; a
 * 开票员 is refused; 重置税局密码 through the sandbox updates three related accounts across two 税号
 * and unlocks a locked hosted account; 仅更新发票云 with a wrong password changes nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { modalButton, seen, sheetItem } from '../support/browser';
import { browserWalk } from '../support/walk';
import {
  addAccount,
  anotherEnterprise,
  bindTo,
  latestSmsCode,
  member,
  relate,
  tenantWithEnterprise,
} from '../support/etax';
import { checkLayout } from '../support/layout';
import { addHostedAccount, lockByWrongPassword, namedPerson, storedAccounts } from '../support/passwords';

const LIST = 'packages/accounts/pages/list/index';

describe('#e2e.admin-passwords', () => {
  const walk = browserWalk();

  const input = (page: Page, placeholder: string) =>
    page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true });

  /** The privacy step before the first form asking for a phone or 证件号码 in this browser. */
  async function agreePrivacy(page: Page) {
    await seen(page, '用户隐私保护提示').waitFor();
    await seen(page, '同意').click();
  }

  /** 申请绑定 on 个人中心 → 下一步 → account and password → 提交验证 → (SMS → 登录). */
  async function applyForAdmin(page: Page, account: string, password: string) {
    await seen(page, '申请绑定').click();
    await seen(page, '下一步').click();
    await agreePrivacy(page);
    await input(page, '手机号码/证件号码/用户名').fill(account);
    await input(page, '请输入电子税局密码').fill(password);
    await seen(page, '提交验证').click();
    // The browser build's simulated SOTER prompt (issue 14 part 5): the person's finger matched.
    await seen(page, '指纹验证通过').click();
  }

  it('should make a 财务负责人 admin, who deletes an account bound to another user; that user is told', async () => {
    const world = await tenantWithEnterprise(walk.server);
    const finance = await namedPerson(walk.server, world.taxId, { name: '陈静', role: '财务负责人' });
    const clerk = await namedPerson(walk.server, world.taxId, { name: '王芳', role: '开票员' });
    const boss = await member(walk.server, world);
    const bob = await member(walk.server, world);
    // Bob added and bound his account, and can be told (one 账号变更通知 accepted).
    const bobsAccount = await addAccount(walk.server, bob.token, world.enterpriseId, clerk, { role: '开票员' });
    await bindTo(walk.server, bob, bobsAccount, [walk.server.config.WECHAT_CHANGE_TEMPLATE_ID]);

    const page = await walk.open(boss);
    await seen(page, world.enterpriseName).waitFor();
    await applyForAdmin(page, finance.phone, finance.password);
    const code = input(page, '请输入验证码');
    await code.waitFor();
    await code.fill(await latestSmsCode(walk.server, finance.phone));
    await seen(page, '登录').click();
    await seen(page, '本人', { exact: false }).waitFor();

    // As admin, 删除 is offered on Bob's bound account; the confirm says Bob will be told.
    await page.goto('about:blank');
    await page.goto(
      `${walk.server.url}/?wxuser=${encodeURIComponent(boss.user)}#/${LIST}?enterpriseId=${world.enterpriseId}`,
    );
    await seen(page, '更多').click();
    await sheetItem(page, '删除').click();
    await seen(page, /通知绑定的微信用户/, { exact: false }).waitFor();
    await modalButton(page, '删除').click();
    // Bob's account, not the admin's: the simulated SOTER prompt; this phone has neither.
    await seen(page, '本机未录入指纹或面容').click();
    await seen(page, '还没有电子税局账号，点击新增添加').waitFor();

    const gone = await walk.server.call('GET', `/api/v1/accounts/${bobsAccount}`, { token: bob.token });
    assert.equal(gone.status, 404);
    const told = await walk.server.call('GET', `/sandbox/wechat/control/messages?user=${encodeURIComponent(bob.user)}`);
    assert.equal(told.body.length, 1, 'bob received the 账号变更通知');
    const audit = await walk.server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/audit-log`, {
      token: boss.token,
    });
    // Becoming admin and the deletion, each a SOTER-guarded act: confirmed, or (as here) no biometrics.
    const acts = audit.body.entries.map((e: { action: string; biometric?: string }) => [e.action, e.biometric]);
    assert.deepEqual(acts.sort(), [
      ['admin_apply_start', 'fingerPrint'],
      ['delete_account', 'unavailable'],
    ]);
    await page.context().close();
  });

  it('should refuse a 开票员, naming the 身份 needed', async () => {
    const world = await tenantWithEnterprise(walk.server);
    const clerk = await namedPerson(walk.server, world.taxId, { name: '赵敏', role: '开票员' });
    const someone = await member(walk.server, world);
    const page = await walk.open(someone);
    await seen(page, world.enterpriseName).waitFor();
    await applyForAdmin(page, clerk.phone, clerk.password);
    await seen(page, /法定代表人或财务负责人/, { exact: false }).waitFor();
    await seen(page, /开票员/, { exact: false }).waitFor();
    const admins = await walk.server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/admins`, {
      token: someone.token,
    });
    assert.deepEqual(admins.body.admins, []);
    await page.context().close();
  });

  it('should reset the bureau password, update three related accounts across two 税号, and unlock the hosted one', async () => {
    const a = await tenantWithEnterprise(walk.server);
    const b = await anotherEnterprise(walk.server, a);
    const alice = await member(walk.server, a);
    // One natural person in both enterprises: a hosted number, and the 证件号码 as a second account.
    const person = await namedPerson(walk.server, a.taxId, { name: '林海' });
    await relate(walk.server, b.taxId, person.idNumber, '办税员', ['issue', 'receive']);
    await walk.server.call('POST', '/sandbox/etax/control/hosted-numbers', {
      body: { phone: person.phone, provider: 'qixiangyun' },
    });
    const hosted = await addHostedAccount(walk.server, alice.token, a.enterpriseId, person);
    const byId = await addAccount(walk.server, alice.token, a.enterpriseId, person, { account: person.idNumber });
    const inB = await addAccount(walk.server, alice.token, b.enterpriseId, person);
    await lockByWrongPassword(walk.server, alice.token, hosted, person);
    const before = await storedAccounts(walk.server, [hosted, byId, inB]);

    const page = await walk.open(alice, `${LIST}?enterpriseId=${a.enterpriseId}`);
    await seen(page, '已锁定').waitFor();
    // 编辑 of the account named by its 证件号码 → 修改密码 → 重置税局密码.
    const card = page
      .locator('.account-card')
      .filter({ hasText: person.idNumber.slice(-4) })
      .filter({ visible: true });
    await card.getByText('更多', { exact: true }).click();
    await sheetItem(page, '编辑').click();
    await seen(page, '修改密码').click();
    await sheetItem(page, '重置税局密码').click();
    await agreePrivacy(page);

    await input(page, '请输入证件号码').fill(person.idNumber.slice(0, 17) + (person.idNumber[17] === '0' ? '1' : '0'));
    await seen(page, '身份证号码校验位不正确，请核对后重新输入').waitFor();
    await input(page, '请输入证件号码').fill(person.idNumber);
    await seen(page, '下一步').click();
    await seen(page, '面容验证通过').click();
    await seen(page, '获取验证码').click();
    await seen(page, /60s 后重新获取|\d+s 后重新获取/, { exact: false }).waitFor();
    await input(page, '请输入验证码').fill(await latestSmsCode(walk.server, person.phone));
    await seen(page, '下一步').click();
    await input(page, '请输入新密码').fill('short');
    await seen(page, /8-16位/, { exact: false }).waitFor();
    await input(page, '请输入新密码').fill('Renewed#2027');
    await input(page, '请再次输入新密码').fill('Renewed#2027');
    await seen(page, '确定').click();
    await seen(page, '更新关联账号').waitFor();
    await page.getByText('已更新', { exact: true }).filter({ visible: true }).nth(2).waitFor();
    assert.equal(await page.getByText('更新失败', { exact: true }).filter({ visible: true }).count(), 0);

    const after = await storedAccounts(walk.server, [hosted, byId, inB]);
    for (const id of [hosted, byId, inB])
      assert.notEqual(after[id].password_enc, before[id].password_enc, `account ${id} updated`);
    assert.equal(after[hosted].locked_at, null, 'the hosted account is unlocked');
    // The bureau takes the new password.
    const login = await walk.server.call('POST', `/api/v1/accounts/${inB}/flows`, {
      token: alice.token,
      body: { purpose: 'login', channel: 'issue' },
    });
    assert.equal(login.status, 201, JSON.stringify(login.body));
    await page.context().close();
  });

  it('should change nothing when 仅更新发票云 is given a wrong password', async () => {
    const world = await tenantWithEnterprise(walk.server);
    const alice = await member(walk.server, world);
    const person = await namedPerson(walk.server, world.taxId, { name: '马晓军' });
    const id = await addAccount(walk.server, alice.token, world.enterpriseId, person);
    const before = await storedAccounts(walk.server, [id]);

    const page = await walk.open(alice, `${LIST}?enterpriseId=${world.enterpriseId}`);
    await seen(page, '更多').click();
    await sheetItem(page, '编辑').click();
    await seen(page, '修改密码').click();
    await sheetItem(page, '已在税局修改，仅更新发票云').click();
    await input(page, '请输入税局最新密码').fill('NotThePassword#1');
    await seen(page, '确定').click();
    await seen(page, /还可以尝试/, { exact: false }).waitFor();
    assert.equal(await input(page, '请输入税局最新密码').inputValue(), 'NotThePassword#1', 'the typed password stays');

    const after = await storedAccounts(walk.server, [id]);
    assert.equal(after[id].password_enc, before[id].password_enc, 'the stored password is unchanged');
    await page.context().close();
  });

  it('should check the holder by 扫脸 where the region offers no SMS (seed §3.6), then reset', async () => {
    const region = `无短信${Date.now()}`;
    await walk.server.call('POST', '/sandbox/etax/control/regions', { body: { region, smsPasswordReset: false } });
    const world = await tenantWithEnterprise(walk.server, { region });
    const person = await namedPerson(walk.server, world.taxId, { name: '李娜' });
    const erin = await member(walk.server, world);
    const accountId = await addAccount(walk.server, erin.token, world.enterpriseId, person);

    const page = await walk.open(erin, `packages/password/pages/reset/index?accountId=${accountId}`);
    await agreePrivacy(page);
    await input(page, '请输入证件号码').fill(person.idNumber);
    await seen(page, '下一步').click();
    await seen(page, '本机未录入指纹或面容').click();
    await seen(page, '开始扫脸验证').waitFor();
    await seen(page, '扫脸验证').waitFor();
    await checkLayout(page, 'password-face-start');
    await seen(page, '开始扫脸验证').click();
    await seen(page, '请使用税务APP扫描二维码，完成人脸识别').waitFor();
    await checkLayout(page, 'password-face-qr');

    // The holder's face does not match on the phone: the bureau's words and 重新验证.
    const ticket = async () =>
      (await walk.server.call('GET', `/sandbox/etax/control/tickets?idNumber=${person.idNumber}`)).body[0]?.ticket as
        string | undefined;
    const first = await ticket();
    assert.ok(first);
    await walk.server.call('POST', `/sandbox/etax/control/tickets/${first}/fail`, {
      body: { idNumber: person.idNumber },
    });
    await seen(page, /人脸识别未通过/, { exact: false }).waitFor();
    await checkLayout(page, 'password-face-failed');
    await seen(page, '重新验证').click();
    await seen(page, '请使用税务APP扫描二维码，完成人脸识别').waitFor();
    const second = await ticket();
    assert.ok(second && second !== first, 'a new face check');
    await walk.server.call('POST', `/sandbox/etax/control/tickets/${second}/confirm`, {
      body: { idNumber: person.idNumber },
    });
    await input(page, '请输入新密码').waitFor();
    await input(page, '请输入新密码').fill('Faced#2027ab');
    await input(page, '请再次输入新密码').fill('Faced#2027ab');
    await seen(page, '确定').click();
    await page.getByText('已更新', { exact: true }).filter({ visible: true }).first().waitFor();
    const stored = await storedAccounts(walk.server, [accountId]);
    assert.equal(walk.server.ctx.secrets.decrypt(stored[accountId].password_enc), 'Faced#2027ab');
    await page.context().close();
  });
});
