/**
 * 解绑 of a tenant (F3) ends what membership gave: the leaver's bindings of its accounts and their
 * 数电配置管理员 roles, audited; joining again brings no admin role back.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
  anotherEnterprise,
  bindTo,
  bureauPerson,
  member,
  rows,
  seedAdmin,
  tenantWithEnterprise,
  type World,
} from '../support/etax';

describe('#tenants.leave', () => {
  const server = suiteServer();

  it('should unbind my accounts of the tenant and end my admin roles, audited; rejoining brings no admin back', async () => {
    const world = await tenantWithEnterprise(server);
    const second = await anotherEnterprise(server, world);
    const elsewhere = await tenantWithEnterprise(server);
    const alice = await member(server, world);
    await server.call('POST', '/api/v1/me/tenants', {
      token: alice.token,
      body: { activationCode: elsewhere.activationCode },
    });
    const bob = await member(server, world);
    const accounts: string[] = [];
    for (const w of [world, world, second] as World[]) {
      const id = await addAccount(server, alice.token, w.enterpriseId, await bureauPerson(server, w.taxId));
      await bindTo(server, alice, id);
      accounts.push(id);
    }
    const kept = await addAccount(
      server,
      alice.token,
      elsewhere.enterpriseId,
      await bureauPerson(server, elsewhere.taxId),
    );
    await bindTo(server, alice, kept);
    await seedAdmin(server, world, alice, '李法人');
    await seedAdmin(server, world, bob, '王财务');

    const home = (await server.call('GET', '/api/v1/me/tenants', { token: alice.token })).body;
    const mine = home.tenants.find((t: { id: string }) => t.id === world.tenantId);
    const boundCount = mine.enterprises.reduce((n: number, e: { myBoundCount: number }) => n + e.myBoundCount, 0);
    assert.equal(boundCount, 3, 'the confirm dialog counts from this');

    const left = await server.call('DELETE', `/api/v1/me/tenants/${world.tenantId}`, { token: alice.token });
    assert.equal(left.status, 204);

    const bindings = await rows<{ account_id: string }>(
      server,
      sql`select account_id from account_bindings where user_id = ${alice.userId}`,
    );
    assert.deepEqual(
      bindings.map((b) => b.account_id),
      [kept],
      'no account of the tenant stays bound to a non-member; the other tenant’s binding stays',
    );
    assert.deepEqual(
      await rows(server, sql`select enterprise_id from enterprise_admins where user_id = ${alice.userId}`),
      [],
    );

    // The enterprise's other admin reads what ended in the audit log.
    const log = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/audit-log`, { token: bob.token });
    assert.equal(log.status, 200);
    const labels = log.body.entries.map((e: { action: string }) => e.action).sort();
    assert.deepEqual(labels, ['admin_end_on_leave', 'unbind_on_leave', 'unbind_on_leave']);
    assert.ok(log.body.entries.every((e: { actor: { name: string } }) => e.actor.name === '李*人'));
    const secondLog = await rows<{ action: string }>(
      server,
      sql`select action from audit_log where enterprise_id = ${second.enterpriseId} and actor_user_id = ${alice.userId}`,
    );
    assert.deepEqual(
      secondLog.map((r) => r.action),
      ['unbind_on_leave'],
    );

    // Joining again: a member with no binding and no admin role.
    const rejoined = await server.call('POST', '/api/v1/me/tenants', {
      token: alice.token,
      body: { activationCode: world.activationCode },
    });
    assert.equal(rejoined.status, 201);
    const admins = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/admins`, { token: alice.token });
    assert.equal(admins.body.isAdmin, false);
    assert.ok(rejoined.body.enterprises.every((e: { myBoundCount: number }) => e.myBoundCount === 0));
    const detail = await server.call('GET', `/api/v1/accounts/${accounts[0]}`, { token: alice.token });
    assert.equal(detail.body.can.edit, true, 'unbound now: any member operates it');
  });
});
