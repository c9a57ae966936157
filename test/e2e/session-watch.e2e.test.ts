/**
 * Issue 14 end to end, in the browser build against the real server and both sandboxes: the bureau
 * drops a session (control API); within one watch interval the holder's WeChat holds a message,
 * 个人中心 counts the account as needing me, the list shows 已掉线 with the time and cause; the
 * message's page logs in again with the SMS code and the list shows 已登录 again. Screenshots of the
 * screens at 320, 375 and 414 px go to E2E_SCREENSHOTS when set.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { privateDatabase } from '../support/server';
import { seen } from '../support/browser';
import { browserWalk } from '../support/walk';
import { latestSmsCode } from '../support/etax';
import { boundAccount, dropSessions, messagesOf } from '../support/requests';

const shots = process.env.E2E_SCREENSHOTS;

async function screenshots(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  for (const width of [320, 375, 414]) {
    await page.setViewportSize({ width, height: 740 });
    await sleep(200);
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 375, height: 740 });
}

describe('#e2e.session-watch', () => {
  const walk = browserWalk({
    server: async () => ({
      // The watch sweeps every session of its database, every second here.
      database: await privateDatabase(),
      env: { SESSION_WATCH_TICK_SECONDS: '1', SESSION_CHECK_INTERVAL_SECONDS: '3' },
    }),
  });

  it('should show a drop to its holder and log in again from the message', async () => {
    const a = await boundAccount(walk.server, { credits: 1 });
    await dropSessions(walk.server, a.person);
    let message: Awaited<ReturnType<typeof messagesOf>>[number] | undefined;
    for (let i = 0; i < 100 && !message; i++) {
      [message] = await messagesOf(walk.server, a.alice.user);
      if (!message) await sleep(100);
    }
    assert.ok(message, 'the holder’s WeChat holds the drop message');

    const home = await walk.open(a.alice, 'pages/index/index');
    await seen(home, '我的账号需处理').waitFor();
    await seen(home, '1 个我的账号已掉线或即将到期').waitFor();
    await screenshots(home, 'home-needing');
    await seen(home, '我的账号需处理').click();
    await seen(home, '已掉线').waitFor();
    await seen(home, /开票 · 今天 \d\d:\d\d · 另一处登录/, { exact: false }).waitFor();
    await screenshots(home, 'list-dropped');
    await home.context().close();

    // One tap on the message: 登录 of that account and channel.
    const page = await walk.open(a.alice, message.page);
    await seen(page, '开票业务').waitFor();
    await screenshots(page, 'relogin');
    // The button, not the page title 登录.
    const loginButton = () => page.locator('.weui-btn_primary').filter({ hasText: '登录', visible: true });
    await loginButton().click();
    const input = page.locator('input[placeholder="请输入验证码"]').filter({ visible: true });
    await input.waitFor();
    await input.fill(await latestSmsCode(walk.server, a.person.phone));
    await loginButton().click();
    await seen(page, '继续接收登录通知').waitFor();
    await page.context().close();

    const list = await walk.open(a.alice, `packages/accounts/pages/list/index?enterpriseId=${a.world.enterpriseId}`);
    await seen(list, /已登录/, { exact: false }).waitFor();
    assert.equal(await seen(list, '已掉线').count(), 0, '已掉线 is gone');
    await list.context().close();
  });
});
