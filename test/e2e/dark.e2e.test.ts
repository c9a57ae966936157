/**
 * Dark mode in the browser build (issue 12): a phone in dark mode (Chromium's colorScheme) sees the
 * main screens in WeUI's dark palette — dark page and bar, light body text at 4.5:1 or more, links and
 * buttons in the dark palette, no white box but the QR's — and a phone in light mode sees them as
 * before. Checked on computed styles (test/support/theme.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { modalButton, phonePage, seen, sheetItem } from '../support/browser';
import { browserWalk } from '../support/walk';
import { seedAdmin } from '../support/etax';
import { ask, boundAccount, dropSessions, messagesOf, type BoundAccount } from '../support/requests';
import { checkTheme, type Scheme } from '../support/theme';

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
const qrImage = (page: Page) => page.locator('img[src^="data:image/png"]').filter({ visible: true }).first();
const qrBoxes = (page: Page) => page.locator('[class*="qr-box"]').filter({ visible: true });

describe('#e2e.dark', () => {
  const walk = browserWalk();

  for (const scheme of ['dark', 'light'] satisfies Scheme[]) {
    it(`should paint 个人中心, the accounts, 新增账号, 登录 with its QR and the admin page ${scheme}`, async () => {
      const a: BoundAccount = await boundAccount(walk.server, { credits: 1 });
      await seedAdmin(walk.server, a.world, a.alice);
      const { enterpriseId } = a.world;

      const page = await walk.open(a.alice, '', { colorScheme: scheme });
      await seen(page, a.world.enterpriseName).waitFor();
      await checkTheme(page, scheme, '个人中心');

      await walk.reopen(page, a.alice.user, `packages/accounts/pages/list/index?enterpriseId=${enterpriseId}`);
      await seen(page, masked(a.person.phone)).waitFor();
      await checkTheme(page, scheme, '电子税局账号管理');
      await seen(page, '新增').click();
      await sheetItem(page, '开票业务').waitFor();
      await checkTheme(page, scheme, 'the ActionSheet', '.taro__actionSheet');
      await sheetItem(page, '开票业务').click();
      await seen(page, '用户隐私保护提示').waitFor();
      await checkTheme(page, scheme, '用户隐私保护提示');
      await seen(page, '同意').click();
      await seen(page, a.world.taxId).waitFor();
      await checkTheme(page, scheme, '新增账号');

      await walk.reopen(
        page,
        a.alice.user,
        `packages/accounts/pages/login/index?accountId=${a.accountId}&channel=issue`,
      );
      await seen(page, '扫码登录').click();
      await qrImage(page).waitFor();
      await checkTheme(page, scheme, '扫码登录');
      assert.equal(await qrBoxes(page).count(), 1, 'the QR box was checked');

      await walk.reopen(page, a.alice.user, `packages/admin/pages/index/index?enterpriseId=${enterpriseId}`);
      await seen(page, '退出管理员').waitFor();
      await checkTheme(page, scheme, '数电配置管理员');
      await seen(page, '退出管理员').click();
      await modalButton(page, '取消').waitFor();
      await checkTheme(page, scheme, 'the 退出管理员 modal', '.taro__modal');
      await modalButton(page, '取消').click();
      await page.context().close();
    });

    it(`should paint 登录通知 and the browser link with its QR ${scheme}`, async () => {
      const a = await boundAccount(walk.server, { credits: 1 });
      await dropSessions(walk.server, a.person);
      const asked = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
      assert.equal(asked.status, 202, JSON.stringify(asked.body));
      const page = await walk.open(a.alice.user, 'packages/notify/pages/list/index', { colorScheme: scheme });
      await seen(page, a.world.enterpriseName).waitFor();
      await checkTheme(page, scheme, '登录通知 list');
      const [message] = await messagesOf(walk.server, a.alice.user);
      await walk.reopen(page, a.alice.user, message.page);
      await seen(page, '扫码登录').waitFor();
      await checkTheme(page, scheme, '登录通知');
      await page.context().close();

      const u = await boundAccount(walk.server, { bound: false });
      await dropSessions(walk.server, u.person);
      const linked = await ask(walk.server, { taxId: u.world.taxId, channel: 'issue', account: u.person.phone });
      assert.ok(linked.body.loginUrl, JSON.stringify(linked.body));
      const link = await phonePage(walk.browser, { colorScheme: scheme });
      await link.goto(linked.body.loginUrl.replace(walk.server.config.publicUrl, walk.server.url));
      await seen(link, '扫码登录').click();
      await qrImage(link).waitFor();
      await checkTheme(link, scheme, 'the browser link with its QR');
      assert.equal(await qrBoxes(link).count(), 1, 'the QR box was checked');
      await link.context().close();
    });
  }
});
