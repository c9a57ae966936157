/**
 * 数电配置管理员 (F10): 申请绑定 as a bureau flow (提交验证 → 验证码 → 登录), who the bureau lets
 * become admin, several admins listed, stepping down — through the app API with the e-tax sandbox.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  bureauPerson,
  latestSmsCode,
  member,
  relate,
  rows,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from '../support/etax';
import { namedPerson } from '../support/passwords';
import { adminRoleRefusal } from '../../server/domain/admins';

describe('#admin.apply (F10)', () => {
  const server = suiteServer();
  let world: World;

  before(async () => {
    world = await tenantWithEnterprise(server);
  });

  const apply = (who: Member, body: unknown, w = world) =>
    server.call('POST', `/api/v1/enterprises/${w.enterpriseId}/admins/flows`, { token: who.token, body });
  const admins = async (who: Member, w = world) =>
    server.call('GET', `/api/v1/enterprises/${w.enterpriseId}/admins`, { token: who.token });
  const smsSentTo = async (person: BureauPerson) =>
    (await server.call('GET', `/sandbox/etax/control/sms?phone=${person.phone}`)).body as unknown[];

  /** 提交验证 with the person's account and password, then the SMS code; the final FlowState. */
  const becomeAdmin = async (who: Member, person: BureauPerson, w = world) => {
    const started = await apply(who, { account: person.phone, password: person.password }, w);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.step, 'sms');
    const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
      token: who.token,
      body: { code: await latestSmsCode(server, person.phone) },
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    return done.body;
  };

  it('should make a 财务负责人 admin after the SMS step, shown as 本人 to them and masked to others', async () => {
    const alice = await member(server, world);
    const bob = await member(server, world);
    const person = await bureauPerson(server, world.taxId, { role: '财务负责人' });

    const before = await admins(alice);
    assert.deepEqual(before.body, { enterpriseId: world.enterpriseId, admins: [], isAdmin: false });

    const state = await becomeAdmin(alice, person);
    assert.equal(state.step, 'done');
    assert.equal(state.accountId, undefined, 'no account is saved by 申请绑定');

    const mine = await admins(alice);
    assert.equal(mine.body.isAdmin, true);
    assert.equal(mine.body.admins.length, 1);
    assert.equal(mine.body.admins[0].name, '张三丰');
    assert.equal(mine.body.admins[0].me, true);
    const theirs = await admins(bob);
    assert.equal(theirs.body.isAdmin, false);
    assert.deepEqual(
      theirs.body.admins.map((a: { name: string; me: boolean }) => [a.name, a.me]),
      [['张*丰', false]],
    );

    // The home page (F2) shows the same state.
    const home = async (who: Member) =>
      (await server.call('GET', '/api/v1/me/tenants', { token: who.token })).body.tenants
        .flatMap((t: { enterprises: unknown[] }) => t.enterprises)
        .find((e: { id: string }) => e.id === world.enterpriseId).admin;
    assert.equal((await home(alice)).state, 'me');
    assert.deepEqual(await home(bob), { state: 'other', names: ['张*丰'] });
    // The account list tells the page the user may act as admin.
    const list = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`, { token: alice.token });
    assert.equal(list.body.isAdmin, true);

    const again = await apply(alice, { account: person.phone, password: person.password });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_admin');
  });

  it('should refuse a 开票员 before any SMS, naming the 身份 needed and the one the bureau gave', async () => {
    const carol = await member(server, world);
    const person = await bureauPerson(server, world.taxId, { role: '开票员' });
    const res = await apply(carol, { account: person.phone, password: person.password });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'admin_role_required');
    assert.equal(
      res.body.error.message,
      '只有企业的法定代表人或财务负责人可以成为数电配置管理员，电子税局登记的您在该企业的身份为：开票员',
    );
    assert.deepEqual(await smsSentTo(person), [], 'no SMS for someone who cannot become admin');
    assert.equal((await admins(carol)).body.isAdmin, false);
  });

  it('should log in with the admin 身份 of a person who holds several', async () => {
    const dave = await member(server, world);
    const person = await bureauPerson(server, world.taxId, { role: '开票员' });
    await relate(server, world.taxId, person.idNumber, '法定代表人', ['issue', 'receive']);
    assert.equal((await becomeAdmin(dave, person)).step, 'done');
    assert.equal((await admins(dave)).body.isAdmin, true);
  });

  it('should list two admins of one enterprise, a 法定代表人 and a 财务负责人, oldest first', async () => {
    const w = await tenantWithEnterprise(server);
    const legal = await member(server, w);
    const finance = await member(server, w);
    const legalPerson = await namedPerson(server, w.taxId, { name: '李四', role: '法定代表人' });
    const financePerson = await bureauPerson(server, w.taxId, { role: '财务负责人' });
    await becomeAdmin(legal, legalPerson, w);
    await becomeAdmin(finance, financePerson, w);
    const seen = (await admins(finance, w)).body;
    assert.equal(seen.isAdmin, true);
    assert.deepEqual(
      seen.admins.map((a: { name: string; me: boolean }) => [a.name, a.me]),
      [
        ['李*', false],
        ['张三丰', true],
      ],
    );
    assert.equal((await admins(legal, w)).body.admins[0].me, true);
  });

  it('should refuse a wrong password in the bureau’s words and make no one admin', async () => {
    const erin = await member(server, world);
    const person = await bureauPerson(server, world.taxId, { role: '财务负责人' });
    const res = await apply(erin, { account: person.phone, password: 'Wrong#1234' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'etax_wrong_password');
    assert.match(res.body.error.message, /用户名或密码错误，您还可以尝试\d次/);
    assert.equal((await admins(erin)).body.isAdmin, false);
  });

  it('should keep the SMS step after a wrong code and make the user admin with the right one', async () => {
    const frank = await member(server, world);
    const person = await bureauPerson(server, world.taxId, { role: '法定代表人' });
    const started = await apply(frank, { account: person.idNumber, password: person.password });
    const code = await latestSmsCode(server, person.phone);
    const wrong = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
      token: frank.token,
      body: { code: code === '000000' ? '111111' : '000000' },
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'etax_sms_code_wrong');
    assert.equal((await admins(frank)).body.isAdmin, false);
    const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
      token: frank.token,
      body: { code: await latestSmsCode(server, person.phone) },
    });
    assert.equal(done.body.step, 'done');
    assert.equal((await admins(frank)).body.isAdmin, true);
  });

  it('should refuse what the bureau does not relate to the enterprise, and validate the form', async () => {
    const gina = await member(server, world);
    const stranger = await bureauPerson(server, (await tenantWithEnterprise(server)).taxId, { role: '财务负责人' });
    const res = await apply(gina, { account: stranger.phone, password: stranger.password });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'etax_no_relation');
    assert.equal(res.body.error.message, '未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！');
    const empty = await apply(gina, { account: ' ', password: '' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.message, '请输入电子税局账号');
    const noPassword = await apply(gina, { account: stranger.phone, password: '' });
    assert.equal(noPassword.body.error.message, '请输入密码');
  });

  it('should let an admin step down, and refuse stepping down twice', async () => {
    const hank = await member(server, world);
    await becomeAdmin(hank, await bureauPerson(server, world.taxId, { role: '财务负责人' }));
    const down = await server.call('DELETE', `/api/v1/enterprises/${world.enterpriseId}/admins/me`, {
      token: hank.token,
    });
    assert.equal(down.status, 204);
    assert.equal((await admins(hank)).body.isAdmin, false);
    const [row] = await rows<{ n: number }>(
      server,
      sql`select count(*)::int as n from enterprise_admins where user_id = ${hank.userId}`,
    );
    assert.equal(Number(row.n), 0);
    const twice = await server.call('DELETE', `/api/v1/enterprises/${world.enterpriseId}/admins/me`, {
      token: hank.token,
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'not_admin');
  });

  it('should show nothing of the enterprise to a non-member', async () => {
    const outsider = await member(server, await tenantWithEnterprise(server));
    const person = await bureauPerson(server, world.taxId, { role: '财务负责人' });
    assert.equal((await admins(outsider)).status, 404);
    assert.equal((await apply(outsider, { account: person.phone, password: person.password })).status, 404);
    const down = await server.call('DELETE', `/api/v1/enterprises/${world.enterpriseId}/admins/me`, {
      token: outsider.token,
    });
    assert.equal(down.status, 404);
    assert.deepEqual(await smsSentTo(person), []);
  });

  it('should accept only 法定代表人 and 财务负责人 as the 身份 of a finished login', () => {
    assert.equal(adminRoleRefusal(['法定代表人']), null);
    assert.equal(adminRoleRefusal(['办税员', '财务负责人']), null);
    assert.match(adminRoleRefusal(['开票员', '办税员']) ?? '', /身份为：开票员、办税员$/);
    assert.match(adminRoleRefusal([]) ?? '', /身份为：无$/);
  });
});
