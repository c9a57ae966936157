/**
 * Layout checks for the browser build (issue 12), on boxes, not pixels: at 320, 375 and 414 px
 * wide, nothing is wider than the viewport, no label, tag, button or masked number breaks inside,
 * every image (the QR) lies wholly inside its box, every empty field's placeholder is whole, no
 * Chinese text leaves its last character alone on a line, and the error a failed tap shows is in
 * view. Each state is also checked in the light and the dark theme (test/support/theme.ts). With
 * LAYOUT_SHOTS=<dir> each checked state is also saved as PNGs to look at, light and dark.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { settled } from './browser';
import { checkTheme } from './theme';

export const WIDTHS = [320, 375, 414] as const;

/** Text that must stay on one line: labels, tags, buttons, masked numbers and ids. */
const TOKENS = [
  '.weui-cell__hd',
  '.weui-cell__title',
  '.weui-tag',
  '.weui-tabular',
  '.weui-btn',
  '.weui-nowrap',
  '.account-card__action',
  '.taro-actionsheet__cell',
].join(',');

/** Problems on the page as it is now (run in the browser). */
function problemsNow(tokens: string): string[] {
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && (el as HTMLElement).offsetParent !== null;
  };
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 24)}"`;

  if (document.documentElement.scrollWidth > vw + 1) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    // Inside something that clips or scrolls sideways, the clipping box is what counts.
    let clipped = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible') {
        const pr = p.getBoundingClientRect();
        if (r.right > pr.right + 1 || r.left < pr.left - 1) {
          // Images must be whole: a clipped QR cannot be scanned.
          if (el.tagName === 'IMG')
            problems.push(
              `image clipped by its box: ${name(p)} ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(pr.left)}–${Math.round(pr.right)}`,
            );
          clipped = true;
        }
        break;
      }
    }
    if (!clipped && (r.right > vw + 1 || r.left < -1)) {
      problems.push(`wider than the viewport (${vw}): ${name(el)} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
  }
  for (const img of Array.from(document.querySelectorAll('img'))) {
    if (!visible(img)) continue;
    const box = img.closest('[class*="qr-box"]') ?? img.parentElement?.parentElement;
    if (!box) continue;
    const r = img.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) {
      problems.push(
        `image outside its box: ${name(box)} img ${Math.round(r.left)}–${Math.round(r.right)} box ${Math.round(b.left)}–${Math.round(b.right)}`,
      );
    }
  }
  // An empty field's placeholder says what to type: it must be whole, not cut at the field's edge.
  const measure = document.createElement('canvas').getContext('2d');
  for (const input of Array.from(document.querySelectorAll('input[placeholder]')) as HTMLInputElement[]) {
    if (!visible(input) || input.value || !measure) continue;
    const style = getComputedStyle(input);
    measure.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const needed = measure.measureText(input.placeholder).width;
    if (needed > room + 1)
      problems.push(`placeholder cut (${Math.round(needed)} > ${Math.round(room)}): "${input.placeholder}"`);
  }
  // A wrapped Chinese phrase must not leave its last character alone on a line ("…点击新增添\n加").
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trimEnd();
    if (text.trim().length < 4 || !/[\u4e00-\u9fff]/.test(text) || !node.parentElement || !visible(node.parentElement))
      continue;
    const at = (i: number) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    const last = at(text.length - 1);
    const before = at(text.length - 2);
    if (last.width > 0 && before.width > 0 && last.top > before.bottom - 2) {
      problems.push(`last character alone on a line: ${name(node.parentElement)}`);
    }
  }
  for (const el of Array.from(document.querySelectorAll(tokens))) {
    if (!visible(el) || !(el.textContent ?? '').trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set<number>();
    for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top / 4));
    if (tops.size > 1) problems.push(`broken over ${tops.size} lines: ${name(el)}`);
    // Kept whole, a token must still fit its box, not run over what stands beside it.
    const ellipsis = getComputedStyle(el).textOverflow === 'ellipsis';
    if (getComputedStyle(el).display !== 'inline' && !ellipsis && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`runs out of its box (${el.scrollWidth} > ${el.clientWidth}): ${name(el)}`);
    }
  }
  return problems;
}

/** Checks the page at each width; saves PNGs when LAYOUT_SHOTS is set. Leaves the page at 375. */
export async function checkLayout(page: Page, label: string): Promise<void> {
  const shots = process.env.LAYOUT_SHOTS;
  const found: string[] = [];
  // tsx names functions with a helper the page does not have.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 740 });
    await settled(page);
    for (const p of await page.evaluate(problemsNow, TOKENS)) found.push(`${width}px: ${p}`);
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `${label}-${width}.png`), fullPage: true });
      // The same state in dark mode, to look at: the theme switches live, as on a phone.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(shots, `${label}-${width}-dark.png`), fullPage: true });
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }
  await page.setViewportSize({ width: 375, height: 740 });
  assert.deepEqual([...new Set(found)], [], `layout of ${label}`);
  // The same state in both themes: WeUI's palette, body text at 4.5:1, no white box in dark mode.
  await checkTheme(page, 'light', label);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    await checkTheme(page, 'dark', label);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

/** What a failed tap shows is where the eye is: inside the viewport as it is after the tap. */
export async function assertInView(page: Page, target: Locator, label: string): Promise<void> {
  await settled(page);
  const box = await target.boundingBox();
  const view = page.viewportSize();
  assert.ok(box && view, `${label}: shown`);
  // Below the browser build's fixed navigation bar: what lies under it cannot be seen either.
  const bar = await page.locator('#taro-navigation-bar').filter({ visible: true }).boundingBox();
  const top = bar ? bar.y + bar.height : 0;
  assert.ok(
    box.y >= top - 1 && box.y + box.height <= view.height,
    `${label} in view: y=${box.y} of ${top}–${view.height}`,
  );
}

/** The smallest phone the app is used on: forms run past the fold, so taps scroll. */
export const SMALL_PHONE = { width: 320, height: 568 };

/**
 * Makes the viewport `width` wide and short enough that `button` lies wholly below the fold, as at
 * the end of a long form on a small phone: the tap then scrolls to it, and what it shows must be
 * where the eye now is.
 */
export async function putBelowTheFold(page: Page, button: Locator, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 740 });
  await settled(page);
  // Taro's H5 pages scroll inside their .taro_page, not the window.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const el of Array.from(document.querySelectorAll('.taro_page'))) el.scrollTop = 0;
  });
  const box = await button.boundingBox();
  assert.ok(box, 'the button is shown');
  const height = Math.max(200, Math.floor(box.y) - 40);
  assert.ok(box.y > height, `the button (y=${box.y}) lies below a ${height} px fold`);
  await page.setViewportSize({ width, height });
}
