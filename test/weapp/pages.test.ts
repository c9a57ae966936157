/** The weapp build, loaded headless: every page of app.json loads, and the home page shows the user's tenants. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { treeStats, WeappHost } from '../support/weapp-host';
import { locateBuild } from './build';
import { apiRoutes, ENTERPRISES, TENANT } from './fixtures';

const build = locateBuild();

async function launch(t: TestContext, entry: string): Promise<WeappHost> {
  if (build instanceof Error) throw build;
  const host = await WeappHost.launch({ dir: build.dir, routes: apiRoutes(), loginCode: 'wx-code-1' }, entry);
  t.after(() => host.dispose());
  return host;
}

/** What went on inside the app, for failure messages. */
function diagnose(host: WeappHost): string {
  return [
    `errors: ${host.errorText() || 'none'}`,
    `requests: ${host.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`,
    `console: ${
      host.logs
        .filter((l) => l.level === 'error' || l.level === 'warn')
        .map((l) => l.text)
        .join('\n') || 'quiet'
    }`,
    `page text: ${host.stack.length ? host.current.texts().join(' | ') : 'no page'}`,
  ].join('\n');
}

test('the weapp build is there', () => {
  if (build instanceof Error) throw build;
  assert.ok(build.pages.length > 0, 'app.json lists no pages');
});

test('WeChat search indexes none of the pages: app.json names the sitemap the build ships', () => {
  if (build instanceof Error) throw build;
  assert.equal(build.app.sitemapLocation, 'sitemap.json');
  const sitemap = JSON.parse(fs.readFileSync(path.join(build.dir, 'sitemap.json'), 'utf8')) as { rules: unknown[] };
  assert.deepEqual(sitemap.rules, [{ action: 'disallow', page: '*' }]);
});

for (const route of build instanceof Error ? [] : build.pages) {
  test(`page ${route} loads headless and renders`, async (t) => {
    const host = await launch(t, route);
    const page = host.current;
    assert.equal(page.route, route);
    assert.deepEqual(host.errors, [], diagnose(host));
    assert.ok(page.setDataCalls.length > 0, `${route} never called setData\n${diagnose(host)}`);
    const stats = treeStats(page.data.root);
    assert.ok(stats.nodes > 0, `${route} rendered an empty tree\n${diagnose(host)}`);
    // WeChat's audits: < 1000 WXML nodes and ≤ 256 KB per setData (the hard limit is 1 MB).
    assert.ok(stats.nodes < 1000, `${route} renders ${stats.nodes} nodes`);
    const biggest = Math.max(...page.setDataCalls.map((c) => c.bytes));
    assert.ok(biggest <= 256 * 1024, `${route} sent ${biggest} bytes in one setData`);
  });
}

test('the home page signs in and shows the tenant with its enterprises', async (t) => {
  const host = await launch(t, 'pages/index/index');
  const texts = host.current.texts().join('\n');
  for (const name of [TENANT.name, ...ENTERPRISES.map((e) => e.name)]) {
    assert.ok(texts.includes(name), `"${name}" is not on the home page\n${diagnose(host)}`);
  }
  // The code from wx.login went to our server, whose answer brought the tenants: no call after it.
  const login = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/api/v1/auth/login'));
  assert.deepEqual(login?.data, { code: 'wx-code-1' }, diagnose(host));
  const lists = host.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/api/v1/me/tenants'));
  assert.deepEqual(lists, [], diagnose(host));
  assert.deepEqual(host.errors, [], diagnose(host));
});

test('each host is isolated: a second launch starts from nothing', async (t) => {
  const first = await launch(t, 'pages/index/index');
  const second = await launch(t, 'pages/index/index');
  // Both signed in on their own (no shared store, token or module cache).
  for (const host of [first, second]) {
    assert.equal(host.requests.filter((r) => r.path.endsWith('/api/v1/auth/login')).length, 1, diagnose(host));
  }
  assert.notEqual(first.app, second.app);
});

test('events reach the app: 编辑 → 新增 → 激活码 → 确认 joins a tenant (F3)', async (t) => {
  if (build instanceof Error) throw build;
  // A small stateful server: the joined tenant shows up in later lists.
  const joined = { id: 'ten-2', name: '北京新租户有限公司', enterprises: [] };
  const routes = apiRoutes();
  let member = false;
  const list = routes['GET /api/v1/me/tenants'] as { body: { tenants: unknown[] } };
  routes['GET /api/v1/me/tenants'] = () => ({ body: { tenants: [...list.body.tenants, ...(member ? [joined] : [])] } });
  routes['POST /api/v1/me/tenants'] = () => ((member = true), { status: 201, body: joined });
  const host = await WeappHost.launch({ dir: build.dir, routes }, 'pages/index/index');
  t.after(() => host.dispose());

  await host.current.tap('编辑');
  await host.current.tap('新增');
  const add = host.current;
  await add.input(add.find('input'), 'abcd-efgh-jkmn');
  await add.tap('确认');

  const post = host.requests.find((r) => r.method === 'POST' && r.path.endsWith('/api/v1/me/tenants'));
  assert.deepEqual(post?.data, { activationCode: 'abcd-efgh-jkmn' }, diagnose(host));
  assert.notEqual(host.current.route, add.route, `still on the add page\n${diagnose(host)}`);
  assert.ok(host.current.text().includes(joined.name), `the joined tenant is not listed\n${diagnose(host)}`);
  assert.deepEqual(host.errors, [], diagnose(host));
});
