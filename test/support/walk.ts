/**
 * A browser walk of the H5 build (dist/h5): the real server, in-process with both sandboxes mounted
 * (test/support/server.ts), and headless Chromium (test/support/browser.ts), started before a suite's
 * tests and closed after them. Call it in the suite's describe:
 *
 *   describe('#e2e.accounts', () => {
 *     const walk = browserWalk();
 *     it('…', async () => {
 *       const page = await walk.open(alice, `packages/accounts/pages/list/index?enterpriseId=${id}`);
 *       await checkSomething(walk.server, …);
 */
import path from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from './server';
import { launchBrowser, phonePage } from './browser';

/** The browser build the walk serves (npm run build:h5). */
export const H5_DIR = path.resolve(import.meta.dirname, '../../dist/h5');

type ServerOptions = NonNullable<Parameters<typeof startTestServer>[0]>;
/** A simulated WeChat user: the name itself or a member of test/support/etax.ts. */
type User = string | { user: string };

export interface BrowserWalk {
  readonly server: TestServer;
  readonly browser: Browser;
  /** The app at `hashPath` (个人中心 without one), signed in as `user` (the browser build's stand-in sign-in). */
  url(user: User, hashPath?: string): string;
  /** A new phone page (light mode unless `colorScheme` says) at url(user, hashPath). */
  open(user: User, hashPath?: string, opts?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /** A full load of url(user, hashPath) in `page`, as from a notification: nothing of the page before survives. */
  reopen(page: Page, user: User, hashPath?: string): Promise<void>;
}

/**
 * Starts the walk's server and browser before the suite and closes them after it. `server` gives the
 * server's options (serving dist/h5 is added); a `database` it gives is the walk's, closed after the server.
 */
export function browserWalk(opts: { server?: () => ServerOptions | Promise<ServerOptions> } = {}): BrowserWalk {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let options: ServerOptions = {};
  before(async () => {
    options = (await opts.server?.()) ?? {};
    server = await startTestServer({ ...options, staticDir: H5_DIR });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await options.database?.close();
  });

  const started = <T>(part: T | undefined, name: string): T => {
    if (!part) throw new Error(`the walk's ${name} is not started: use it in a test of the suite`);
    return part;
  };
  const walk: BrowserWalk = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    url(user, hashPath = '') {
      const name = typeof user === 'string' ? user : user.user;
      return `${walk.server.url}/?wxuser=${encodeURIComponent(name)}${hashPath ? `#/${hashPath}` : ''}`;
    },
    async open(user, hashPath, o = {}) {
      const page = await phonePage(walk.browser, o);
      await page.goto(walk.url(user, hashPath));
      return page;
    },
    async reopen(page, user, hashPath) {
      await page.goto('about:blank');
      await page.goto(walk.url(user, hashPath));
    },
  };
  return walk;
}
