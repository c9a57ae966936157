/**
 * The permission matrix (F7) extended with time: a flow is allowed again at every step. For every
 * flow kind, the user who started it leaves the tenant or loses the binding between the start and
 * the last step (the SMS code, the QR or face confirmation, the new password); the last step is
 * refused, the flow ends, and nothing the flow was for is written.
 *
 * (Losing the 数电配置管理员 right changes no flow: the only act it allows, deleting another's account,
 * is a single call that is checked when made — accounts-permissions.test.ts.)
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
  bindTo,
  bureauPerson,
  confirmTicket,
  latestSmsCode,
  member,
  rows,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from '../support/etax';

type Res = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A flow started and waiting for its last step. */
interface Started {
  /** The user who started it. */
  who: Member;
  /** The account it acts on (when it has one) and the user it is bound to. */
  accountId?: string;
  holder?: Member;
  /** The last step: what would finish the flow. */
  finish(): Promise<Res>;
  /** Asks the flow's state again (poll). */
  poll(): Promise<Res>;
  /** What the flow would have written, read from the database (compared before and after). */
  written(): Promise<unknown>;
}

type Event = 'leaves the tenant' | 'loses the binding';

describe('#permissions.time (F7 until the last step)', () => {
  const server = suiteServer();
  let world: World;

  before(async () => {
    world = await tenantWithEnterprise(server);
  });

  const call = (who: Member, method: string, path: string, body?: unknown) =>
    server.call(method, path, { token: who.token, body });
  const sms = (who: Member, flowId: string, phone: string) => async () =>
    call(who, 'POST', `/api/v1/flows/${flowId}/sms`, { code: await latestSmsCode(server, phone) });
  const pollFlow = (who: Member, flowId: string) => () => call(who, 'GET', `/api/v1/flows/${flowId}`);
  /** The SMS step of the sandbox needs a minute between two sends to one phone. */
  const nextMinute = () => server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });
  const sessions = (accountId: string) =>
    rows(server, sql`select channel, logged_in_at from etax_sessions where account_id = ${accountId} order by channel`);

  /** An account of a fresh person, added and bound by a fresh member. */
  async function boundAccount(): Promise<{ holder: Member; person: BureauPerson; accountId: string }> {
    const holder = await member(server, world);
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, holder.token, world.enterpriseId, person);
    await bindTo(server, holder, accountId);
    await nextMinute();
    return { holder, person, accountId };
  }

  const kinds: Record<string, { events: Event[]; start(): Promise<Started> }> = {
    '新增账号 (SMS code)': {
      events: ['leaves the tenant'],
      async start() {
        const who = await member(server, world);
        const person = await bureauPerson(server, world.taxId);
        const started = await call(who, 'POST', `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`, {
          business: 'issue',
          account: person.phone,
          password: person.password,
          role: '办税员',
          loginType: 'manual',
        });
        assert.equal(started.body.step, 'sms', JSON.stringify(started.body));
        return {
          who,
          finish: sms(who, started.body.flowId, person.phone),
          poll: pollFlow(who, started.body.flowId),
          written: () => rows(server, sql`select id from etax_accounts where account = ${person.phone}`),
        };
      },
    },
    '申请绑定数电配置管理员 (SMS code)': {
      events: ['leaves the tenant'],
      async start() {
        const who = await member(server, world);
        const person = await bureauPerson(server, world.taxId, { role: '财务负责人' });
        const started = await call(who, 'POST', `/api/v1/enterprises/${world.enterpriseId}/admins/flows`, {
          account: person.phone,
          password: person.password,
        });
        assert.equal(started.body.step, 'sms', JSON.stringify(started.body));
        return {
          who,
          finish: sms(who, started.body.flowId, person.phone),
          poll: pollFlow(who, started.body.flowId),
          written: () => rows(server, sql`select enterprise_id from enterprise_admins where user_id = ${who.userId}`),
        };
      },
    },
    '登录 (SMS code)': {
      events: ['leaves the tenant', 'loses the binding'],
      async start() {
        const { holder, person, accountId } = await boundAccount();
        const started = await call(holder, 'POST', `/api/v1/accounts/${accountId}/flows`, {
          purpose: 'login',
          channel: 'receive',
        });
        assert.equal(started.body.step, 'sms', JSON.stringify(started.body));
        return {
          who: holder,
          holder,
          accountId,
          finish: sms(holder, started.body.flowId, person.phone),
          poll: pollFlow(holder, started.body.flowId),
          written: () => sessions(accountId),
        };
      },
    },
    '扫码登录 (QR confirmed, then polled)': {
      events: ['leaves the tenant', 'loses the binding'],
      async start() {
        const { holder, person, accountId } = await boundAccount();
        const started = await call(holder, 'POST', `/api/v1/accounts/${accountId}/flows`, {
          purpose: 'login',
          channel: 'receive',
          method: 'qr',
        });
        assert.equal(started.body.step, 'qr', JSON.stringify(started.body));
        return {
          who: holder,
          holder,
          accountId,
          async finish() {
            await confirmTicket(server, person.idNumber);
            return call(holder, 'GET', `/api/v1/flows/${started.body.flowId}`);
          },
          poll: pollFlow(holder, started.body.flowId),
          written: () => sessions(accountId),
        };
      },
    },
    '认证 (face confirmed, then polled)': {
      events: ['leaves the tenant', 'loses the binding'],
      async start() {
        const { holder, person, accountId } = await boundAccount();
        const started = await call(holder, 'POST', `/api/v1/accounts/${accountId}/flows`, { purpose: 'auth' });
        assert.equal(started.body.step, 'face', JSON.stringify(started.body));
        return {
          who: holder,
          holder,
          accountId,
          async finish() {
            await confirmTicket(server, person.idNumber, 'auth');
            return call(holder, 'GET', `/api/v1/flows/${started.body.flowId}`);
          },
          poll: pollFlow(holder, started.body.flowId),
          written: () => rows(server, sql`select auth_valid_until from etax_accounts where id = ${accountId}`),
        };
      },
    },
    '更换微信 (SMS code)': {
      // The one moving the account to themselves leaves; or the holder unbinds (nothing to move any more).
      events: ['leaves the tenant', 'loses the binding'],
      async start() {
        const { holder, person, accountId } = await boundAccount();
        const who = await member(server, world);
        const started = await call(who, 'POST', `/api/v1/accounts/${accountId}/flows`, {
          purpose: 'change_wechat',
          password: person.password,
        });
        assert.equal(started.body.step, 'sms', JSON.stringify(started.body));
        return {
          who,
          holder,
          accountId,
          finish: sms(who, started.body.flowId, person.phone),
          poll: pollFlow(who, started.body.flowId),
          // The account is never bound to the one who asked to move it.
          written: () =>
            rows(
              server,
              sql`select user_id from account_bindings where account_id = ${accountId} and user_id = ${who.userId}`,
            ),
        };
      },
    },
    '重置税局密码 (SMS code)': {
      events: ['leaves the tenant', 'loses the binding'],
      async start() {
        const { holder, person, accountId } = await boundAccount();
        const base = `/api/v1/password-changes`;
        const started = await call(holder, 'POST', `/api/v1/accounts/${accountId}/password-resets`, {
          idType: '居民身份证',
          idNumber: person.idNumber,
        });
        assert.equal(started.status, 201, JSON.stringify(started.body));
        const changeId = started.body.changeId;
        assert.equal((await call(holder, 'POST', `${base}/${changeId}/sms/send`)).body.step, 'sms');
        return {
          who: holder,
          holder,
          accountId,
          finish: async () =>
            call(holder, 'POST', `${base}/${changeId}/sms`, { code: await latestSmsCode(server, person.phone) }),
          poll: () => call(holder, 'GET', `${base}/${changeId}`),
          written: () => rows(server, sql`select password_enc from etax_accounts where id = ${accountId}`),
        };
      },
    },
    '重置税局密码 (new password)': {
      events: ['leaves the tenant', 'loses the binding'],
      async start() {
        const { holder, person, accountId } = await boundAccount();
        const base = `/api/v1/password-changes`;
        const started = await call(holder, 'POST', `/api/v1/accounts/${accountId}/password-resets`, {
          idType: '居民身份证',
          idNumber: person.idNumber,
        });
        const changeId = started.body.changeId;
        await call(holder, 'POST', `${base}/${changeId}/sms/send`);
        const coded = await call(holder, 'POST', `${base}/${changeId}/sms`, {
          code: await latestSmsCode(server, person.phone),
        });
        assert.equal(coded.body.step, 'password', JSON.stringify(coded.body));
        return {
          who: holder,
          holder,
          accountId,
          finish: () =>
            call(holder, 'POST', `${base}/${changeId}/password`, {
              newPassword: 'Brand#New2026',
              confirmPassword: 'Brand#New2026',
            }),
          poll: () => call(holder, 'GET', `${base}/${changeId}`),
          written: async () => [
            await rows(server, sql`select password_enc from etax_accounts where id = ${accountId}`),
            // The bureau kept the old password too: the refusal came before the bureau was asked.
            await server.ctx.etax.verifyPassword({ account: person.phone, password: person.password }).then(
              () => 'unchanged',
              (err: Error) => err.message,
            ),
          ],
        };
      },
    },
  };

  /** Makes the event happen to the flow's user. */
  async function happen(event: Event, flow: Started) {
    if (event === 'leaves the tenant') {
      const left = await call(flow.who, 'DELETE', `/api/v1/me/tenants/${world.tenantId}`);
      assert.equal(left.status, 204);
      return;
    }
    assert.ok(flow.accountId && flow.holder);
    const unbound = await call(flow.holder, 'DELETE', `/api/v1/accounts/${flow.accountId}/binding`);
    assert.equal(unbound.status, 200);
    // The flow's own account now goes to another member; 更换微信 finds nothing to move any more.
    if (flow.holder === flow.who) await bindTo(server, await member(server, world), flow.accountId);
  }

  let cases = 0;
  for (const [kind, { events, start }] of Object.entries(kinds)) {
    for (const event of events) {
      cases++;
      it(`${kind}: refused when its user ${event} before the last step; nothing is written`, async () => {
        const flow = await start();
        const before = await flow.written();
        await happen(event, flow);
        const finished = await flow.finish();
        assert.ok([403, 404, 409].includes(finished.status), `${finished.status} ${JSON.stringify(finished.body)}`);
        assert.match(finished.body.error.message, /[\u4e00-\u9fa5]/);
        assert.deepEqual(await flow.written(), before);
        // The flow is over: asking again is refused or shows it failed, and still nothing is written.
        const again = await flow.poll();
        assert.ok(again.status >= 400 || again.body.step === 'failed', JSON.stringify(again.body));
        assert.deepEqual(await flow.written(), before);
      });
    }
  }
  it('covers every flow kind and event (the matrix size)', () => {
    assert.equal(cases, 14);
  });
});
