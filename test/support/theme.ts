/**
 * Theme checks for the browser build (dark mode, issue 12), on computed styles, not pixels: the page's
 * background and text, the contrast of body text (WCAG's 4.5:1), links and buttons in the theme's
 * palette, no light box left in a dark page, and the QR's box white in both themes.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { settled } from './browser';

type RGBA = [number, number, number, number];

interface Paint {
  page: RGBA;
  nav: { bg: RGBA; color: RGBA } | null;
  /** Every visible element with text of its own: its colour over what lies behind it. */
  texts: { name: string; color: RGBA; backdrop: RGBA }[];
  /** Every visible element painting a background of its own, composited over what lies behind. */
  boxes: { name: string; bg: RGBA }[];
  links: { name: string; color: RGBA }[];
  primaries: { name: string; bg: RGBA }[];
  defaults: { name: string; bg: RGBA }[];
  qrs: { bg: RGBA; imageInside: boolean }[];
}

/** The colours of the page as it is now (run in the browser); `scope` limits it to an overlay. */
function paintNow(scope: string | null): Paint {
  const parse = (c: string): RGBA => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  /** What lies behind an element's content: its own and its ancestors' backgrounds, composited. */
  const backdrop = (el: Element): RGBA => {
    const layers: RGBA[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] === 0) continue;
      layers.push(c);
      if (c[3] >= 1) break;
    }
    let base: RGBA = layers.length && layers[layers.length - 1][3] >= 1 ? layers.pop()! : [255, 255, 255, 1];
    for (const layer of layers.reverse()) base = over(layer, base);
    return base;
  };
  const visible = (el: Element) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
  const root = scope ? document.querySelector(scope) : document.body;
  const all = root ? Array.from(root.querySelectorAll('*')).filter(visible) : [];
  const pages = Array.from(document.querySelectorAll('.taro_page')).filter(visible);
  const nav = document.getElementById('taro-navigation-bar');
  const own = (sel: string) => all.filter((el) => el.matches(sel));

  return {
    page: backdrop(pages[pages.length - 1] ?? document.body),
    nav: nav && visible(nav) ? { bg: backdrop(nav), color: parse(getComputedStyle(nav).color) } : null,
    texts: all
      .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
      .map((el) => ({ name: name(el), color: parse(getComputedStyle(el).color), backdrop: backdrop(el) })),
    boxes: all
      .filter((el) => parse(getComputedStyle(el).backgroundColor)[3] > 0)
      .map((el) => ({ name: name(el), bg: backdrop(el) })),
    links: own('.weui-link, .privacy-consent__link, .account-card__action:not(.account-card__action_warn)').map(
      (el) => ({ name: name(el), color: parse(getComputedStyle(el).color) }),
    ),
    primaries: own('.weui-btn_primary').map((el) => ({ name: name(el), bg: backdrop(el) })),
    defaults: own('.weui-btn:not(.weui-btn_primary):not(.weui-btn_disabled)').map((el) => ({
      name: name(el),
      bg: backdrop(el),
    })),
    qrs: own('[class*="qr-box"]').map((box) => {
      const b = box.getBoundingClientRect();
      const img = box.querySelector('img');
      const r = img?.getBoundingClientRect();
      const inside = !!r && r.left >= b.left && r.right <= b.right && r.top >= b.top && r.bottom <= b.bottom;
      return { bg: parse(getComputedStyle(box).backgroundColor), imageInside: inside };
    }),
  };
}

/** WCAG 2's relative luminance of an opaque colour. */
function luminance([r, g, b]: RGBA): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** Grey, not a hue: body text and the backgrounds it sits on (a green button's white label is not body text). */
const neutral = ([r, g, b]: RGBA) => Math.max(r, g, b) - Math.min(r, g, b) < 16;
const rgb = ([r, g, b]: RGBA) => `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;

/** WeUI 2.6's colours the checks expect in each theme (src/styles/theme.scss). */
const PALETTE = {
  light: { page: 'rgb(237, 237, 237)', nav: 'rgb(255, 255, 255)', link: 'rgb(87, 107, 149)' },
  dark: { page: 'rgb(17, 17, 17)', nav: 'rgb(25, 25, 25)', link: 'rgb(125, 144, 169)' },
} as const;

export type Scheme = keyof typeof PALETTE;

/**
 * The page (or the overlay `scope`, e.g. '.taro__modal') is painted in the scheme's WeUI palette:
 * background, bar, body text with at least 4.5:1 contrast, links and buttons, the QR's box white.
 */
export async function checkTheme(page: Page, scheme: Scheme, label: string, scope?: string): Promise<void> {
  // Sheets and modals fade in: their colours count once they are fully shown.
  await settled(page);
  // tsx names functions with a helper the page does not have.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  const paint = await page.evaluate(paintNow, scope ?? null);
  const want = PALETTE[scheme];
  const problems: string[] = [];
  const expect = (what: string, got: string, wanted: string) => {
    if (got !== wanted) problems.push(`${what}: ${got}, not ${wanted}`);
  };

  if (!scope) {
    expect('page background', rgb(paint.page), want.page);
    if (paint.nav) {
      expect('navigation bar', rgb(paint.nav.bg), want.nav);
      const title = over(paint.nav.color, paint.nav.bg);
      if (contrast(title, paint.nav.bg) < 4.5)
        problems.push(`navigation bar title ${rgb(title)} on ${rgb(paint.nav.bg)}`);
    }
  }
  let bodyTexts = 0;
  for (const t of paint.texts) {
    // Hints (WeUI's FG-2, 30 %) and labels on coloured fills are not body text.
    if (t.color[3] <= 0.3 || !neutral(t.color) || !neutral(t.backdrop)) continue;
    bodyTexts++;
    const seen = over(t.color, t.backdrop);
    const ratio = contrast(seen, t.backdrop);
    if (ratio < 4.5) problems.push(`text ${t.name}: ${rgb(seen)} on ${rgb(t.backdrop)} is ${ratio.toFixed(2)}:1`);
    // Dark mode: light text on a dark ground, never the light theme's black.
    if (scheme === 'dark' && luminance(seen) < luminance(t.backdrop))
      problems.push(`dark text in dark mode: ${t.name}`);
  }
  if (bodyTexts === 0) problems.push('no body text found');
  if (scheme === 'dark') {
    for (const b of paint.boxes) {
      // A white box in a dark page: only the QR's, so that phones can scan it.
      if (luminance(b.bg) > 0.2 && neutral(b.bg) && !b.name.includes('qr-box'))
        problems.push(`light box ${b.name}: ${rgb(b.bg)}`);
    }
  }
  for (const l of paint.links) expect(`link ${l.name}`, rgb(l.color), want.link);
  for (const p of paint.primaries) expect(`primary button ${p.name}`, rgb(p.bg), 'rgb(7, 193, 96)');
  // The default button is WeUI's grey in light, a faint white over the dark cell or page in dark.
  for (const d of paint.defaults) {
    if (scheme === 'light') expect(`button ${d.name}`, rgb(d.bg), 'rgb(242, 242, 242)');
    else if (luminance(d.bg) > luminance([60, 60, 60, 1])) problems.push(`light button ${d.name}: ${rgb(d.bg)}`);
  }
  for (const q of paint.qrs) {
    expect('QR box', rgb(q.bg), 'rgb(255, 255, 255)');
    if (!q.imageInside) problems.push('QR image not inside its white box');
  }
  assert.deepEqual(problems, [], `${scheme} theme of ${label}`);
}
