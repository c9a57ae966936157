/**
 * Issue 9 part 4 in the browser build: 电子税局账号管理 with 1,000 accounts, scrolled a screen at a
 * time to 没有更多了 and back to the top — every screen shows the right rows, one after the other
 * (nothing blank), each row where it was on the way down (no jump), and never more than a page of
 * cards is drawn. Positions are the browser's own layout, as a phone's would be.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { seen } from '../support/browser';
import { browserWalk } from '../support/walk';
import { checkLayout } from '../support/layout';
import { member, rows, tenantWithEnterprise, type Member, type World } from '../support/etax';

const TOTAL = 1000;

/**
 * The account cards on screen (any part of them): number and top in the page (px); and the parts of
 * the list on screen that no card covers (blank, px).
 */
function onScreen(): { rows: { n: number; top: number }[]; blank: number } {
  // The browser build scrolls each page in its own box (Taro's .taro_page), not the window.
  const scroller = document.querySelector('.account-list')?.closest('.taro_page') as HTMLElement;
  // Taro's page box starts below its navigation bar and may run past the window's bottom.
  const box = scroller.getBoundingClientRect();
  const view = { top: box.top, bottom: Math.min(box.bottom, window.innerHeight) };
  const list = (document.querySelector('[id^="page-window-"]') as HTMLElement).getBoundingClientRect();
  // Cards with the 8 px gap above each: the band of the list on screen must be all cards.
  const covering = Array.from(document.querySelectorAll('.account-card'))
    .map((card) => ({ card, r: card.getBoundingClientRect() }))
    .filter(({ r }) => r.bottom > view.top && r.top - 8 < view.bottom);
  const cards = covering.filter(({ r }) => r.top < view.bottom);
  // (A gap of a pixel or less is the rounding of fractional positions.)
  const gap = (from: number, to: number) => (to - from > 1 ? to - from : 0);
  let y = Math.max(view.top, list.top);
  let blank = 0;
  for (const { r } of covering) {
    blank += gap(y, r.top - 8);
    y = Math.max(y, r.bottom);
  }
  blank += gap(y, Math.min(view.bottom, list.bottom));
  const rows = cards.map(({ card, r }) => ({
    n: Number(card.querySelector('.account-card__account')?.textContent?.slice(-4)),
    top: Math.round(r.top - view.top + scroller.scrollTop),
  }));
  return { rows, blank: Math.round(blank) };
}

/** Scrolls the list's page by `by` px or to `to`; where it is now. */
function scrollList({ by, to }: { by?: number; to?: number }): number {
  const scroller = document.querySelector('.account-list')?.closest('.taro_page') as HTMLElement;
  if (to !== undefined) scroller.scrollTo(0, to);
  else scroller.scrollBy(0, by ?? 0);
  return scroller.scrollTop;
}

