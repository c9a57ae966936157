/**
 * Issue 12: every page and state this walk reaches, as two new users would see them, checked at
 * 320, 375 and 414 px wide (test/support/layout.ts): nothing wider than the viewport, no label or
 * masked number broken inside, the QR wholly inside its box, the error of a failed tap in view.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, uniqueUser, type TestServer } from '../support/server';
import { launchBrowser, modalButton, phonePage, seen, sheetItem } from '../support/browser';
import { assertInView, checkLayout, SMALL_PHONE } from '../support/layout';
import {
  bureauPerson,
  latestSmsCode,
  member,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from '../support/etax';
import { ask, boundAccount, dropSessions, messagesOf } from '../support/requests';

const h5Dir = path.resolve(__dirname, '../../dist/h5');
const LIST = 'packages/accounts/pages/list/index';
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('#e2e.layout', () => {
  let server: TestServer;
  let browser: Browser;
  let world: World;
  let holder: BureauPerson;
  let stranger: BureauPerson;
  let alice: string;
  let bob: Member;
  let page: Page;

  before(async () => {
    server = await startTestServer({ staticDir: h5Dir });
    browser = await launchBrowser();
    world = await tenantWithEnterprise(server);
    holder = await bureauPerson(server, world.taxId, { role: '办税员', permissions: ['issue', 'receive'] });
    // Known to the bureau, but at another enterprise: 未查询到您与该企业的关联关系信息.
    stranger = await bureauPerson(server, (await tenantWithEnterprise(server)).taxId);
    alice = uniqueUser('layout');
    bob = await member(server, world);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const url = (user: string, hashPath = '') =>
    `${server.url}/?wxuser=${encodeURIComponent(user)}${hashPath ? `#/${hashPath}` : ''}`;

  async function reopen(user: string, hashPath: string) {
    await page.goto('about:blank');
    await page.goto(url(user, hashPath));
  }

  it('should lay out 个人中心 and 租户 empty, refused and full', async () => {
    page = await phonePage(browser);
    await page.goto(url(alice));
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
    await reopen(alice, '');
    await seen(page, world.enterpriseName).waitFor();
    await checkLayout(page, 'home-full');
  });

  it('should lay out 新增账号: empty list, privacy, form, refusals in view, the 验证码 step at its top', async () => {
    await reopen(alice, `${LIST}?enterpriseId=${world.enterpriseId}`);
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
    await code.fill(await latestSmsCode(server, holder.phone));
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

    await reopen(alice, `${LIST}?enterpriseId=${world.enterpriseId}`);
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
    const [acc] = (await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, { token: bob.token }))
      .body.accounts as { id: string }[];
    await reopen(alice, `packages/accounts/pages/login/index?accountId=${acc.id}&purpose=auth`);
    await page.locator('img[src^="data:image/png"]').filter({ visible: true }).first().waitFor();
    await checkLayout(page, 'auth-qr');
  });

  it('should lay out the other member’s view of an account bound to someone else', async () => {
    const bobPage = await phonePage(browser);
    await bobPage.goto(url(bob.user, `${LIST}?enterpriseId=${world.enterpriseId}`));
    await seen(bobPage, /已绑定/, { exact: false }).waitFor();
    await checkLayout(bobPage, 'list-bound-other');
    await bobPage.goto(url(bob.user));
    await seen(bobPage, world.enterpriseName).waitFor();
    await checkLayout(bobPage, 'home-other');
    await bobPage.context().close();
  });

  it('should lay out 登录通知: the list, the request, and the browser link with its QR', async () => {
    const a = await boundAccount(server, { credits: 1 });
    await dropSessions(server, a.person);
    const asked = await ask(server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const p = await phonePage(browser);
    await p.goto(url(a.alice.user, 'packages/notify/pages/list/index'));
    await seen(p, a.world.enterpriseName).waitFor();
    await checkLayout(p, 'notify-list');
    const [message] = await messagesOf(server, a.alice.user);
    await p.goto('about:blank');
    await p.goto(url(a.alice.user, message.page));
    await seen(p, '扫码登录').waitFor();
    await checkLayout(p, 'request');
    await p.context().close();

    const u = await boundAccount(server, { bound: false });
    await dropSessions(server, u.person);
    const linked = await ask(server, { taxId: u.world.taxId, channel: 'issue', account: u.person.phone });
    assert.ok(linked.body.loginUrl, JSON.stringify(linked.body));
    const link = await phonePage(browser);
    await link.goto(linked.body.loginUrl.replace(server.config.publicUrl, server.url));
    await seen(link, '扫码登录').waitFor();
    await checkLayout(link, 'link');
    await seen(link, '扫码登录').click();
    await link.locator('img[src^="data:image/png"]').filter({ visible: true }).first().waitFor();
    await checkLayout(link, 'link-qr');
    await link.goto('about:blank');
    await link.goto(`${server.url}/#/packages/notify/pages/link/index?t=not-a-real-token`);
    // A bad link leads somewhere: back to the invoice system, not a 重试 that cannot help.
    await seen(link, '链接无效').waitFor();
    await seen(link, '请核对链接是否完整，或回到开票系统重新发起登录').waitFor();
    assert.equal(await seen(link, '重试').isVisible(), false);
    await checkLayout(link, 'link-bad');
    await link.context().close();
  });
});
