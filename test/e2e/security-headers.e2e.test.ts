/**
 * The H5 build works under the server's security headers (http/headers.ts): walking the app —
 * sign-in, 个人中心, 租户编辑 with its 解绑 confirm, an account list — raises no Content-Security-
 * Policy violation, and the page may not be framed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { modalButton, phonePage, seen } from '../support/browser';
import { browserWalk } from '../support/walk';
import { addAccount, bindTo, bureauPerson, member, tenantWithEnterprise } from '../support/etax';

describe('#e2e.securityHeaders', () => {
  const walk = browserWalk();

  it('should run the app with no CSP violation, and say in the 解绑 confirm which bindings end', async () => {
    const world = await tenantWithEnterprise(walk.server);
    const alice = await member(walk.server, world);
    for (let i = 0; i < 2; i++) {
      const id = await addAccount(
        walk.server,
        alice.token,
        world.enterpriseId,
        await bureauPerson(walk.server, world.taxId),
      );
      await bindTo(walk.server, alice, id);
    }
    const page = await phonePage(walk.browser);
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const res = await page.goto(`${walk.server.url}/?wxuser=${encodeURIComponent(alice.user)}`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(res?.headers()['x-content-type-options'], 'nosniff');

    await seen(page, world.enterpriseName).waitFor();
    await seen(page, '编辑').click();
    await seen(page, '选择一个租户后可解绑').waitFor();
    await page
      .locator('.tenant-edit')
      .getByText(`租户${world.taxId.slice(-4)}`, { exact: true })
      .click();
    await seen(page, '解绑').click();
    await seen(page, /你在该租户绑定的 2 个账号将解绑/).waitFor();
    const shots = process.env.SCREENSHOT_DIR;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.waitForTimeout(500); // the modal's fade-in
      for (const width of [320, 375, 414]) {
        await page.setViewportSize({ width, height: 740 });
        await page.screenshot({ path: path.join(shots, `leave-confirm-${width}.png`) });
      }
    }
    await modalButton(page, '取消').click();
    await page.goto(
      `${walk.server.url}/?wxuser=${encodeURIComponent(alice.user)}#/packages/accounts/pages/list/index?enterpriseId=${world.enterpriseId}`,
    );
    await seen(page, /151|1\d\d\*{4}\d{4}/).waitFor();
    assert.deepEqual(violations, []);
  });
});
