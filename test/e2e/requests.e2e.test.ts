/**
 * Issue 5 end to end, in the browser build against the real server and both sandboxes: the invoice
 * system asks for a session; the bound user's WeChat holds the 登录通知; opening its page and typing
 * the SMS code completes the request (done, then ready). An unbound account's loginUrl works in a
 * fresh browser with no WeChat sign-in, once. Two concurrent asks send one message. A hosted account
 * logs in by itself, locks on a wrong password, and is unlocked in the list. The bureau down fails the
 * request with a clear reason, and nothing is lost.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer } from '../support/server';
import { phonePage, seen } from '../support/browser';
import { browserWalk, H5_DIR } from '../support/walk';
import { latestSmsCode } from '../support/etax';
import { ask, boundAccount, dropSessions, messagesOf, settled, statusOf } from '../support/requests';

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('#e2e.requests', () => {
  const walk = browserWalk();

  async function typeSmsCode(page: Page, phone: string) {
    const input = page.locator('input[placeholder="请输入验证码"]').filter({ visible: true });
    await input.waitFor();
    await input.fill(await latestSmsCode(walk.server, phone));
    await seen(page, '登录').click();
  }

  it('should reach the bound user by a 登录通知 whose page finishes the login with the SMS code', async () => {
    const a = await boundAccount(walk.server, { credits: 1 });
    await dropSessions(walk.server, a.person);
    const asked = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    assert.equal(asked.body.status, 'pending');
    assert.equal(
      asked.body.message,
      `请${masked(a.person.phone)}绑定的微信用户，前往发票云小程序点击收到的登录通知进行操作`,
    );
    assert.equal(asked.body.loginUrl, undefined);

    const [message] = await messagesOf(walk.server, a.alice.user);
    assert.ok(message, 'the WeChat sandbox holds the 登录通知');
    const page = await walk.open(a.alice, message.page);
    await seen(page, a.world.enterpriseName).waitFor();
    await seen(page, a.world.taxId).waitFor();
    await seen(page, '开票业务').waitFor();
    await seen(page, '登录').click();
    await typeSmsCode(page, a.person.phone);
    await seen(page, '登录成功，开票业务可以继续').waitFor();

    assert.equal((await statusOf(walk.server, asked.body.requestId)).status, 'done');
    const again = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'ready');
    assert.equal(again.body.account, masked(a.person.phone));
    await page.context().close();
  });

  it('should show someone else nothing of the request', async () => {
    const a = await boundAccount(walk.server, { credits: 1 });
    const other = await boundAccount(walk.server, { world: a.world });
    await dropSessions(walk.server, a.person);
    const asked = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    const [message] = await messagesOf(walk.server, a.alice.user);
    const page = await walk.open(other.alice, message.page);
    await seen(page, '该登录通知不存在或不属于您').waitFor();
    assert.equal(await page.getByText(a.world.taxId).filter({ visible: true }).count(), 0);
    assert.equal((await statusOf(walk.server, asked.body.requestId)).status, 'pending');
    await page.context().close();
  });

  it('should give a browser link for an unbound account that works once, with no WeChat sign-in', async () => {
    const a = await boundAccount(walk.server, { bound: false });
    await dropSessions(walk.server, a.person);
    const asked = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    assert.equal(asked.status, 202);
    assert.ok(asked.body.loginUrl, JSON.stringify(asked.body));
    assert.equal(
      asked.body.message,
      `电子税局登录失败，请用浏览器打开该链接：${asked.body.loginUrl}，完成登录后再操作！`,
    );

    // A fresh browser context: no simulated WeChat user, no picker.
    const page = await phonePage(walk.browser);
    await page.goto(asked.body.loginUrl.replace(walk.server.config.publicUrl, walk.server.url));
    await seen(page, a.world.enterpriseName).waitFor();
    assert.equal(await seen(page, '选择模拟微信用户').isVisible(), false, 'the link page asks for no WeChat user');
    // Nor leads to the app's 个人中心, which would: no 🏠 in the navigation bar (issue 12 #13).
    assert.equal(await page.locator('.taro-navigation-bar-home').isVisible(), false, 'no 🏠 on the link page');
    if (process.env.E2E_SCREENSHOTS) {
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'link-page-375.png') });
    }
    await seen(page, '登录').click();
    await typeSmsCode(page, a.person.phone);
    await seen(page, '登录成功，开票业务可以继续').waitFor();
    assert.equal((await statusOf(walk.server, asked.body.requestId)).status, 'done');

    // Used up: opening it again says so.
    const again = await phonePage(walk.browser);
    await again.goto(asked.body.loginUrl.replace(walk.server.config.publicUrl, walk.server.url));
    await seen(again, /已使用|已过期|已结束|已完成/, { exact: false }).waitFor();
    await page.context().close();
    await again.context().close();
  });

  it('should send one message for two concurrent asks, and give a link once the user has no credit left', async () => {
    const a = await boundAccount(walk.server, { credits: 1 });
    await dropSessions(walk.server, a.person);
    const [one, two] = await Promise.all([
      ask(walk.server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone }),
      ask(walk.server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone }),
    ]);
    assert.equal(one.body.requestId, two.body.requestId);
    assert.equal((await messagesOf(walk.server, a.alice.user)).length, 1);
    // The one credit is spent: the next request falls back to the browser link.
    const auth = await ask(walk.server, {
      taxId: a.world.taxId,
      channel: 'issue',
      purpose: 'auth',
      account: a.person.phone,
    });
    assert.equal(auth.status, 202);
    assert.ok(auth.body.loginUrl, 'no credit left → loginUrl');
    assert.equal((await messagesOf(walk.server, a.alice.user)).length, 1);
  });

  it('should log a hosted account in by itself, lock it on a wrong password, and unlock it in the list', async () => {
    const a = await boundAccount(walk.server, { loginType: 'huameng', credits: 1 });
    await dropSessions(walk.server, a.person);
    const first = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    assert.equal((await settled(walk.server, first.body.requestId)).status, 'done');
    assert.equal(
      (await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone })).status,
      200,
    );

    // The password was changed at the bureau behind our back.
    const changed = await walk.server.call('PATCH', `/sandbox/etax/control/persons/${a.person.idNumber}`, {
      body: { password: 'Changed#2026' },
    });
    assert.equal(changed.status, 200);
    await dropSessions(walk.server, a.person);
    const second = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    const ended = await settled(walk.server, second.body.requestId);
    assert.equal(ended.status, 'failed');
    assert.ok(ended.reason, 'the bureau’s reason is given');

    const page = await walk.open(a.alice, `packages/accounts/pages/list/index?enterpriseId=${a.world.enterpriseId}`);
    await seen(page, '已锁定').waitFor();
    await seen(page, '解锁').click();
    await seen(page, /密码/, { exact: false }).waitFor();
    await seen(page, '确定').click();
    await page.getByText('已锁定', { exact: true }).filter({ visible: true }).waitFor({ state: 'detached' });
    const detail = await walk.server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token });
    assert.equal(detail.body.locked, undefined);
    await page.context().close();
  });

  it('should fail the request with a clear reason when the bureau is down, and lose nothing', async () => {
    const a = await boundAccount(walk.server, { credits: 2 });
    await dropSessions(walk.server, a.person);
    const asked = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    const [message] = await messagesOf(walk.server, a.alice.user);
    await walk.server.call('POST', '/sandbox/etax/control/faults', { body: { mode: 'down' } });
    const page = await walk.open(a.alice, message.page);
    await seen(page, '登录').click();
    await seen(page, '电子税务局暂时无法访问，请稍后再试').waitFor();
    assert.equal((await statusOf(walk.server, asked.body.requestId)).status, 'pending', 'the request waits');

    // The bureau is back: the same page finishes it.
    await walk.server.call('DELETE', '/sandbox/etax/control/faults');
    await seen(page, '登录').click();
    await typeSmsCode(page, a.person.phone);
    await seen(page, '登录成功，开票业务可以继续').waitFor();
    assert.equal((await statusOf(walk.server, asked.body.requestId)).status, 'done');
    await page.context().close();
  });

  it('should expire an unanswered request: the caller is told, and its page says so', async () => {
    const short = await startTestServer({ staticDir: H5_DIR, env: { LOGIN_REQUEST_TTL_SECONDS: '2' } });
    try {
      const a = await boundAccount(short, { credits: 1 });
      await dropSessions(short, a.person);
      const asked = await ask(short, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
      assert.equal(asked.status, 202);
      const ended = await settled(short, asked.body.requestId, 15_000);
      assert.equal(ended.status, 'expired');
      const [message] = await messagesOf(short, a.alice.user);
      const page = await phonePage(walk.browser);
      await page.goto(`${short.url}/?wxuser=${encodeURIComponent(a.alice.user)}#/${message.page}`);
      await seen(page, '登录通知已过期').waitFor();
      assert.equal(await seen(page, '登录').isVisible(), false, 'an expired request offers no login');
      await page.context().close();
    } finally {
      await short.close();
    }
  });
});
