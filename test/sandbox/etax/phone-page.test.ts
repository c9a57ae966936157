/** Rule 11: the phone page in Chromium — the holder sees the SMS and confirms a QR login with 确认. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, phonePage } from '../../support/browser';
import { expectStep, startBureau, withPerson, type Bureau } from './helpers';

describe('#etax.phonePage (rule 11)', () => {
  let b: Bureau;
  let browser: Browser;
  before(async () => {
    b = await startBureau();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await b?.close();
  });

  it('should show the SMS received and confirm a QR login the adapter then sees confirmed', async () => {
    const { enterprise, person } = await withPerson(b, { name: '吴十' });
    const page = await phonePage(browser);
    await page.goto(`${b.control}/`);
    const card = page.locator(`[data-phone="${person.phone}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), /吴十/);

    // An SMS sent now appears on the next refresh (every 2 s).
    await b.gateway.startLogin({
      account: person.phone,
      password: person.password,
      taxId: enterprise.taxId,
      channel: 'issue',
    });
    const code = await b.latestCode(person.phone);
    await card.locator('.sms .code', { hasText: code }).waitFor({ timeout: 5000 });

    const qr = expectStep(
      await b.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue', account: person.phone }),
      'qr_pending',
    );
    const ticket = card.locator(`[data-ticket="${qr.qr.ticket}"]`);
    await ticket.waitFor({ timeout: 5000 });
    assert.match(await ticket.innerText(), /扫码登录 · 税务APP/);
    assert.match(await ticket.innerText(), new RegExp(enterprise.name));
    await ticket.getByRole('button', { name: '确认' }).click();
    await ticket.waitFor({ state: 'detached', timeout: 5000 });

    const done = expectStep(await b.gateway.pollLogin(qr.flowId), 'logged_in');
    assert.equal(done.session.name, '吴十');
    await page.context().close();
  });

  it('should list a face check (人脸认证) and confirm it', async () => {
    const { enterprise, person } = await withPerson(b, { name: '郑十一' });
    const qr = await b.gateway.startAuth({ account: person.phone, taxId: enterprise.taxId });
    const page = await phonePage(browser);
    await page.goto(`${b.control}/`);
    await page.locator('#filter').fill(person.phone);
    const ticket = page.locator(`[data-ticket="${qr.ticket}"]`);
    await ticket.waitFor();
    assert.match(await ticket.innerText(), /人脸认证/);
    assert.equal(await page.locator('.phone').count(), 1, 'the filter keeps only that phone');
    // A 认证 alone cannot fail on the phone; only a face check inside a login or reset can.
    assert.equal(await ticket.getByRole('button', { name: '识别失败' }).count(), 0);
    await ticket.getByRole('button', { name: '确认' }).click();
    await ticket.waitFor({ state: 'detached', timeout: 5000 });
    assert.equal((await b.gateway.pollAuth(qr.ticket)).state, 'confirmed');
    await page.context().close();
  });

  it('should let the holder fail the face check of a 扫脸登录 (识别失败), which offers the recent logins (§3.5)', async () => {
    const { enterprise, person } = await withPerson(b, { name: '冯十二' });
    const face = expectStep(
      await b.gateway.startFaceLogin({ account: person.idNumber, taxId: enterprise.taxId, channel: 'issue' }),
      'needs_face',
    );
    const page = await phonePage(browser);
    await page.goto(`${b.control}/`);
    await page.locator('#filter').fill(person.phone);
    const ticket = page.locator(`[data-ticket="${face.qr.ticket}"]`);
    await ticket.waitFor();
    await ticket.getByRole('button', { name: '识别失败' }).click();
    await ticket.waitFor({ state: 'detached', timeout: 5000 });
    expectStep(await b.gateway.pollLogin(face.flowId), 'face_failed');

    // The password-reset face check is shown without an enterprise.
    const reset = await b.gateway.startPasswordReset({
      idType: '居民身份证',
      idNumber: person.idNumber,
      check: 'face',
    });
    assert.equal(reset.step, 'needs_face');
    if (reset.step !== 'needs_face') return;
    const resetTicket = page.locator(`[data-ticket="${reset.qr.ticket}"]`);
    await resetTicket.waitFor({ timeout: 5000 });
    assert.match(await resetTicket.innerText(), /忘记密码 · 安全验证/);
    await page.context().close();
  });
});
