/** What the subpackage tests share: opening a page of the weapp build, and checking what it shows. */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { LoginResponse } from '../../types/api';
import type { LoginRequestView } from '../../types/requests';
import { WeappHost, type RouteReply, type Routes } from '../support/weapp-host';
import { locateBuild } from './build';
import { apiRoutes } from './fixtures';

const build = locateBuild();

/**
 * Opens `url` on the app's routes and `routes`; the host is disposed after the test. The privacy
 * consent was given earlier, as WeChat's storage would keep it, unless `privacyAgreed` is false.
 */
export async function openPage(
  t: TestContext,
  url: string,
  routes: Routes,
  { privacyAgreed = true } = {},
): Promise<WeappHost> {
  if (build instanceof Error) throw build;
  const host = await WeappHost.launch(
    { dir: build.dir, routes: withAppRoutes(routes), storage: privacyAgreed ? { 'privacy.agreed': true } : {} },
    url,
  );
  t.after(() => host.dispose());
  return host;
}

/**
 * The app's routes under the test's. As on the server, the sign-in's answer brings the same pending
 * 登录通知 that `GET /login-requests` answers (the 登录通知 list shows the sign-in's when it waited for one).
 */
function withAppRoutes(routes: Routes): Routes {
  const all = { ...apiRoutes(), ...routes };
  const pending = routes['GET /api/v1/login-requests'];
  const login = all['POST /api/v1/auth/login'];
  const requests = (pending as RouteReply | undefined)?.body as { requests?: LoginRequestView[] } | undefined;
  if (typeof login === 'function' || routes['POST /api/v1/auth/login'] || !Array.isArray(requests?.requests))
    return all;
  const body = login.body as LoginResponse;
  all['POST /api/v1/auth/login'] = {
    ...login,
    body: { ...body, home: { ...body.home, loginRequests: requests.requests } },
  };
  return all;
}

/**
 * The SMS step's resend countdown has just started: 60 s, or 59 s when the machine was slow enough for
 * its first tick to pass before the page is read.
 */
export const SMS_COUNTDOWN_STARTED = /(?:^|[^\d])(?:60|59)s 后重新获取/;

/** Every expected text (or pattern) is on the page, nothing failed, and every call had a route. */
export function check(host: WeappHost, expected: (string | RegExp)[]): void {
  const text = host.current.text();
  for (const want of expected) {
    const found = typeof want === 'string' ? text.includes(want) : want.test(text);
    assert.ok(found, `"${want}" is not on ${host.current.route}:\n${text}`);
  }
  assert.deepEqual(host.errors, [], host.errorText());
  assert.deepEqual(
    host.unmatched.map((r) => `${r.method} ${r.path}`),
    [],
  );
}
