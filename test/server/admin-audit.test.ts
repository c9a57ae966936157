/**
 * What a 数电配置管理员 may do with the role (F7, F10): delete accounts bound to other WeChat users,
 * each such act written to the audit log (who, what, when, from which WeChat user; no secret) and
 * the bound user told by a subscribe message when they have a credit. The log is for admins only.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
  bindTo,
  bureauPerson,
  latestSmsCode,
  member,
  rows,
  tenantWithEnterprise,
  type Member,
  type World,
} from '../support/etax';

interface AuditRow {
  tenant_id: string;
  enterprise_id: string;
  enterprise_name: string;
  tax_id: string;
  action: string;
  actor_user_id: string;
  actor_name: string;
  actor_openid: string;
  account_id: string;
  masked_account: string;
  affected_user_id: string;
  created_at: Date;
}

describe('#admin.audit (F7, F10)', () => {
  const server = suiteServer();
  let world: World;
  let templates: { loginNotice: string; accountChange: string };
  let admin: Member;

  before(async () => {
    world = await tenantWithEnterprise(server);
    admin = await member(server, world);
    templates = (await server.call('GET', '/api/v1/me/subscriptions', { token: admin.token })).body.templates;
    // The admin proves it at the bureau as the enterprise's 财务负责人.
    const finance = await bureauPerson(server, world.taxId, { role: '财务负责人' });
    const started = await server.call('POST', `/api/v1/enterprises/${world.enterpriseId}/admins/flows`, {
      token: admin.token,
      body: { account: finance.phone, password: finance.password },
    });
    const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
      token: admin.token,
      body: { code: await latestSmsCode(server, finance.phone) },
    });
    assert.equal(done.body.step, 'done');
  });

  /** An account of a new person, added and bound by `owner` (accepting the 账号变更 template when asked). */
  const boundAccount = async (owner: Member, opts: { credit?: boolean } = {}) => {
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, owner.token, world.enterpriseId, person);
    await bindTo(server, owner, accountId, opts.credit ? [templates.accountChange] : []);
    return { person, accountId };
  };
  const auditRows = (accountId: string) =>
    rows<AuditRow>(server, sql`select * from audit_log where account_id = ${accountId}`);
  const messagesOf = async (who: Member) =>
    (await server.call('GET', `/sandbox/wechat/control/messages?user=${who.user}`)).body as {
      template_id: string;
      page: string;
      data: Record<string, { value: string }>;
    }[];
  const remove = (who: Member, accountId: string) =>
    server.call('DELETE', `/api/v1/accounts/${accountId}`, { token: who.token });

  it('should let the admin delete an account bound to another user, audit it and tell that user', async () => {
    const owner = await member(server, world);
    const { person, accountId } = await boundAccount(owner, { credit: true });
    const list = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, { token: admin.token });
    const seen = list.body.accounts.find((a: { id: string }) => a.id === accountId);
    assert.equal(seen.bound, 'other');
    assert.equal(seen.can.delete, true, 'the list offers 删除 to the admin');
    assert.equal(seen.can.edit, false);

    const started = Date.now();
    assert.equal((await remove(admin, accountId)).status, 204);
    assert.equal((await server.call('GET', `/api/v1/accounts/${accountId}`, { token: owner.token })).status, 404);

    const [row] = await auditRows(accountId);
    const [user] = await rows<{ openid: string }>(server, sql`select openid from users where id = ${admin.userId}`);
    assert.equal(row.action, 'delete_account');
    assert.equal(row.actor_user_id, admin.userId);
    assert.equal(row.actor_name, '张三丰');
    assert.equal(row.actor_openid, user.openid);
    assert.equal(row.affected_user_id, owner.userId);
    assert.equal(row.enterprise_id, world.enterpriseId);
    assert.equal(row.enterprise_name, world.enterpriseName);
    assert.equal(row.tax_id, world.taxId);
    assert.equal(row.tenant_id, world.tenantId);
    assert.equal(row.masked_account, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
    assert.ok(Math.abs(new Date(row.created_at).getTime() - started) < 60_000);
    // No secret and not even the account in clear.
    const text = JSON.stringify(row);
    for (const secret of [person.password, person.phone, person.idNumber]) assert.ok(!text.includes(secret));

    const [message] = (await messagesOf(owner)).filter((m) => m.template_id === templates.accountChange);
    assert.ok(message, 'the bound user is told');
    assert.equal(message.data.thing3.value, '已被数电配置管理员删除');
    assert.equal(message.data.character_string2.value, row.masked_account);
    assert.equal(message.page, `packages/accounts/pages/list/index?enterpriseId=${world.enterpriseId}`);
  });

  it('should audit the delete even when the bound user has no credit left to be told', async () => {
    const owner = await member(server, world);
    const { accountId } = await boundAccount(owner);
    assert.equal((await remove(admin, accountId)).status, 204);
    assert.equal((await auditRows(accountId)).length, 1);
    assert.deepEqual(await messagesOf(owner), []);
  });

  it('should refuse the delete to a member who is not admin, and audit nothing', async () => {
    const owner = await member(server, world);
    const other = await member(server, world);
    const { accountId } = await boundAccount(owner, { credit: true });
    const refused = await remove(other, accountId);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.message, '该账号已绑定其他微信，仅绑定的微信用户或数电配置管理员可以删除');
    assert.equal((await server.call('GET', `/api/v1/accounts/${accountId}`, { token: owner.token })).status, 200);
    assert.deepEqual(await auditRows(accountId), []);
    assert.deepEqual(await messagesOf(owner), []);
  });

  it('should not audit deletes anyone may do: an unbound account, or one bound to the admin', async () => {
    const unbound = await addAccount(server, admin.token, world.enterpriseId, await bureauPerson(server, world.taxId));
    assert.equal((await remove(admin, unbound)).status, 204);
    const mine = await addAccount(server, admin.token, world.enterpriseId, await bureauPerson(server, world.taxId));
    await bindTo(server, admin, mine);
    assert.equal((await remove(admin, mine)).status, 204);
    assert.deepEqual(await auditRows(unbound), []);
    assert.deepEqual(await auditRows(mine), []);
  });

  it('should refuse the delete once the admin stepped down', async () => {
    const w = await tenantWithEnterprise(server);
    const former = await member(server, w);
    const finance = await bureauPerson(server, w.taxId, { role: '财务负责人' });
    const started = await server.call('POST', `/api/v1/enterprises/${w.enterpriseId}/admins/flows`, {
      token: former.token,
      body: { account: finance.phone, password: finance.password },
    });
    await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
      token: former.token,
      body: { code: await latestSmsCode(server, finance.phone) },
    });
    const owner = await member(server, w);
    const accountId = await addAccount(server, owner.token, w.enterpriseId, await bureauPerson(server, w.taxId));
    await bindTo(server, owner, accountId);
    await server.call('DELETE', `/api/v1/enterprises/${w.enterpriseId}/admins/me`, { token: former.token });
    assert.equal((await remove(former, accountId)).status, 403);
    assert.deepEqual(await auditRows(accountId), []);
  });

  it('should show the audit log to admins only: 本人 for my acts, masked names for others', async () => {
    const owner = await member(server, world);
    const { accountId } = await boundAccount(owner);
    await remove(admin, accountId);
    // A second admin of the same enterprise reads the same log.
    const second = await member(server, world);
    const legal = await bureauPerson(server, world.taxId, { role: '法定代表人' });
    const started = await server.call('POST', `/api/v1/enterprises/${world.enterpriseId}/admins/flows`, {
      token: second.token,
      body: { account: legal.phone, password: legal.password },
    });
    await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
      token: second.token,
      body: { code: await latestSmsCode(server, legal.phone) },
    });

    const path = `/api/v1/enterprises/${world.enterpriseId}/audit-log`;
    const mine = await server.call('GET', path, { token: admin.token });
    assert.equal(mine.status, 200);
    // The second admin's application (a SOTER-guarded act) is in the log too: the deletion is ours.
    const entry = mine.body.entries.find((e: { action: string }) => e.action === 'delete_account');
    assert.equal(entry.action, 'delete_account');
    assert.equal(entry.actionLabel, '删除已绑定其他微信的账号');
    assert.deepEqual(entry.actor, { name: '张三丰', me: true });
    assert.equal(entry.enterpriseName, world.enterpriseName);
    assert.equal(entry.taxId, world.taxId);
    assert.match(entry.maskedAccount, /^\d{3}\*{4}\d{4}$/);
    assert.match(entry.maskedOpenid, /^.{4}\*{4}.{4}$/);
    const times = mine.body.entries.map((e: { at: string }) => Date.parse(e.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );

    const theirs = await server.call('GET', path, { token: second.token });
    assert.equal(theirs.status, 200);
    const deletion = theirs.body.entries.find((e: { action: string }) => e.action === 'delete_account');
    assert.deepEqual(deletion.actor, { name: '张*丰', me: false });

    const plain = await server.call('GET', path, { token: owner.token });
    assert.equal(plain.status, 403);
    assert.equal(plain.body.error.code, 'admins_only');
    const outsider = await member(server, await tenantWithEnterprise(server));
    assert.equal((await server.call('GET', path, { token: outsider.token })).status, 404);
  });
});
