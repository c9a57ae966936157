/**
 * F7 as a matrix: every account endpoint × every kind of caller, with the expected status.
 * The target account is bound to `owner`, except for `member`, who acts on an unbound account:
 *  - anonymous: no token → 401;
 *  - non-member: a user of another tenant → 404 (the account's existence is not leaked);
 *  - member: operates an unbound account;
 *  - bound owner: operates the account bound to them;
 *  - other member: sees the account bound to someone else, may only ask for 更换微信;
 *  - enterprise admin: like other member, and may also delete it.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
  bindTo,
  bureauPerson,
  member,
  rows,
  seedAdmin,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from '../support/etax';

type Actor = 'anonymous' | 'nonMember' | 'member' | 'owner' | 'otherMember' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'nonMember', 'member', 'owner', 'otherMember', 'admin'];

interface Target {
  accountId: string;
  person: BureauPerson;
}

interface Endpoint {
  name: string;
  request(t: Target): { method: string; path: string; body?: unknown };
  /** Prepare the target before the call (e.g. lock it for 解锁). */
  prepare?(t: Target): Promise<void>;
  expected: Record<Actor, number>;
}

describe('#accounts.permissions (F7 matrix)', () => {
  const server = suiteServer();
  let world: World;
  const people = {} as Record<Exclude<Actor, 'anonymous'>, Member>;

  before(async () => {
    world = await tenantWithEnterprise(server);
    people.owner = await member(server, world);
    people.member = await member(server, world);
    people.otherMember = await member(server, world);
    people.admin = await member(server, world);
    await seedAdmin(server, world, people.admin);
    people.nonMember = await member(server, await tenantWithEnterprise(server));
  });

  /** A fresh account for one cell: unbound for `member`, bound to the owner for everyone else. */
  async function target(actor: Actor): Promise<Target> {
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, people.owner.token, world.enterpriseId, person);
    if (actor !== 'member') await bindTo(server, people.owner, accountId);
    return { accountId, person };
  }

  const endpoints: Endpoint[] = [
    {
      name: 'GET /enterprises/:id/accounts (list)',
      request: () => ({ method: 'GET', path: `/api/v1/enterprises/${world.enterpriseId}/accounts` }),
      expected: { anonymous: 401, nonMember: 404, member: 200, owner: 200, otherMember: 200, admin: 200 },
    },
    {
      name: 'GET /accounts/:id (detail)',
      request: (t) => ({ method: 'GET', path: `/api/v1/accounts/${t.accountId}` }),
      expected: { anonymous: 401, nonMember: 404, member: 200, owner: 200, otherMember: 200, admin: 200 },
    },
    {
      name: 'POST /accounts/:id/binding (绑定)',
      request: (t) => ({
        method: 'POST',
        path: `/api/v1/accounts/${t.accountId}/binding`,
        body: { subscriptions: {} },
      }),
      expected: { anonymous: 401, nonMember: 404, member: 200, owner: 200, otherMember: 403, admin: 403 },
    },
    {
      name: 'DELETE /accounts/:id/binding (解绑)',
      request: (t) => ({ method: 'DELETE', path: `/api/v1/accounts/${t.accountId}/binding` }),
      expected: { anonymous: 401, nonMember: 404, member: 200, owner: 200, otherMember: 403, admin: 403 },
    },
    {
      name: 'PUT /accounts/:id/defaults (设置默认账号)',
      request: (t) => ({
        method: 'PUT',
        path: `/api/v1/accounts/${t.accountId}/defaults`,
        body: { channels: ['issue', 'receive'] },
      }),
      expected: { anonymous: 401, nonMember: 404, member: 200, owner: 200, otherMember: 403, admin: 403 },
    },
    {
      name: 'POST /accounts/:id/unlock (解锁)',
      prepare: async (t) => {
        await server.ctx.db.execute(
          sql`update etax_accounts set locked_at = now(), lock_reason = '密码错误', locked_by_password = true where id = ${t.accountId}`,
        );
      },
      request: (t) => ({ method: 'POST', path: `/api/v1/accounts/${t.accountId}/unlock` }),
      expected: { anonymous: 401, nonMember: 404, member: 200, owner: 200, otherMember: 403, admin: 403 },
    },
    {
      name: 'POST /accounts/:id/flows 登录',
      request: (t) => ({
        method: 'POST',
        path: `/api/v1/accounts/${t.accountId}/flows`,
        body: { purpose: 'login', channel: 'receive' },
      }),
      expected: { anonymous: 401, nonMember: 404, member: 201, owner: 201, otherMember: 403, admin: 403 },
    },
    {
      name: 'POST /accounts/:id/flows 认证',
      request: (t) => ({ method: 'POST', path: `/api/v1/accounts/${t.accountId}/flows`, body: { purpose: 'auth' } }),
      expected: { anonymous: 401, nonMember: 404, member: 201, owner: 201, otherMember: 403, admin: 403 },
    },
    {
      name: 'POST /accounts/:id/flows 更换微信',
      request: (t) => ({
        method: 'POST',
        path: `/api/v1/accounts/${t.accountId}/flows`,
        body: { purpose: 'change_wechat', password: t.person.password },
      }),
      // Nothing to move for an unbound account or one already mine (409); anyone else may try (201).
      expected: { anonymous: 401, nonMember: 404, member: 409, owner: 409, otherMember: 201, admin: 201 },
    },
    {
      name: 'DELETE /accounts/:id (删除)',
      request: (t) => ({ method: 'DELETE', path: `/api/v1/accounts/${t.accountId}` }),
      expected: { anonymous: 401, nonMember: 404, member: 204, owner: 204, otherMember: 403, admin: 204 },
    },
    {
      name: 'POST /enterprises/:id/accounts/flows (新增, the same account again)',
      request: (t) => ({
        method: 'POST',
        path: `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`,
        body: {
          business: 'issue',
          account: t.person.phone,
          password: t.person.password,
          role: '办税员',
          loginType: 'manual',
        },
      }),
      expected: { anonymous: 401, nonMember: 404, member: 409, owner: 409, otherMember: 409, admin: 409 },
    },
    {
      name: 'DELETE /enterprises/:id/bindings (enterprise 解绑)',
      request: () => ({ method: 'DELETE', path: `/api/v1/enterprises/${world.enterpriseId}/bindings` }),
      expected: { anonymous: 401, nonMember: 404, member: 204, owner: 204, otherMember: 204, admin: 204 },
    },
  ];

  for (const endpoint of endpoints) {
    describe(endpoint.name, () => {
      for (const actor of ACTORS) {
        const status = endpoint.expected[actor];
        it(`should answer ${status} to ${actor}`, async () => {
          const t = await target(actor);
          await endpoint.prepare?.(t);
          const req = endpoint.request(t);
          const token = actor === 'anonymous' ? undefined : people[actor].token;
          const res = await server.call(req.method, req.path, { token, body: req.body });
          assert.equal(res.status, status, JSON.stringify(res.body));
          if (status >= 400) assert.ok(res.body.error.message.length > 0);
          if (status === 404)
            assert.ok(!JSON.stringify(res.body).includes(t.person.phone.slice(-4)), 'nothing of the account leaks');
          if (res.body?.flowId) await server.call('DELETE', `/api/v1/flows/${res.body.flowId}`, { token });
        });
      }
    });
  }

  it('should leave a refused account untouched', async () => {
    const t = await target('otherMember');
    const other = people.otherMember.token;
    await server.call('DELETE', `/api/v1/accounts/${t.accountId}`, { token: other });
    await server.call('DELETE', `/api/v1/accounts/${t.accountId}/binding`, { token: other });
    await server.call('PUT', `/api/v1/accounts/${t.accountId}/defaults`, {
      token: other,
      body: { channels: ['issue'] },
    });
    const [row] = await rows<{ user_id: string; default_issue: boolean }>(
      server,
      sql`select b.user_id, a.default_issue from etax_accounts a join account_bindings b on b.account_id = a.id where a.id = ${t.accountId}`,
    );
    assert.deepEqual(row, { user_id: people.owner.userId, default_issue: false });
  });

  it('should tell each caller what they may do (AccountView.can) and how the account is bound to them', async () => {
    const bound = await target('owner');
    const unbound = await target('member');
    await server.ctx.db.execute(
      sql`update etax_accounts set locked_at = now(), lock_reason = '密码错误' where id in (${bound.accountId}, ${unbound.accountId})`,
    );
    const viewOf = async (actor: Exclude<Actor, 'anonymous' | 'nonMember'>, accountId: string) => {
      const list = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, {
        token: people[actor].token,
      });
      return (list.body.accounts as { id: string; bound: string; can: Record<string, boolean> }[]).find(
        (a) => a.id === accountId,
      )!;
    };
    const none = { login: false, edit: false, delete: false, changeWechat: false, unlock: false };
    const all = { login: true, edit: true, delete: true, changeWechat: false, unlock: true };
    assert.deepEqual((await viewOf('owner', bound.accountId)).can, all);
    assert.equal((await viewOf('owner', bound.accountId)).bound, 'me');
    assert.deepEqual((await viewOf('otherMember', bound.accountId)).can, { ...none, changeWechat: true });
    assert.equal((await viewOf('otherMember', bound.accountId)).bound, 'other');
    assert.deepEqual((await viewOf('admin', bound.accountId)).can, { ...none, delete: true, changeWechat: true });
    assert.deepEqual((await viewOf('member', unbound.accountId)).can, all);
    assert.equal((await viewOf('member', unbound.accountId)).bound, 'none');
    const admin = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, {
      token: people.admin.token,
    });
    assert.equal(admin.body.isAdmin, true);
    const notAdmin = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, {
      token: people.owner.token,
    });
    assert.equal(notAdmin.body.isAdmin, false);
  });

  it('should see nothing of a tenant once the user left it', async () => {
    const t = await target('owner');
    const leaver = await member(server, world);
    assert.equal((await server.call('GET', `/api/v1/accounts/${t.accountId}`, { token: leaver.token })).status, 200);
    await server.call('DELETE', `/api/v1/me/tenants/${world.tenantId}`, { token: leaver.token });
    assert.equal((await server.call('GET', `/api/v1/accounts/${t.accountId}`, { token: leaver.token })).status, 404);
    assert.equal(
      (await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, { token: leaver.token })).status,
      404,
    );
  });

  it('should answer 404 for an account that does not exist and 400 for a malformed id', async () => {
    const missing = await server.call('GET', '/api/v1/accounts/00000000-0000-4000-8000-000000000000', {
      token: people.owner.token,
    });
    assert.equal(missing.status, 404);
    const malformed = await server.call('GET', '/api/v1/accounts/not-an-id', { token: people.owner.token });
    assert.equal(malformed.status, 400);
  });
});
