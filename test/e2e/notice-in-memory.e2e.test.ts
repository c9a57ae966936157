/**
 * Issue 12 defect 16: the 登录通知 page opened from its message while the app is still in memory (the
 * browser build: a hash navigation, no reload) right after the user added an account. The tap on 登录
 * acts: the login starts and its code finishes it. (The late-unload race itself is reproduced
 * deterministically in test/app/notify/inMemory.test.tsx.)
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seen, sheetItem } from '../support/browser';
import { browserWalk } from '../support/walk';
import { bureauPerson, latestSmsCode } from '../support/etax';
import { ask, boundAccount, dropSessions, messagesOf, statusOf } from '../support/requests';

const LIST = 'packages/accounts/pages/list/index';

describe('#e2e.notice-in-memory', () => {
  const walk = browserWalk();

  it('should start the login on the first tap of 登录 right after adding an account', async () => {
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
    await seen(page, '登录').click();
    await seen(page, '添加成功').waitFor();
    await seen(page, `${second.phone.slice(0, 3)}****${second.phone.slice(-4)}`).waitFor();

    // The message is opened while the app is in memory: no reload.
    await page.evaluate((p) => {
      window.location.hash = `#/${p}`;
    }, message.page as string);
    const requestPage = page.locator('.taro_page[id^="/packages/notify/pages/request/"]');
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
    assert.equal((await statusOf(walk.server, asked.body.requestId)).status, 'done');
    await page.context().close();
  });
});
