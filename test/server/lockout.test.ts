/**
 * No one can lock another person out (lockout.ts): 更换微信 with wrong passwords, 新增账号 with a
 * related phone number and wrong passwords, wrong SMS codes on a browser link — each is stopped
 * by our limit well before the bureau's lock (5 wrong in 30 minutes), the holder is told (audit +
 * 账号变更 message when they have a credit), and the holder can still log in afterwards.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import { bindTo, latestSmsCode, member, rows, tenantWithEnterprise, type Member } from '../support/etax';
import { ask, boundAccount, messagesOf, tokenOf } from '../support/requests';
import { LOCKOUT_LIMITS } from '../../server/domain/lockout';

describe('#lockout (no one locks another out)', () => {
  const server = suiteServer();

  const nextMinute = () => server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });

  /** The holder logs in to their account with the SMS code: the proof they are not locked out. */
  async function holderLogsIn(holder: Member, accountId: string, phone: string) {
    await nextMinute();
    const started = await server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
      token: holder.token,
      body: { purpose: 'login', channel: 'issue' },
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
      token: holder.token,
      body: { code: await latestSmsCode(server, phone) },
    });
    assert.equal(done.body.step, 'done', JSON.stringify(done.body));
  }

  /** A bound account whose holder accepted one 账号变更 message. */
  async function heldAccount() {
    const a = await boundAccount(server);
    await bindTo(server, a.alice, a.accountId, [server.config.WECHAT_CHANGE_TEMPLATE_ID]);
    return a;
  }

  const failedAttempts = (accountId: string) =>
    rows<{ affected_user_id: string }>(
      server,
      sql`select affected_user_id from audit_log where account_id = ${accountId} and action = 'failed_attempt'`,
    );

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function assertStopped(res: { status: number; body: any }) {
    assert.equal(res.status, 429, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'too_many_attempts');
    assert.match(res.body.error.message, /多次输错.*电子税局被锁定/);
    assert.ok(res.body.error.retryAfterSeconds > 0);
  }

  it('should stop 更换微信 with wrong passwords after 3, tell the holder, and leave the holder able to log in', async () => {
    const { world, alice, person, accountId } = await heldAccount();
    const mallory = await member(server, world);
    const attempt = () =>
      server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
        token: mallory.token,
        body: { purpose: 'change_wechat', password: 'Wrong#2025' },
      });
    for (let i = 0; i < LOCKOUT_LIMITS.perCaller.max; i++) {
      const wrong = await attempt();
      assert.equal(wrong.body.error?.code, 'etax_wrong_password', JSON.stringify(wrong.body));
    }
    assertStopped(await attempt());
    // Even the right password is not tried any more by this caller (the bureau is not asked).
    const right = await server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
      token: mallory.token,
      body: { purpose: 'change_wechat', password: person.password },
    });
    assertStopped(right);

    const told = await messagesOf(server, alice.user);
    assert.equal(told.filter((m) => m.template_id === server.config.WECHAT_CHANGE_TEMPLATE_ID).length, 1);
    assert.equal((await failedAttempts(accountId)).length, LOCKOUT_LIMITS.perCaller.max);
    assert.ok((await failedAttempts(accountId)).every((r) => r.affected_user_id === alice.userId));

    await holderLogsIn(alice, accountId, person.phone);
  });

  it('should cap all non-holders together in the bureau’s window, never the holder', async () => {
    const { world, alice, person, accountId } = await heldAccount();
    const others = [await member(server, world), await member(server, world)];
    const attempt = (who: Member) =>
      server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
        token: who.token,
        body: { purpose: 'change_wechat', password: 'Wrong#2025' },
      });
    // Two callers, two wrong each: the third wrong overall is the last one the bureau sees.
    assert.equal((await attempt(others[0])).body.error.code, 'etax_wrong_password');
    assert.equal((await attempt(others[0])).body.error.code, 'etax_wrong_password');
    assert.equal((await attempt(others[1])).body.error.code, 'etax_wrong_password');
    assertStopped(await attempt(others[1]));
    await holderLogsIn(alice, accountId, person.phone);
  });

  it('should stop 新增账号 with someone’s related phone number and wrong passwords', async () => {
    const { alice, person, accountId } = await heldAccount();
    const elsewhere = await tenantWithEnterprise(server);
    await server.call('POST', '/sandbox/etax/control/relations', {
      body: { taxId: elsewhere.taxId, idNumber: person.idNumber, role: '办税员', permissions: ['issue'] },
    });
    const mallory = await member(server, elsewhere);
    const attempt = () =>
      server.call('POST', `/api/v1/enterprises/${elsewhere.enterpriseId}/accounts/flows`, {
        token: mallory.token,
        body: { business: 'issue', account: person.phone, password: 'Wrong#2025', role: '办税员', loginType: 'manual' },
      });
    for (let i = 0; i < LOCKOUT_LIMITS.perCaller.max; i++) {
      assert.equal((await attempt()).body.error?.code, 'etax_wrong_password');
    }
    assertStopped(await attempt());
    assert.equal((await failedAttempts(accountId)).length, LOCKOUT_LIMITS.perCaller.max, 'audited where it is held');
    await holderLogsIn(alice, accountId, person.phone);
  });

  it('should stop wrong SMS codes on a browser link after 3', async () => {
    // No 登录通知 credit left: the caller gets a browser link for the bound account.
    const { world, alice, person, accountId } = await boundAccount(server, { credits: 0 });
    const asked = await ask(server, { taxId: world.taxId, channel: 'receive', account: person.phone });
    assert.ok(asked.body.loginUrl, JSON.stringify(asked.body));
    const token = tokenOf(asked.body.loginUrl);
    await nextMinute();
    const started = await server.call('POST', `/api/v1/link/${token}/flows`, { body: { method: 'password' } });
    assert.equal(started.body.step, 'sms', JSON.stringify(started.body));
    const code = await latestSmsCode(server, person.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const submit = (c: string) =>
      server.call('POST', `/api/v1/link/${token}/flows/${started.body.flowId}/sms`, { body: { code: c } });
    for (let i = 0; i < LOCKOUT_LIMITS.perCaller.max; i++) {
      assert.equal((await submit(wrong)).body.error?.code, 'etax_sms_code_wrong');
    }
    assertStopped(await submit(wrong));
    assert.equal((await failedAttempts(accountId)).length, LOCKOUT_LIMITS.perCaller.max);
    await holderLogsIn(alice, accountId, person.phone);
  });
});
