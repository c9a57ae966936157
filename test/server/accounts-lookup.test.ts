/** 新增账号 prefill (F5): the bureau's 身份 of a typed account, for members only. */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { suiteServer } from '../support/server';
import { bureauPerson, member, tenantWithEnterprise, type World } from '../support/etax';
import { makePhone } from '../support/factories';

describe('#accounts.lookup', () => {
  const server = suiteServer();
  let world: World;
  before(async () => {
    world = await tenantWithEnterprise(server);
  });

  const lookup = (token: string, account: string, enterpriseId = world.enterpriseId) =>
    server.call('POST', `/api/v1/enterprises/${enterpriseId}/accounts/lookup`, { token, body: { account } });

  it('should answer the person masked and their 身份 with permissions in the enterprise', async () => {
    const alice = await member(server, world);
    const person = await bureauPerson(server, world.taxId, { role: '开票员', permissions: ['issue'] });
    const res = await lookup(alice.token, person.phone);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.roles, [{ role: '开票员', permissions: ['issue'] }]);
    assert.equal(res.body.name, '张*丰');
    assert.ok(!JSON.stringify(res.body).includes(person.idNumber));
  });

  it('should say in the bureau’s words when the account has no relation to the enterprise', async () => {
    const alice = await member(server, world);
    const res = await lookup(alice.token, makePhone());
    assert.ok(res.status >= 400 && res.status < 500);
    assert.ok(res.body.error.code.startsWith('etax_'));
    assert.ok(res.body.error.message.length > 0);
  });

  it('should show nothing to a non-member and refuse an empty account', async () => {
    const stranger = await member(server, null);
    const person = await bureauPerson(server, world.taxId);
    assert.equal((await lookup(stranger.token, person.phone)).status, 404);
    const alice = await member(server, world);
    const empty = await lookup(alice.token, '  ');
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.message, '请输入电子税局账号');
  });
});
