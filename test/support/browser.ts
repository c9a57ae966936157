/**
 * Headless Chromium for end-to-end tests (Debian's /usr/bin/chromium, or CHROME_PATH), driven by
 * playwright-core. The flags keep Chromium off the network this machine does not have.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
}

/** A phone-sized page, as the mini program is used; `colorScheme` is the phone's light or dark mode. */
export async function phonePage(browser: Browser, opts: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  // Beijing time, as on the users' phones: expiry texts (今天 18:30 到期) are local times.
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
    colorScheme: opts.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Taro's Input is a custom element: type into the real input inside it. */
export async function fillTaroInput(page: Page, selector: string, value: string) {
  const inner = page.locator(`${selector} input`).first();
  await inner.fill(value);
}

/**
 * Text on the page the user sees now. Taro's H5 router keeps earlier pages of the stack in the
 * DOM, hidden, so a plain getByText can match a page underneath.
 */
export function seen(page: Page, text: string | RegExp, opts: { exact?: boolean } = {}) {
  return page
    .getByText(text, { exact: opts.exact ?? typeof text === 'string' })
    .filter({ visible: true })
    .first();
}

/** An item of the system ActionSheet (Taro.showActionSheet) now shown. */
export function sheetItem(page: Page, text: string) {
  return page.locator('.taro__actionSheet').getByText(text, { exact: true }).filter({ visible: true }).first();
}

/** The items of the ActionSheet now shown, in order (取消 apart). */
export async function sheetItems(page: Page): Promise<string[]> {
  const cells = page.locator('.taro__actionSheet .taro-actionsheet__cell').filter({ visible: true });
  await cells.first().waitFor();
  return (await cells.allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

/** A button of the system modal (Taro.showModal) now shown: 确定, 取消 or its confirmText. */
export function modalButton(page: Page, text: string) {
  return page
    .locator('.taro__modal .taro-modal__foot')
    .getByText(text, { exact: true })
    .filter({ visible: true })
    .first();
}

/** Page transitions (Taro's slide-in) and other animations have ended; the layout is final. */
export async function settled(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
