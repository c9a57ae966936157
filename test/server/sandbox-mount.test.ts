/**
 * The WeChat sandbox as the server mounts it (issue 13): the app's own pages from src/app.config.ts
 * (41030 for any other `page`), and WeChat-shaped answers for paths WeChat does not have, also
 * while the browser build's static files take every other GET.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/server';
import { SANDBOX_APPID, SANDBOX_SECRET } from '../../server/sandbox';
import { loginRequestPagePath } from '../../types/requests';

describe('#sandbox.wechat as mounted', () => {
  let server: TestServer;
  let staticDir: string;
  before(async () => {
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>h5</title>');
    server = await startTestServer({ staticDir });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  const wechat = (method: string, pathAndQuery: string, body?: unknown) =>
    server.call(method, `/sandbox/wechat${pathAndQuery}`, { body });

  it("should refuse a subscribe message to a page the app does not have (41030) and send to the app's pages", async () => {
    const token = (
      await wechat('POST', '/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: server.config.WECHAT_APPID ?? SANDBOX_APPID,
        secret: server.config.WECHAT_SECRET ?? SANDBOX_SECRET,
      })
    ).body.access_token as string;
    const user = `page-check-${Date.now()}`;
    const template = server.config.WECHAT_CHANGE_TEMPLATE_ID;
    await server.call('POST', '/sandbox/wechat/control/subscriptions', {
      body: { user, results: { [template]: 'accept' } },
    });
    const { openid } = (await server.call('GET', `/sandbox/wechat/control/subscriptions?user=${user}`)).body;
    const send = (page: string) =>
      wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
        touser: openid,
        template_id: template,
        page,
        data: {
          thing1: { value: '福州某某' },
          character_string2: { value: '151****1832' },
          thing3: { value: '绑定已转移' },
          time4: { value: '2025-03-01 10:00' },
        },
      });
    assert.equal((await send('packages/notify/pages/nowhere/index?id=1')).body.errcode, 41030);
    assert.equal((await send('packages/accounts/pages/list/index?enterpriseId=x')).body.errcode, 0);
    assert.ok(loginRequestPagePath('x').startsWith('packages/notify/pages/request/index'));
  });

  it('should answer unknown WeChat paths as WeChat does, not with the app’s 404 or the browser build', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await wechat(method, '/cgi-bin/nothing-here?access_token=x');
      assert.equal(res.status, 200, method);
      assert.equal(res.body.errcode, 40066, method);
    }
    assert.equal((await wechat('GET', '/cgi-bin/message/subscribe/send')).body.errcode, 43002);
    const control = await wechat('GET', '/control/nothing-here');
    assert.equal(control.status, 404);
    assert.equal(control.body.error.code, 'not_found');
    // Everything else still reaches the browser build.
    const page = await fetch(`${server.url}/index.html`);
    assert.equal(page.status, 200);
  });
});
