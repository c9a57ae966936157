/**
 * Issue 12 defect 16: the 登录通知 page opened from its message while the app is still in memory (the
 * browser build: a hash navigation, no reload) right after the user added an account. The tap on 登录
 * acts: the login starts and its code finishes it. (The late-unload race itself is reproduced
 * deterministically in test/app/notify/inMemory.test.tsx.) And the message opened while 新增账号 is
 * still sliding out on its way back to the list shows the 登录通知 page, not a blank screen.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seen, settled, sheetItem } from '../support/browser';
import { browserWalk } from '../support/walk';
import { bureauPerson, latestSmsCode, type BureauPerson } from '../support/etax';
import { ask, boundAccount, dropSessions, messagesOf, statusOf, type BoundAccount } from '../support/requests';

const LIST = 'packages/accounts/pages/list/index';
const REQUEST_PAGE = '.taro_page[id^="/packages/notify/pages/request/"]';

describe('#e2e.notice-in-memory', () => {
  const walk = browserWalk();

  /**
   * Alice, on her account list, adds a second person's account up to its last 登录 (the SMS code
   * typed); meanwhile the bureau dropped her own session and the invoice system asked for a login, so
   * her WeChat holds a 登录通知.
   */
  async function addAccountUpToLastTap(): Promise<{
    a: BoundAccount;
    page: Page;
    second: BureauPerson;
    requestId: string;
    messagePage: string;
  }> {
    const a = await boundAccount(walk.server, { credits: 1 });
    const page = await walk.open(a.alice, `${LIST}?enterpriseId=${a.world.enterpriseId}`);
    const second = await bureauPerson(walk.server, a.world.taxId);
    await seen(page, '新增').click();
    await sheetItem(page, '开票业务').click();
    await seen(page, '用户隐私保护提示').waitFor();
    await seen(page, '同意').click();
    await page.locator('input[placeholder="手机号码/证件号码/用户名"]').filter({ visible: true }).fill(second.phone);
    await page.locator('input[placeholder="请输入电子税局密码"]').filter({ visible: true }).fill(second.password);
    await seen(page, '登录').click();
    const addCode = page.locator('input[placeholder="请输入验证码"]').filter({ visible: true });
    await addCode.waitFor();
    await addCode.fill(await latestSmsCode(walk.server, second.phone));
    await dropSessions(walk.server, a.person);
    const asked = await ask(walk.server, { taxId: a.world.taxId, channel: 'issue', account: a.person.phone });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const [message] = await messagesOf(walk.server, a.alice.user);
    return { a, page, second, requestId: asked.body.requestId, messagePage: message.page };
  }

  it('should start the login on the first tap of 登录 right after adding an account', async () => {
    const { a, page, second, requestId, messagePage } = await addAccountUpToLastTap();
    await seen(page, '登录').click();
    await seen(page, '添加成功').waitFor();
    await seen(page, `${second.phone.slice(0, 3)}****${second.phone.slice(-4)}`).waitFor();

    // The message is opened while the app is in memory: no reload.
    await page.evaluate((p) => {
      window.location.hash = `#/${p}`;
    }, messagePage);
    const requestPage = page.locator(REQUEST_PAGE);
    const started: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/v1\/login-requests\/[^/]+\/flows$/.test(r.url())) started.push(r.url());
    });
    await requestPage.getByText('登录', { exact: true }).click();
    const code = requestPage.locator('input[placeholder="请输入验证码"]');
    await code.waitFor();
    assert.equal(started.length, 1, 'the tap started the login');
    // The page left before does not take the flow away: the code finishes the request.
    await page.waitForTimeout(500);
    await code.fill(await latestSmsCode(walk.server, a.person.phone));
    await requestPage.getByText('登录', { exact: true }).click();
    await requestPage.getByText('登录成功，开票业务可以继续').waitFor();
    assert.equal((await statusOf(walk.server, requestId)).status, 'done');
    await page.context().close();
  });

  // Taro's router slides 新增账号 out for 300 ms on its way back; the message opened then once left the
  // screen blank (the list hidden, the 登录通知 page unmounted in its place).
  for (const after of [0, 150]) {
    it(`should show the 登录通知 opened ${after} ms into 新增账号's way back to the list`, async () => {
      const { a, page, requestId, messagePage } = await addAccountUpToLastTap();
      // The message is opened as the back to the list starts (its popstate) or halfway through the slide.
      await page.evaluate(
        ([p, ms]) => {
          window.addEventListener(
            'popstate',
            () =>
              setTimeout(() => {
                window.location.hash = `#/${p}`;
              }, ms),
            { once: true },
          );
        },
        [messagePage, after] as const,
      );
      await seen(page, '登录').click();
      const requestPage = page.locator(REQUEST_PAGE);
      await requestPage.getByText(a.world.enterpriseName).waitFor();
      await settled(page);
      // It is the one page shown, and it stays.
      await page.waitForTimeout(500);
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.taro_page'))
          .filter((el) => getComputedStyle(el).display !== 'none')
          .map((el) => el.id.split('?')[0]),
      );
      assert.deepEqual(shown, ['/packages/notify/pages/request/index']);
      assert.ok(await requestPage.getByText(a.world.enterpriseName).isVisible(), 'the 登录通知 page is on screen');
      // And it works: its 登录 and the code finish the request.
      await requestPage.getByText('登录', { exact: true }).click();
      const code = requestPage.locator('input[placeholder="请输入验证码"]');
      await code.waitFor();
      await code.fill(await latestSmsCode(walk.server, a.person.phone));
      await requestPage.getByText('登录', { exact: true }).click();
      await requestPage.getByText('登录成功，开票业务可以继续').waitFor();
      assert.equal((await statusOf(walk.server, requestId)).status, 'done');
      await page.context().close();
    });
  }
});