describe('#e2e.accounts-scale', () => {
  const walk = browserWalk();
  let world: World;
  let alice: Member;
  let page: Page;

  before(async () => {
    world = await tenantWithEnterprise(walk.server);
    alice = await member(walk.server, world);
    // Oldest first: account n was added n ms after the first, so the list shows them in order.
    await rows(
      walk.server,
      sql`insert into etax_accounts (tenant_id, enterprise_id, account, password_enc, password_key_id, role, permissions, login_type, person_name, person_key, created_at)
        select ${world.tenantId}, ${world.enterpriseId}, '139' || lpad(n::text, 8, '0'), 'x', 'k', '办税员', array['issue','receive'], 'manual',
          '测试' || n, 'pk' || n, now() + n * interval '1 millisecond'
        from generate_series(1, ${TOTAL}) n`,
    );
  });

  /**
   * The rows on screen once the window has caught up with the scroll (the list covers the screen and
   * looks the same twice, 50 ms apart; a loaded machine may take a while): some, one after the
   * other, and never more than a page of cards drawn.
   */
  async function rowsNow(when: string) {
    let now = await page.evaluate(onScreen);
    for (let look = 0; look < 100; look++) {
      await page.waitForTimeout(50);
      const again = await page.evaluate(onScreen);
      const settled = again.blank === 0 && JSON.stringify(again) === JSON.stringify(now);
      now = again;
      if (settled) break;
    }
    const { rows: shown, blank } = now;
    assert.ok(shown.length > 0, `${when}: no account on screen`);
    assert.equal(
      blank,
      0,
      `${when}: ${blank} px of the list blank on screen: ${await page.evaluate(() => {
        const list = document.querySelector('[id^="page-window-"]') as HTMLElement;
        const scroller = list.closest('.taro_page') as HTMLElement;
        const r = (el: Element) =>
          `${Math.round(el.getBoundingClientRect().top)}+${Math.round(el.getBoundingClientRect().height)}`;
        return `view ${r(scroller)} ${Array.from(list.children)
          .map((el) => `${el.id || 'spacer'}:${r(el)}`)
          .join(' ')}`;
      })}`,
    );
    shown.forEach((row, i) => {
      if (i > 0) assert.equal(row.n, shown[i - 1].n + 1, `${when}: ${shown.map((r) => r.n).join(',')}`);
    });
    const drawn = await page.locator('.account-card').count();
    assert.ok(drawn <= 20, `${when}: ${drawn} cards drawn`);
    return shown;
  }

  it('should show the right rows a screen at a time to the end of 1,000 accounts and back', async () => {
    page = await walk.open(alice, `packages/accounts/pages/list/index?enterpriseId=${world.enterpriseId}`);
    await seen(page, '139****0001').waitFor();
    // tsx names functions with a helper the page does not have.
    await page.evaluate('window.__name = window.__name || ((f) => f)');
    const screen = await page.evaluate(
      () => (document.querySelector('.account-list')?.closest('.taro_page') as HTMLElement).clientHeight,
    );
    const topOf = new Map<number, number>();
    const pageHeight = () =>
      (document.querySelector('.account-list')?.closest('.taro_page') as HTMLElement).scrollHeight;
    // A step leaves the screen's last 200 px in view: a page that arrives between a look and a
    // step draws its first card there.
    const step = screen - 200;
    let last = -1;
    let lowest = 1;
    // Down until 没有更多了 and the page stops moving: the pages arrive on the way.
    for (let steps = 0; steps < 4000; steps++) {
      for (const row of await rowsNow(`down at ${last}`)) {
        assert.ok(row.n >= lowest || topOf.has(row.n), `down: ${row.n} after ${lowest}`);
        topOf.set(row.n, row.top);
      }
      lowest = Math.max(lowest, ...topOf.keys());
      const height = await page.evaluate(pageHeight);
      const y = await page.evaluate(scrollList, { by: step });
      if (y === last) {
        if (await seen(page, '没有更多了').isVisible()) break;
        // At the bottom: the next page is on its way; look again once it is on the page.
        await page.waitForFunction(
          (was) => (document.querySelector('.account-list')?.closest('.taro_page') as HTMLElement).scrollHeight > was,
          height,
        );
      }
      last = y;
    }
    const missed = Array.from({ length: TOTAL }, (_, i) => i + 1).filter((n) => !topOf.has(n));
    assert.deepEqual(missed, [], 'every account was on screen on the way down');

    // Back up: the same rows at the same places.
    for (let y = last; y > 0;) {
      y = await page.evaluate(scrollList, { by: -step });
      for (const row of await rowsNow(`up at ${y}`)) {
        assert.equal(row.top, topOf.get(row.n), `139****${String(row.n).padStart(4, '0')} moved`);
      }
    }
    assert.equal((await page.evaluate(onScreen)).rows[0]?.n, 1);
  });

  it('should lay out the list in the middle, at its end and a 搜索 that finds nothing', async () => {
    await page.evaluate(scrollList, { to: 60_000 });
    await rowsNow('in the middle');
    await checkLayout(page, 'account-list-middle');
    await page.evaluate(scrollList, { to: 1e7 });
    await seen(page, '139****1000').waitFor();
    await checkLayout(page, 'account-list-end');
    await page.evaluate(scrollList, { to: 0 });
    const search = page.locator('.account-list__search-input input');
    await search.fill('9999');
    await search.press('Enter');
    await seen(page, '没有找到匹配的账号').waitFor();
    await checkLayout(page, 'account-list-search-empty');
  });
});
