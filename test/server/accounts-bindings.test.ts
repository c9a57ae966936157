/**
 * 绑定微信收登录通知 / 解绑 (F6), 更换微信 (F9), enterprise 解绑 and the home page figures (F2),
 * subscribe credits (F20) and the admin's delete notice (F7/F10), through the app API with the real
 * e-tax and WeChat sandboxes.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
  anotherEnterprise,
  bindTo,
  bureauPerson,
  latestSmsCode,
  member,
  rows,
  seedAdmin,
  tenantWithEnterprise,
  type Member,
  type World,
} from '../support/etax';

describe('#accounts.bindings', () => {
  const server = suiteServer();
  let world: World;
  let templates: { loginNotice: string; accountChange: string };

  before(async () => {
    world = await tenantWithEnterprise(server);
    const someone = await member(server, world);
    templates = (await server.call('GET', '/api/v1/me/subscriptions', { token: someone.token })).body.templates;
  });

  const newAccount = async (by: Member, w = world) => {
    const person = await bureauPerson(server, w.taxId);
    return { person, accountId: await addAccount(server, by.token, w.enterpriseId, person) };
  };
  const detail = async (who: Member, accountId: string) =>
    (await server.call('GET', `/api/v1/accounts/${accountId}`, { token: who.token })).body;
  const messagesOf = async (who: Member) =>
    (await server.call('GET', `/sandbox/wechat/control/messages?user=${who.user}`)).body as {
      template_id: string;
      page: string;
      data: Record<string, { value: string }>;
    }[];
  const creditsOf = async (who: Member) =>
    (await server.call('GET', '/api/v1/me/subscriptions', { token: who.token })).body.credits as Record<string, number>;

  describe('#bind and unbind (F6)', () => {
    it('should bind the account to me, record the subscribe results of the tap, and unbind it', async () => {
      const alice = await member(server, world);
      const bob = await member(server, world);
      const { accountId } = await newAccount(alice);
      const res = await server.call('POST', `/api/v1/accounts/${accountId}/binding`, {
        token: alice.token,
        body: {
          subscriptions: {
            [templates.loginNotice]: 'accept',
            [templates.accountChange]: 'reject',
            'tpl-not-ours': 'accept',
          },
        },
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.bound, 'me');
      assert.equal(res.body.notificationsLeft, 1);
      assert.deepEqual(await creditsOf(alice), { [templates.loginNotice]: 1, [templates.accountChange]: 0 });
      assert.equal((await detail(bob, accountId)).bound, 'other');
      assert.equal(
        (await detail(bob, accountId)).notificationsLeft,
        undefined,
        'only the bound user sees their credits',
      );

      const again = await server.call('POST', `/api/v1/accounts/${accountId}/binding`, {
        token: alice.token,
        body: { subscriptions: { [templates.loginNotice]: 'accept' } },
      });
      assert.equal(again.status, 200, 'binding my own account again is harmless');
      assert.equal(again.body.notificationsLeft, 2, 'each acceptance is one more credit');

      const unbound = await server.call('DELETE', `/api/v1/accounts/${accountId}/binding`, { token: alice.token });
      assert.equal(unbound.status, 200);
      assert.equal(unbound.body.bound, 'none');
      assert.equal((await detail(bob, accountId)).bound, 'none');
      const bare = await server.call('POST', `/api/v1/accounts/${accountId}/binding`, { token: bob.token });
      assert.equal(bare.body.bound, 'me', 'a bind without subscribe results');
    });

    it('should let exactly one of several users binding at the same moment win', async () => {
      // The requests really overlap: the losers meet the primary key (409) or, a moment later, see
      // the account already bound (403).
      for (let round = 0; round < 5; round++) {
        const users = await Promise.all([1, 2, 3, 4].map(() => member(server, world)));
        const { accountId } = await newAccount(users[0]);
        const answers = await Promise.all(
          users.map((who) =>
            server.call('POST', `/api/v1/accounts/${accountId}/binding`, {
              token: who.token,
              body: { subscriptions: {} },
            }),
          ),
        );
        const winners = users.filter((_, i) => answers[i].status === 200);
        assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify(answers.map((a) => a.status))}`);
        for (const loser of answers.filter((a) => a.status !== 200)) {
          assert.ok([403, 409].includes(loser.status), `round ${round}: ${loser.status}`);
          if (loser.status === 409) assert.equal(loser.body.error.code, 'already_bound');
        }
        const bindings = await rows<{ user_id: string }>(
          server,
          sql`select user_id from account_bindings where account_id = ${accountId}`,
        );
        assert.deepEqual(bindings, [{ user_id: winners[0].userId }]);
      }
    });

    it('should hold one WeChat per account in the database itself', async () => {
      const alice = await member(server, world);
      const bob = await member(server, world);
      const { accountId } = await newAccount(alice);
      await bindTo(server, alice, accountId);
      await assert.rejects(
        server.ctx.db.execute(
          sql`insert into account_bindings (account_id, tenant_id, user_id) values (${accountId}, ${world.tenantId}, ${bob.userId})`,
        ),
      );
    });
  });

  describe('#更换微信 (F9)', () => {
    it('should move the binding to the holder after a bureau login and tell the previous user', async () => {
      const previous = await member(server, world);
      const holder = await member(server, world);
      const { person, accountId } = await newAccount(previous);
      await bindTo(server, previous, accountId, [templates.accountChange]);
      assert.equal((await creditsOf(previous))[templates.accountChange], 1);

      const started = await server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
        token: holder.token,
        body: { purpose: 'change_wechat', password: person.password },
      });
      assert.equal(started.status, 201);
      assert.equal(started.body.step, 'sms');
      assert.equal((await detail(holder, accountId)).bound, 'other', 'nothing moves before the proof');
      const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: holder.token,
        body: { code: await latestSmsCode(server, person.phone) },
      });
      assert.equal(done.body.step, 'done');
      assert.equal(done.body.accountId, accountId);
      assert.equal((await detail(holder, accountId)).bound, 'me');
      assert.equal((await detail(previous, accountId)).bound, 'other');

      const [message] = await messagesOf(previous);
      assert.ok(message, 'the previous user received a message');
      assert.equal(message.template_id, templates.accountChange);
      assert.equal(message.page, `packages/accounts/pages/list/index?enterpriseId=${world.enterpriseId}`);
      assert.equal(message.data.character_string2.value, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
      assert.match(message.data.thing3.value, /更换绑定/);
      assert.equal((await creditsOf(previous))[templates.accountChange], 0, 'the credit is spent');
      assert.equal((await messagesOf(holder)).length, 0);
    });

    it('should move the binding without a message when the previous user has no credit left', async () => {
      const previous = await member(server, world);
      const holder = await member(server, world);
      const { person, accountId } = await newAccount(previous);
      await bindTo(server, previous, accountId);
      const started = await server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
        token: holder.token,
        body: { purpose: 'change_wechat', password: person.password },
      });
      await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: holder.token,
        body: { code: await latestSmsCode(server, person.phone) },
      });
      assert.equal((await detail(holder, accountId)).bound, 'me');
      assert.equal((await messagesOf(previous)).length, 0);
    });

    it('should set the credit to 0 when WeChat answers 43101', async () => {
      const previous = await member(server, world);
      const holder = await member(server, world);
      const { person, accountId } = await newAccount(previous);
      // We were told of an acceptance WeChat does not know of.
      await server.call('POST', `/api/v1/accounts/${accountId}/binding`, {
        token: previous.token,
        body: { subscriptions: { [templates.accountChange]: 'accept' } },
      });
      await server.call('POST', '/api/v1/me/subscriptions', {
        token: previous.token,
        body: { subscriptions: { [templates.accountChange]: 'accept' } },
      });
      assert.equal((await creditsOf(previous))[templates.accountChange], 2);
      const started = await server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
        token: holder.token,
        body: { purpose: 'change_wechat', password: person.password },
      });
      const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: holder.token,
        body: { code: await latestSmsCode(server, person.phone) },
      });
      assert.equal(done.body.step, 'done', 'a notice that cannot be sent undoes nothing');
      assert.equal((await messagesOf(previous)).length, 0);
      assert.equal((await creditsOf(previous))[templates.accountChange], 0);
    });

    it('should refuse without a password, keep the binding on a wrong one, and ask nothing of an unbound account', async () => {
      const previous = await member(server, world);
      const holder = await member(server, world);
      const { person, accountId } = await newAccount(previous);
      await bindTo(server, previous, accountId);
      const path = `/api/v1/accounts/${accountId}/flows`;
      const noPassword = await server.call('POST', path, { token: holder.token, body: { purpose: 'change_wechat' } });
      assert.equal(noPassword.status, 400);
      assert.equal(noPassword.body.error.message, '请输入电子税局密码');
      const wrong = await server.call('POST', path, {
        token: holder.token,
        body: { purpose: 'change_wechat', password: 'Wrong#2025' },
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'etax_wrong_password');
      assert.match(wrong.body.error.message, /用户名或密码错误/);
      assert.equal((await detail(previous, accountId)).bound, 'me');

      const started = await server.call('POST', path, {
        token: holder.token,
        body: { purpose: 'change_wechat', password: person.password },
      });
      const code = await latestSmsCode(server, person.phone);
      const badCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const refused = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: holder.token,
        body: { code: badCode },
      });
      assert.equal(refused.status, 400);
      assert.equal((await detail(previous, accountId)).bound, 'me', 'a wrong code moves nothing');

      await server.call('DELETE', `/api/v1/accounts/${accountId}/binding`, { token: previous.token });
      const unbound = await server.call('POST', path, {
        token: holder.token,
        body: { purpose: 'change_wechat', password: person.password },
      });
      assert.equal(unbound.status, 409);
      assert.equal(unbound.body.error.code, 'nothing_to_change');
    });
  });

  describe('#enterprise 解绑 and home figures (F2)', () => {
    it('should unbind all my accounts of one enterprise only, and count them on the home page', async () => {
      const w = await tenantWithEnterprise(server);
      const second = await anotherEnterprise(server, w);
      const alice = await member(server, w);
      const bob = await member(server, w);
      const a1 = await newAccount(alice, w);
      const a2 = await newAccount(alice, w);
      const b1 = await newAccount(bob, w);
      await newAccount(bob, w);
      const s1 = await newAccount(alice, second);
      for (const id of [a1.accountId, a2.accountId, s1.accountId]) await bindTo(server, alice, id);
      await bindTo(server, bob, b1.accountId);

      const home = async (who: Member) => {
        const res = await server.call('GET', '/api/v1/me/tenants', { token: who.token });
        const tenant = (
          res.body.tenants as {
            id: string;
            enterprises: { id: string; accountCount: number; myBoundCount: number }[];
          }[]
        ).find((t) => t.id === w.tenantId)!;
        return Object.fromEntries(tenant.enterprises.map((e) => [e.id, [e.accountCount, e.myBoundCount]]));
      };
      assert.deepEqual(await home(alice), { [w.enterpriseId]: [4, 2], [second.enterpriseId]: [1, 1] });
      assert.deepEqual(await home(bob), { [w.enterpriseId]: [4, 1], [second.enterpriseId]: [1, 0] });

      const res = await server.call('DELETE', `/api/v1/enterprises/${w.enterpriseId}/bindings`, { token: alice.token });
      assert.equal(res.status, 204);
      assert.deepEqual(await home(alice), { [w.enterpriseId]: [4, 0], [second.enterpriseId]: [1, 1] });
      assert.deepEqual(
        await home(bob),
        { [w.enterpriseId]: [4, 1], [second.enterpriseId]: [1, 0] },
        'other users keep theirs',
      );
      assert.equal((await detail(alice, a1.accountId)).bound, 'none');
      assert.equal((await detail(alice, s1.accountId)).bound, 'me');
    });

    it('should show the 数电配置管理员 state with masked names', async () => {
      const w = await tenantWithEnterprise(server);
      const admin = await member(server, w);
      const other = await member(server, w);
      const state = async (who: Member) => {
        const res = await server.call('GET', '/api/v1/me/tenants', { token: who.token });
        const tenant = (res.body.tenants as { id: string; enterprises: { admin: unknown }[] }[]).find(
          (t) => t.id === w.tenantId,
        )!;
        return tenant.enterprises[0].admin;
      };
      assert.deepEqual(await state(other), { state: 'none', names: [] });
      await seedAdmin(server, w, admin, '欧阳明月');
      assert.deepEqual(await state(admin), { state: 'me', names: ['欧**月'] });
      assert.deepEqual(await state(other), { state: 'other', names: ['欧**月'] });
    });
  });

  describe('#admin delete', () => {
    it('should let the admin delete an account bound to someone else, and tell that user', async () => {
      const w = await tenantWithEnterprise(server);
      const holder = await member(server, w);
      const admin = await member(server, w);
      await seedAdmin(server, w, admin);
      const { accountId } = await newAccount(holder, w);
      await bindTo(server, holder, accountId, [templates.accountChange]);
      const res = await server.call('DELETE', `/api/v1/accounts/${accountId}`, { token: admin.token });
      assert.equal(res.status, 204);
      assert.equal((await server.call('GET', `/api/v1/accounts/${accountId}`, { token: holder.token })).status, 404);
      const [message] = await messagesOf(holder);
      assert.equal(message.template_id, templates.accountChange);
      assert.match(message.data.thing3.value, /数电配置管理员删除/);
      assert.equal(message.data.thing1.value.length <= 20, true);
    });

    it('should delete the bound user’s own account without a notice, with everything hanging on it', async () => {
      const holder = await member(server, world);
      const { accountId } = await newAccount(holder);
      await bindTo(server, holder, accountId, [templates.accountChange]);
      assert.equal((await server.call('DELETE', `/api/v1/accounts/${accountId}`, { token: holder.token })).status, 204);
      assert.equal((await messagesOf(holder)).length, 0);
      const left = await rows(
        server,
        sql`select 1 from account_bindings where account_id = ${accountId} union all select 1 from etax_sessions where account_id = ${accountId} union all select 1 from login_flows where account_id = ${accountId}`,
      );
      assert.equal(left.length, 0);
      assert.equal((await server.call('DELETE', `/api/v1/accounts/${accountId}`, { token: holder.token })).status, 404);
    });
  });

  describe('#subscriptions (F20)', () => {
    it('should record a popup’s acceptances and answer the template ids and credits', async () => {
      const alice = await member(server, world);
      const empty = await server.call('GET', '/api/v1/me/subscriptions', { token: alice.token });
      assert.deepEqual(empty.body, {
        templates,
        credits: { [templates.loginNotice]: 0, [templates.accountChange]: 0 },
      });
      const res = await server.call('POST', '/api/v1/me/subscriptions', {
        token: alice.token,
        body: { subscriptions: { [templates.loginNotice]: 'accept', [templates.accountChange]: 'ban' } },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.credits, { [templates.loginNotice]: 1, [templates.accountChange]: 0 });
      const bad = await server.call('POST', '/api/v1/me/subscriptions', {
        token: alice.token,
        body: { subscriptions: { [templates.loginNotice]: 'maybe' } },
      });
      assert.equal(bad.status, 400);
    });
  });
});
