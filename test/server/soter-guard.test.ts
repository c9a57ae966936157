/**
 * The biometric guard (WeChat SOTER, issue 14 part 5): 更换微信, deleting an account bound to someone
 * else, becoming 数电配置管理员 and 重置税局密码 take the signed result of startSoterAuthentication
 * for a single-use challenge; the server has WeChat (the sandbox) verify it before acting. A valid
 * one lets the act through and the audit log says 指纹 / 面容; a forged, replayed, expired or
 * foreign one is refused in Chinese and nothing changes; a device without biometrics goes on as
 * before and the audit log says so.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { suiteServer } from '../support/server';
import {
  addAccount,
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

type Act = 'change_wechat' | 'admin_delete' | 'become_admin' | 'reset_password';
interface Proof {
  resultJSON: string;
  resultJSONSignature: string;
  authMode: 'fingerPrint' | 'facial';
}

describe('#soter.guard (issue 14 part 5)', () => {
  const server = suiteServer();
  let world: World;
  let admin: Member;

  before(async () => {
    world = await tenantWithEnterprise(server);
    admin = await member(server, world);
    await seedAdmin(server, world, admin);
  });

  const challenge = async (who: Member, act: Act) => {
    const res = await server.call('POST', '/api/v1/soter/challenges', { token: who.token, body: { act } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.challenge as string;
  };
  /** What the phone answers after the finger or face matched (the sandbox's device key). */
  const proofFor = async (who: Member, act: Act, authMode: Proof['authMode'] = 'fingerPrint'): Promise<Proof> => {
    const raw = await challenge(who, act);
    const res = await server.call('POST', '/sandbox/wechat/control/soter/sign', {
      body: { user: who.user, challenge: raw, authMode },
    });
    assert.equal(res.status, 200);
    return { resultJSON: res.body.resultJSON, resultJSONSignature: res.body.resultJSONSignature, authMode };
  };
  /** The same result signed by a key that is not the device's. */
  const forgedFor = async (who: Member, act: Act): Promise<Proof> => {
    const resultJSON = JSON.stringify({ raw: await challenge(who, act), fid: '1', counter: 1 });
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const signature = sign('sha256', Buffer.from(resultJSON), {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 20,
    });
    return { resultJSON, resultJSONSignature: signature.toString('base64'), authMode: 'fingerPrint' };
  };
  const auditOf = (action: string, actor: Member) =>
    rows<{ biometric: string | null; account_id: string | null }>(
      server,
      sql`select biometric, account_id from audit_log where action = ${action} and actor_user_id = ${actor.userId}`,
    );
  const accountExists = async (accountId: string) =>
    (await rows(server, sql`select 1 from etax_accounts where id = ${accountId}`)).length === 1;
  /** An account added and bound by a new member. */
  const boundAccount = async () => {
    const holder = await member(server, world);
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, holder.token, world.enterpriseId, person);
    await bindTo(server, holder, accountId);
    return { holder, person, accountId };
  };
  const remove = (accountId: string, soter?: unknown) =>
    server.call('DELETE', `/api/v1/accounts/${accountId}`, {
      token: admin.token,
      ...(soter === undefined ? {} : { body: { soter } }),
    });

  describe('an admin deleting an account bound to someone else', () => {
    it('should delete with a valid signature, and the audit log says 指纹', async () => {
      const { accountId } = await boundAccount();
      const res = await remove(accountId, await proofFor(admin, 'admin_delete'));
      assert.equal(res.status, 204, JSON.stringify(res.body));
      assert.equal(await accountExists(accountId), false);
      const [entry] = (await auditOf('delete_account', admin)).filter((r) => r.account_id === accountId);
      assert.equal(entry?.biometric, 'fingerPrint');
      const log = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/audit-log`, {
        token: admin.token,
      });
      assert.equal(log.body.entries[0].biometricLabel, '已通过指纹验证');
    });

    it('should refuse a forged signature and change nothing', async () => {
      const { accountId } = await boundAccount();
      const res = await remove(accountId, await forgedFor(admin, 'admin_delete'));
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'soter_rejected');
      assert.match(res.body.error.message, /指纹或面容验证未通过/);
      assert.equal(await accountExists(accountId), true);
      assert.equal((await auditOf('delete_account', admin)).filter((r) => r.account_id === accountId).length, 0);
    });

    it('should refuse a replayed result, an expired one and one issued for another act', async () => {
      const first = await boundAccount();
      const second = await boundAccount();
      const proof = await proofFor(admin, 'admin_delete');
      assert.equal((await remove(first.accountId, proof)).status, 204);
      const replayed = await remove(second.accountId, proof);
      assert.equal(replayed.status, 403);
      assert.equal(replayed.body.error.code, 'soter_challenge_used');
      assert.match(replayed.body.error.message, /已使用过/);

      const late = await proofFor(admin, 'admin_delete');
      await server.ctx.db.execute(
        sql`update soter_challenges set expires_at = now() - interval '1 second' where used_at is null and user_id = ${admin.userId}`,
      );
      const expired = await remove(second.accountId, late);
      assert.equal(expired.status, 403);
      assert.equal(expired.body.error.code, 'soter_challenge_expired');
      assert.match(expired.body.error.message, /已过期/);

      const foreign = await remove(second.accountId, await proofFor(admin, 'change_wechat'));
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.error.code, 'soter_challenge_invalid');

      const someoneElses = await member(server, world);
      const stolen = await remove(second.accountId, await proofFor(someoneElses, 'admin_delete'));
      assert.equal(stolen.status, 403, 'a challenge serves only the user it was issued to');
      assert.equal(await accountExists(second.accountId), true);
    });

    it('should delete on a device without biometrics, and the audit log says so', async () => {
      const explicit = await boundAccount();
      assert.equal((await remove(explicit.accountId, { unavailable: true })).status, 204);
      const silent = await boundAccount();
      assert.equal((await remove(silent.accountId)).status, 204, 'a client of today sends no body');
      const entries = await auditOf('delete_account', admin);
      for (const id of [explicit.accountId, silent.accountId]) {
        assert.equal(entries.find((r) => r.account_id === id)?.biometric, 'unavailable');
      }
    });

    it('should not ask the account’s own holder for a proof', async () => {
      const { holder, accountId } = await boundAccount();
      const res = await server.call('DELETE', `/api/v1/accounts/${accountId}`, {
        token: holder.token,
        body: { soter: await forgedFor(holder, 'admin_delete') },
      });
      assert.equal(res.status, 204, 'deleting one’s own account is not guarded');
    });
  });

  describe('更换微信', () => {
    const startChange = (who: Member, accountId: string, password: string, soter?: unknown) =>
      server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
        token: who.token,
        body: { purpose: 'change_wechat', password, ...(soter === undefined ? {} : { soter }) },
      });
    const boundTo = async (accountId: string) =>
      (
        await rows<{ user_id: string }>(
          server,
          sql`select user_id from account_bindings where account_id = ${accountId}`,
        )
      )[0]?.user_id;

    it('should move the binding with a valid 面容 result, and the audit log says 面容', async () => {
      const { person, accountId } = await boundAccount();
      const newcomer = await member(server, world);
      const started = await startChange(
        newcomer,
        accountId,
        person.password,
        await proofFor(newcomer, 'change_wechat', 'facial'),
      );
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: newcomer.token,
        body: { code: await latestSmsCode(server, person.phone) },
      });
      assert.equal(done.body.step, 'done');
      assert.equal(await boundTo(accountId), newcomer.userId);
      const [entry] = await auditOf('change_wechat_start', newcomer);
      assert.equal(entry?.biometric, 'facial');
      // The log names the newcomer by the 姓名 of the account now bound to them, not as 租户成员.
      const log = await server.call('GET', `/api/v1/enterprises/${world.enterpriseId}/audit-log`, {
        token: admin.token,
      });
      const shown = log.body.entries.find((e: { action: string }) => e.action === 'change_wechat_start');
      assert.equal(shown?.actor.name, '张*丰');
    });

    it('should refuse a forged or replayed result before any bureau step', async () => {
      const { holder, person, accountId } = await boundAccount();
      const newcomer = await member(server, world);
      const forged = await startChange(
        newcomer,
        accountId,
        person.password,
        await forgedFor(newcomer, 'change_wechat'),
      );
      assert.equal(forged.status, 403);
      assert.equal(forged.body.error.code, 'soter_rejected');

      const proof = await proofFor(newcomer, 'change_wechat');
      const first = await startChange(newcomer, accountId, person.password, proof);
      assert.equal(first.status, 201);
      const replayed = await startChange(newcomer, accountId, person.password, proof);
      assert.equal(replayed.status, 403);
      assert.equal(replayed.body.error.code, 'soter_challenge_used');
      const flows = await rows(
        server,
        sql`select 1 from login_flows where user_id = ${newcomer.userId} and purpose = 'change_wechat'`,
      );
      assert.equal(flows.length, 1, 'only the genuine proof started a flow');
      assert.equal(await boundTo(accountId), holder.userId);
      assert.equal((await auditOf('change_wechat_start', newcomer)).length, 1);
    });

    it('should go on without biometrics, and the audit log says so', async () => {
      const { person, accountId } = await boundAccount();
      const newcomer = await member(server, world);
      const started = await startChange(newcomer, accountId, person.password, { unavailable: true });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      assert.equal((await auditOf('change_wechat_start', newcomer))[0]?.biometric, 'unavailable');
    });
  });

  describe('申请成为数电配置管理员', () => {
    const apply = async (who: Member, soter?: unknown) => {
      const finance = await bureauPerson(server, world.taxId, { role: '财务负责人' });
      const started = await server.call('POST', `/api/v1/enterprises/${world.enterpriseId}/admins/flows`, {
        token: who.token,
        body: { account: finance.phone, password: finance.password, ...(soter === undefined ? {} : { soter }) },
      });
      return { started, finance };
    };
    const isAdmin = async (who: Member) =>
      (await rows(server, sql`select 1 from enterprise_admins where user_id = ${who.userId}`)).length === 1;

    it('should make an admin with a valid signature, and refuse a forged one', async () => {
      const forger = await member(server, world);
      const { started: refused } = await apply(forger, await forgedFor(forger, 'become_admin'));
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'soter_rejected');
      assert.equal((await auditOf('admin_apply_start', forger)).length, 0);

      const applicant = await member(server, world);
      const { started, finance } = await apply(applicant, await proofFor(applicant, 'become_admin'));
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: applicant.token,
        body: { code: await latestSmsCode(server, finance.phone) },
      });
      assert.equal(done.body.step, 'done');
      assert.equal(await isAdmin(applicant), true);
      assert.equal((await auditOf('admin_apply_start', applicant))[0]?.biometric, 'fingerPrint');
    });

    it('should go on without biometrics, and the audit log says so', async () => {
      const applicant = await member(server, world);
      const { started } = await apply(applicant);
      assert.equal(started.status, 201, JSON.stringify(started.body));
      assert.equal((await auditOf('admin_apply_start', applicant))[0]?.biometric, 'unavailable');
    });
  });

  describe('重置税局密码', () => {
    const reset = (who: Member, accountId: string, idNumber: string, soter?: unknown) =>
      server.call('POST', `/api/v1/accounts/${accountId}/password-resets`, {
        token: who.token,
        body: { idType: '居民身份证', idNumber, ...(soter === undefined ? {} : { soter }) },
      });
    const changesOf = async (who: Member) =>
      (await rows(server, sql`select 1 from password_changes where user_id = ${who.userId}`)).length;

    it('should start with a valid signature, refuse a forged or replayed one, go on without biometrics', async () => {
      const { holder, person, accountId } = await boundAccount();
      const forged = await reset(holder, accountId, person.idNumber, await forgedFor(holder, 'reset_password'));
      assert.equal(forged.status, 403);
      assert.equal(await changesOf(holder), 0, 'nothing started');

      const proof = await proofFor(holder, 'reset_password');
      const genuine = await reset(holder, accountId, person.idNumber, proof);
      assert.equal(genuine.status, 201, JSON.stringify(genuine.body));
      assert.equal(await changesOf(holder), 1);
      const replayed = await reset(holder, accountId, person.idNumber, proof);
      assert.equal(replayed.status, 403);
      assert.equal(replayed.body.error.code, 'soter_challenge_used');
      assert.equal(await changesOf(holder), 1);

      const without = await reset(holder, accountId, person.idNumber, { unavailable: true });
      assert.equal(without.status, 201);
      const modes = (await auditOf('password_reset_start', holder)).map((r) => r.biometric).sort();
      assert.deepEqual(modes, ['fingerPrint', 'unavailable']);
    });
  });

  it('should refuse a challenge for an act it does not guard, in Chinese', async () => {
    const res = await server.call('POST', '/api/v1/soter/challenges', { token: admin.token, body: { act: 'login' } });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /请选择需要验证的操作/);
  });
});
