/**
 * Issue 9 #5: the sign-in's answer carries 个人中心's data (my tenants, my pending 登录通知) exactly as
 * their own routes answer the new token, so the first screen does not wait for a second round trip.
 * The sign-in's rules are unchanged: a bad or used code gets no data, and each user sees only their own.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, suiteServer } from '../support/server';
import { member } from '../support/etax';
import { ask, boundAccount } from '../support/requests';

describe('#auth.login home', () => {
  const server = suiteServer();

  it('should answer my tenants and pending 登录通知 as GET /me/tenants and GET /login-requests do', async () => {
    const { world, alice, person } = await boundAccount(server, { credits: 1 });
    const asked = await ask(server, { taxId: world.taxId, channel: 'receive', account: person.phone });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));

    const login = await signIn(server, alice.user);
    assert.equal(login.status, 200);
    const token = login.body.token as string;
    const tenants = await server.call('GET', '/api/v1/me/tenants', { token });
    const requests = await server.call('GET', '/api/v1/login-requests', { token });
    assert.deepEqual(login.body.home, { tenants: tenants.body.tenants, loginRequests: requests.body.requests });
    assert.deepEqual(
      login.body.home.tenants.map((t: { id: string }) => t.id),
      [world.tenantId],
    );
    assert.deepEqual(
      login.body.home.loginRequests.map((r: { id: string }) => r.id),
      [asked.body.requestId],
    );

    // Another member of the tenant sees the tenant but not alice's request; a stranger sees nothing.
    const bob = await member(server, world);
    const bobs = await signIn(server, bob.user);
    assert.deepEqual(
      bobs.body.home.tenants.map((t: { id: string }) => t.id),
      [world.tenantId],
    );
    assert.deepEqual(bobs.body.home.loginRequests, []);
    const stranger = await member(server, null);
    assert.deepEqual((await signIn(server, stranger.user)).body.home, { tenants: [], loginRequests: [] });
  });

  it('should give a used or bad code no data, only the error', async () => {
    const { alice } = await boundAccount(server);
    const code = await server.call('POST', '/sandbox/wechat/control/code', { body: { user: alice.user } });
    assert.equal((await server.call('POST', '/api/v1/auth/login', { body: { code: code.body.code } })).status, 200);
    const used = await server.call('POST', '/api/v1/auth/login', { body: { code: code.body.code } });
    assert.equal(used.status, 400);
    assert.deepEqual(Object.keys(used.body), ['error']);
    const bad = await server.call('POST', '/api/v1/auth/login', { body: { code: 'nonsense' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.body), ['error']);
  });
});
