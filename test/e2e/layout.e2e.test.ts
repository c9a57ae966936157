/**
 * Issue 12: every page and state this walk reaches, as two new users would see them, checked at
 * 320, 375 and 414 px wide (test/support/layout.ts): nothing wider than the viewport, no label or
 * masked number broken inside, the QR wholly inside its box, the error of a failed tap in view.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { uniqueUser } from '../support/server';
import { modalButton, phonePage, seen, sheetItem } from '../support/browser';
import { browserWalk } from '../support/walk';
import { assertInView, checkLayout, putBelowTheFold, SMALL_PHONE, WIDTHS } from '../support/layout';
import {
  addAccount,
  bureauPerson,
  latestSmsCode,
  member,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from '../support/etax';
import { ask, boundAccount, dropSessions, messagesOf } from '../support/requests';
import { makeIdNumber } from '../support/factories';
import { namedPerson } from '../support/passwords';

const LIST = 'packages/accounts/pages/list/index';
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('#e2e.layout', () => {
  const walk = browserWalk();
  let world: World;
  let holder: BureauPerson;
  let stranger: BureauPerson;
  let alice: string;
  let bob: Member;
  let page: Page;

  before(async () => {
    world = await tenantWithEnterprise(walk.server);
    holder = await bureauPerson(walk.server, world.taxId, { role: '办税员', permissions: ['issue', 'receive'] });
    // Known to the bureau, but at another enterprise: 未查询到您与该企业的关联关系信息.
    stranger = await bureauPerson(walk.server, (await tenantWithEnterprise(walk.server)).taxId);
    alice = uniqueUser('layout');
    bob = await member(walk.server, world);
  });

  it('should lay out 个人中心 and 租户 empty, refused and full', async () => {
    page = await walk.open(alice);
    await seen(page, '还没有关联租户，点击编辑添加').waitFor();
    await checkLayout(page, 'home-empty');
    await seen(page, '编辑').click();
    await seen(page, '新增').click();
    const input = page.locator('.tenant-add__input input').filter({ visible: true });
    await input.fill('WRONG-CODE-1234');
    await seen(page, '确认').click();
    const refused = seen(page, /激活码不正确/, { exact: false });
    await refused.waitFor();
    await assertInView(page, refused, '激活码 refused');
    await checkLayout(page, 'tenant-add-error');
    await input.fill(world.activationCode);
    await seen(page, '确认').click();
    await seen(page, `租户${world.taxId.slice(-4)}`).waitFor();
    await checkLayout(page, 'tenant-edit-full');
    await walk.reopen(page, alice, '');
    await seen(page, world.enterpriseName).waitFor();
    await checkLayout(page, 'home-full');
  });

  it('should lay out 新增账号: empty list, privacy, form, refusals in view, the 验证码 step at its top', async () => {
    await walk.reopen(page, alice, `${LIST}?enterpriseId=${world.enterpriseId}`);
    await seen(page, '还没有电子税局账号，点击新增添加').waitFor();
    await checkLayout(page, 'list-empty');
    await seen(page, '新增').click();
    await checkLayout(page, 'list-add-sheet');
    // On a desktop the sheet stays in the app's 480 px column.
    await page.setViewportSize({ width: 1280, height: 800 });
    const sheet = await page.locator('.taro__actionSheet > div:nth-child(2)').boundingBox();
    assert.ok(sheet && sheet.width <= 480 && Math.abs(sheet.x + sheet.width / 2 - 640) <= 1, JSON.stringify(sheet));
    await page.setViewportSize({ width: 375, height: 740 });
    await sheetItem(page, '开票业务').click();
    await seen(page, '用户隐私保护提示').waitFor();
    await checkLayout(page, 'privacy');
    // WeChat's half-screen sheet: at the bottom, over the page, in the app's column on a desktop.
    for (const viewport of [
      { width: 375, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      const consent = await page.getByRole('dialog', { name: '用户隐私保护提示' }).boundingBox();
      assert.ok(
        consent &&
          Math.abs(consent.y + consent.height - viewport.height) <= 1 &&
          consent.height < viewport.height / 2 &&
          consent.width <= 480 &&
          Math.abs(consent.x + consent.width / 2 - viewport.width / 2) <= 1,
        JSON.stringify({ viewport, consent }),
      );
    }
    await page.setViewportSize({ width: 375, height: 740 });
    await seen(page, '同意').click();
    await seen(page, world.taxId).waitFor();
    await checkLayout(page, 'add-form');

    // The taps on the smallest phone: 登录 lies below the fold there.
    await page.setViewportSize(SMALL_PHONE);
    const account = page.locator('input[placeholder="手机号码/证件号码/用户名"]').filter({ visible: true });
    const password = page.locator('input[placeholder="请输入电子税局密码"]').filter({ visible: true });
    await account.fill(stranger.phone);
    await password.fill(stranger.password);
    await seen(page, '登录').click();
    const noRelation = seen(page, /未查询到您与该企业的关联关系信息/, { exact: false });
    await noRelation.waitFor();
    await assertInView(page, noRelation, '未查询到关联关系');
    await checkLayout(page, 'add-refused');
    await page.setViewportSize(SMALL_PHONE);

    await account.fill(holder.phone);
    await password.fill(holder.password);
    await seen(page, '登录').click();
    const sent = seen(page, '验证码已发送至', { exact: false });
    await sent.waitFor();
    await assertInView(page, sent, '验证码已发送至');
    await checkLayout(page, 'add-sms');
    await page.setViewportSize(SMALL_PHONE);
    const code = page.locator('input[placeholder="请输入验证码"]').filter({ visible: true });
    await code.fill('000000');
    await seen(page, '登录').click();
    const wrong = seen(page, /验证码错误/, { exact: false });
    await wrong.waitFor();
    await assertInView(page, wrong, 'wrong code');
    await page.setViewportSize({ width: 375, height: 740 });
    await code.fill(await latestSmsCode(walk.server, holder.phone));
    await seen(page, '登录').click();
    await seen(page, masked(holder.phone)).waitFor();
    await seen(page, /已登录/, { exact: false }).waitFor();
    await checkLayout(page, 'list-full');
  });

  it('should lay out 编辑 unbound, the subscribe popup, and the row with three tags on 编辑 and 登录', async () => {
    await seen(page, '更多').click();
    await sheetItem(page, '编辑').click();
    await seen(page, '绑定微信收登录通知').waitFor();
    await checkLayout(page, 'edit-unbound');
    await seen(page, '绑定微信收登录通知').click();
    await seen(page, '允许').waitFor();
    await checkLayout(page, 'subscribe-popup');
    await seen(page, '允许').click();
    await seen(page, /已绑定/, { exact: false }).waitFor();
    await seen(page, '设置默认账号').click();
    await sheetItem(page, '开票+收票').click();
    await checkLayout(page, 'default-confirm');
    await modalButton(page, '确定').click();
    await seen(page, /默认收票/, { exact: false }).waitFor();
    await checkLayout(page, 'edit-three-tags');

    await walk.reopen(page, alice, `${LIST}?enterpriseId=${world.enterpriseId}`);
    await seen(page, /默认收票/, { exact: false }).waitFor();
    await checkLayout(page, 'list-three-tags');
    await seen(page, '登录').click();
    await sheetItem(page, '收票业务').click();
    await seen(page, '扫码登录').waitFor();
    await checkLayout(page, 'login');
    await seen(page, '扫码登录').click();
    await page.locator('img[src^="data:image/png"]').filter({ visible: true }).first().waitFor();
    await checkLayout(page, 'login-qr');
  });

  it('should lay out 认证 with its whole QR', async () => {
    const [acc] = (
      await walk.server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, { token: bob.token })
    ).body.accounts as { id: string }[];
    await walk.reopen(page, alice, `packages/accounts/pages/login/index?accountId=${acc.id}&purpose=auth`);
    await page.locator('img[src^="data:image/png"]').filter({ visible: true }).first().waitFor();
    await checkLayout(page, 'auth-qr');
  });

  it('should lay out the other member’s view of an account bound to someone else', async () => {
    const bobPage = await walk.open(bob.user, `${LIST}?enterpriseId=${world.enterpriseId}`);
    await seen(bobPage, /已绑定/, { exact: false }).waitFor();
    await checkLayout(bobPage, 'list-bound-other');
    await bobPage.goto(walk.url(bob.user));
    await seen(bobPage, world.enterpriseName).waitFor();
    await checkLayout(bobPage, 'home-other');
    await bobPage.context().close();
  });

  it('should lay out 登录通知: the list, the request, and the browser link with its QR', async () => {
    const a = await boundAccount(walk.server, { credits: 1 });
    await dropSessions(walk.server, a.person);
    const asked = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const p = await walk.open(a.alice.user, 'packages/notify/pages/list/index');
    await seen(p, a.world.enterpriseName).waitFor();
    await checkLayout(p, 'notify-list');
    const [message] = await messagesOf(walk.server, a.alice.user);
    await p.goto('about:blank');
    await p.goto(walk.url(a.alice.user, message.page));
    await seen(p, '扫码登录').waitFor();
    await checkLayout(p, 'request');
    await p.context().close();

    const u = await boundAccount(walk.server, { bound: false });
    await dropSessions(walk.server, u.person);
    const linked = await ask(walk.server, { taxId: u.world.taxId, channel: 'issue', account: u.person.phone });
    assert.ok(linked.body.loginUrl, JSON.stringify(linked.body));
    const link = await phonePage(walk.browser);
    await link.goto(linked.body.loginUrl.replace(walk.server.config.publicUrl, walk.server.url));
    await seen(link, '扫码登录').waitFor();
    await checkLayout(link, 'link');
    await seen(link, '扫码登录').click();
    await link.locator('img[src^="data:image/png"]').filter({ visible: true }).first().waitFor();
    await checkLayout(link, 'link-qr');
    await link.goto('about:blank');
    await link.goto(`${walk.server.url}/#/packages/notify/pages/link/index?t=not-a-real-token`);
    // A bad link leads somewhere: back to the invoice system, not a 重试 that cannot help.
    await seen(link, '链接无效').waitFor();
    await seen(link, '请核对链接是否完整，或回到开票系统重新发起登录').waitFor();
    assert.equal(await seen(link, '重试').isVisible(), false);
    await checkLayout(link, 'link-bad');
    await link.context().close();
  });
  it('should show a failed tap’s error in view, and start a new step at its top, on 重置税局密码, 仅更新发票云 and 申请绑定', async () => {
    const w = await tenantWithEnterprise(walk.server);
    const carol = await member(walk.server, w);
    const person = await namedPerson(walk.server, w.taxId, { name: '周密' });
    const accountId = await addAccount(walk.server, carol.token, w.enterpriseId, person);
    const clerk = await namedPerson(walk.server, w.taxId, { name: '赵敏', role: '开票员' });
    const field = (p: Page, placeholder: string) =>
      p.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true });
    // The simulated 指纹/面容 prompt stands for WeChat's own, which is not the page's layout: on these
    // folds shorter than any phone it lies partly under the navigation bar, so it is answered directly.
    const answerSoter = (p: Page, choice: string) => seen(p, choice).dispatchEvent('click');

    for (const width of WIDTHS) {
      // 重置税局密码: a 证件号码 of someone else, then the holder's → the 验证码 step from its top.
      const p = await walk.open(carol.user, `packages/password/pages/reset/index?accountId=${accountId}`);
      await seen(p, '用户隐私保护提示').waitFor();
      await seen(p, '同意').click();
      await field(p, '请输入证件号码').fill(makeIdNumber());
      await putBelowTheFold(p, seen(p, '下一步'), width);
      await seen(p, '下一步').click();
      await answerSoter(p, '面容验证通过');
      const mismatch = seen(p, /证件信息与该账号的实名信息不一致/, { exact: false });
      await mismatch.waitFor();
      await assertInView(p, mismatch, `${width}px 重置税局密码 refused`);
      if (width === 320) await checkLayout(p, 'reset-refused');
      await field(p, '请输入证件号码').fill(person.idNumber);
      await putBelowTheFold(p, seen(p, '下一步'), width);
      await seen(p, '下一步').click();
      await answerSoter(p, '面容验证通过');
      const codeStep = seen(p, '点击“获取验证码”，验证码将发送至该账号在税局绑定的手机');
      await codeStep.waitFor();
      await assertInView(p, codeStep, `${width}px 验证码 step at its top`);

      // 仅更新发票云 with a wrong password.
      await p.setViewportSize({ width, height: 740 });
      await p.goto('about:blank');
      await p.goto(walk.url(carol.user, `packages/password/pages/sync/index?accountId=${accountId}`));
      await field(p, '请输入税局最新密码').fill('NotThePassword#1');
      await putBelowTheFold(p, seen(p, '确定'), width);
      await seen(p, '确定').click();
      const wrong = seen(p, /还可以尝试/, { exact: false });
      await wrong.waitFor();
      await assertInView(p, wrong, `${width}px 仅更新发票云 refused`);
      if (width === 320) await checkLayout(p, 'sync-refused');

      // 申请绑定数电配置管理员: a 开票员 is refused; a 财务负责人 goes on to the 验证码 step, from its top.
      await p.setViewportSize({ width, height: 740 });
      await p.goto('about:blank');
      await p.goto(walk.url(carol.user, `packages/admin/pages/apply/index?enterpriseId=${w.enterpriseId}`));
      await seen(p, '下一步').click();
      await field(p, '手机号码/证件号码/用户名').fill(clerk.phone);
      await field(p, '请输入电子税局密码').fill(clerk.password);
      await putBelowTheFold(p, seen(p, '提交验证'), width);
      await seen(p, '提交验证').click();
      await answerSoter(p, '指纹验证通过');
      const refused = seen(p, /^只有企业的法定代表人或财务负责人可以/, { exact: false });
      await refused.waitFor();
      await assertInView(p, refused, `${width}px 申请绑定 refused`);
      if (width === 320) await checkLayout(p, 'apply-refused');
      const boss = await namedPerson(walk.server, w.taxId, { name: `钱${width}`, role: '财务负责人' });
      await field(p, '手机号码/证件号码/用户名').fill(boss.phone);
      await field(p, '请输入电子税局密码').fill(boss.password);
      await putBelowTheFold(p, seen(p, '提交验证'), width);
      await seen(p, '提交验证').click();
      await answerSoter(p, '指纹验证通过');
      const sent = seen(p, '验证码已发送至', { exact: false });
      await sent.waitFor();
      await assertInView(p, sent, `${width}px 申请绑定 验证码 step at its top`);
      await p.context().close();
    }
  });
});
