/**
 * Scale-out: several stateless instances on one database share sign-ins, tenants and the one
 * WeChat access token (refreshed by one instance only).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { startTestServer, testDatabase, signInAs, uniqueUser, type TestServer } from '../support/server';
import { createWechatClient } from '../../server/adapters/wechat';
import { createDbTokenStore } from '../../server/adapters/wechat/db-token-store';
import { SANDBOX_APPID, SANDBOX_SECRET } from '../../server/sandbox';
import type { Database } from '../../server/db';

describe('#instances', () => {
  let database: Database;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    database = await testDatabase();
    a = await startTestServer({ database });
    // B uses A's sandboxes, as two instances behind a load balancer use the same outside services.
    b = await startTestServer({
      database,
      env: { WECHAT_API_BASE: `${a.url}/sandbox/wechat`, ETAX_API_BASE: `${a.url}/sandbox/etax/api` },
    });
  });
  after(async () => {
    await b.close();
    await a.close();
    await database.close();
  });

  it('should accept on one instance the token signed in on another, and show the same tenants', async () => {
    const user = uniqueUser();
    const code = await a.call('POST', '/sandbox/wechat/control/code', { body: { user } });
    const login = await b.call('POST', '/api/v1/auth/login', { body: { code: code.body.code } });
    assert.equal(login.status, 200);
    const t = await a.ops('POST', '/ops/v1/tenants', { name: '多实例租户' });
    const joined = await a.call('POST', '/api/v1/me/tenants', {
      token: login.body.token,
      body: { activationCode: t.body.activationCode },
    });
    assert.equal(joined.status, 201);
    const onB = await b.call('GET', '/api/v1/me/tenants', { token: login.body.token });
    assert.deepEqual(
      onB.body.tenants.map((x: { name: string }) => x.name),
      ['多实例租户'],
    );
    assert.equal((await a.call('POST', '/api/v1/auth/logout', { token: await signInAs(a, user) })).status, 204);
  });

  it('should refresh the WeChat access token once for all instances and keep it in the database, encrypted', async () => {
    await database.db.execute(sql`delete from wechat_access_token`);
    const calls: string[] = [];
    const logger = { debug: (o: object) => calls.push((o as { api: string }).api), info() {}, warn() {} };
    const instances = Array.from({ length: 3 }, () =>
      createWechatClient({
        apiBase: `${a.url}/sandbox/wechat`,
        appid: SANDBOX_APPID,
        secret: SANDBOX_SECRET,
        tokenStore: createDbTokenStore(database.db, a.ctx.secrets),
        logger,
      }),
    );
    const tokens = await Promise.all(instances.map((c) => c.getAccessToken()));
    assert.equal(new Set(tokens).size, 1);
    assert.equal(calls.filter((api) => api === 'stable_token').length, 1, `stable_token calls: ${calls.join(',')}`);
    const rows = (await database.db.execute(sql`select token from wechat_access_token`)) as unknown as {
      rows: { token: string }[];
    };
    // Kept encrypted at rest, like every other secret.
    assert.notEqual(rows.rows[0].token, tokens[0]);
    assert.ok(!rows.rows[0].token.includes(tokens[0]));
    assert.equal(a.ctx.secrets.decrypt(rows.rows[0].token), tokens[0]);
  });

  it('should fetch the token once on a cold start for 20 concurrent sends over two instances', async () => {
    await database.db.execute(sql`delete from wechat_access_token`);
    const calls: string[] = [];
    const logger = { debug: (o: object) => calls.push((o as { api: string }).api), info() {}, warn() {} };
    // Two instances, each with its own handle on the database (one client per instance).
    const instances = Array.from({ length: 2 }, () =>
      createWechatClient({
        apiBase: `${a.url}/sandbox/wechat`,
        appid: SANDBOX_APPID,
        secret: SANDBOX_SECRET,
        tokenStore: createDbTokenStore(database.db, a.ctx.secrets),
        logger,
      }),
    );
    const sends = Array.from({ length: 20 }, (_, i) =>
      instances[i % 2].sendSubscribeMessage({
        touser: `nobody-${i}`,
        templateId: a.config.WECHAT_LOGIN_TEMPLATE_ID,
        data: { thing1: '测试' },
      }),
    );
    // Unknown users are refused by WeChat; each send still needed the token.
    await Promise.allSettled(sends);
    assert.equal(calls.filter((api) => api === 'stable_token').length, 1, `stable_token calls: ${calls.join(',')}`);
  });
});
