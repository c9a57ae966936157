/**
 * The document tells the truth: the main flows of the app and operator APIs are walked against the
 * real server and sandboxes, and every success answer is checked against the schema /openapi.json
 * gives for that operation and status (extra fields included: the answer schemas are closed). The
 * walk reaches every operation: a new one must join it.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { suiteServer } from '../support/server';
import { answerChecker, operationsOf, type Operation } from '../support/openapi';
import {
  addAccount,
  anotherEnterprise,
  bindTo,
  bureauPerson,
  confirmTicket,
  latestSmsCode,
  member,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
} from '../support/etax';
import { accept, ask, boundAccount, finishBySms, tokenOf } from '../support/requests';
import { addHostedAccount, lockByWrongPassword, whileStoringFails } from '../support/passwords';

interface Answer {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

describe('#openapi.answers', () => {
  const server = suiteServer();
  const answers: Answer[] = [];

  before(async () => {
    // Every call of the walk (the support helpers' too) is recorded with its answer.
    const call = server.call;
    server.call = async (method, path, opts) => {
      const res = await call(method, path, opts);
      answers.push({ method, path, status: res.status, body: res.body });
      return res;
    };
    server.ops = (method, path, body) => server.call(method, path, { body, token: server.opsToken });
  });

  /** Asserts the status (so the walk goes where it means to) and returns the body. */
  const expect = async (status: number, res: Promise<{ status: number; body: unknown }>) => {
    const r = await res;
    assert.equal(r.status, status, JSON.stringify(r.body));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return r.body as any;
  };
  const as = (who: Member) => (method: string, path: string, body?: unknown) =>
    server.call(method, path, { token: who.token, body });
  const sms = (person: BureauPerson) => latestSmsCode(server, person.phone);

  it('should walk tenants, accounts and their flows', async () => {
    const world = await tenantWithEnterprise(server);
    const alice = await member(server, world);
    const call = as(alice);
    await expect(200, call('GET', '/api/v1/me/tenants'));

    // 新增账号 through 实名 and the agreement, with a resent code.
    const person = await bureauPerson(server, world.taxId, { realNameLevel: 2, agreementSigned: false });
    await expect(
      200,
      call('POST', `/api/v1/enterprises/${world.enterpriseId}/accounts/lookup`, { account: person.phone }),
    );
    const started = await expect(
      201,
      call('POST', `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`, {
        business: 'issue',
        account: person.phone,
        password: person.password,
        role: '办税员',
        loginType: 'manual',
      }),
    );
    await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 2 * 60_000 } });
    await expect(200, call('POST', `/api/v1/flows/${started.flowId}/sms/resend`));
    await expect(200, call('GET', `/api/v1/flows/${started.flowId}`));
    let state = await expect(200, call('POST', `/api/v1/flows/${started.flowId}/sms`, { code: await sms(person) }));
    for (let i = 0; i < 3 && state.step !== 'done'; i++) {
      if (state.step === 'real_name')
        state = await expect(200, call('POST', `/api/v1/flows/${started.flowId}/real-name`, { confirm: true }));
      else if (state.step === 'agreement')
        state = await expect(200, call('POST', `/api/v1/flows/${started.flowId}/agreement`, { sign: true }));
    }
    assert.equal(state.step, 'done', JSON.stringify(state));
    const accountId = state.accountId as string;

    await expect(200, call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`));
    await expect(200, call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts?limit=1`));
    await expect(200, call('GET', `/api/v1/accounts/${accountId}`));
    await bindTo(server, alice, accountId, [server.config.WECHAT_LOGIN_TEMPLATE_ID]);
    await accept(server, alice, 1);
    await expect(200, call('GET', '/api/v1/me/subscriptions'));
    await expect(200, call('PUT', `/api/v1/accounts/${accountId}/defaults`, { channels: ['issue', 'receive'] }));

    // 登录 by QR (refreshed for the other app, then left), and 认证.
    const qr = await expect(
      201,
      call('POST', `/api/v1/accounts/${accountId}/flows`, { purpose: 'login', channel: 'receive', method: 'qr' }),
    );
    await expect(200, call('POST', `/api/v1/flows/${qr.flowId}/qr`, { app: 'iit' }));
    await expect(204, call('DELETE', `/api/v1/flows/${qr.flowId}`));
    const auth = await expect(201, call('POST', `/api/v1/accounts/${accountId}/flows`, { purpose: 'auth' }));
    await confirmTicket(server, person.idNumber, 'auth');
    await expect(200, call('GET', `/api/v1/flows/${auth.flowId}`));
    await expect(200, call('GET', '/api/v1/me/recent-logins'));
    await expect(200, call('GET', `/api/v1/enterprises/${world.enterpriseId}/accounts`));

    // The operator's view and asks: ready now for 开票.
    await expect(200, server.ops('GET', `/ops/v1/enterprises/${world.taxId}/sessions`));
    await expect(200, ask(server, { taxId: world.taxId, channel: 'issue', account: person.phone }));

    // 已锁定 → 解锁; 解绑 one and all; 删除.
    const hostedPerson = await bureauPerson(server, world.taxId, { hostedBy: 'qixiangyun' });
    const hosted = await addHostedAccount(server, alice.token, world.enterpriseId, hostedPerson);
    await lockByWrongPassword(server, alice.token, hosted, hostedPerson);
    await expect(200, call('POST', `/api/v1/accounts/${hosted}/unlock`));
    await expect(200, call('DELETE', `/api/v1/accounts/${accountId}/binding`));
    await bindTo(server, alice, accountId);
    await expect(204, call('DELETE', `/api/v1/enterprises/${world.enterpriseId}/bindings`));
    await expect(204, call('DELETE', `/api/v1/accounts/${accountId}`));
    await expect(204, call('DELETE', `/api/v1/me/tenants/${world.tenantId}`));
    await expect(204, call('POST', '/api/v1/auth/logout'));
  });

  it('should walk 登录通知, the browser link, webhooks and tax sessions', async () => {
    const hook = { url: 'https://invoice.example.com/hooks/fapiaoyun', secret: 'webhook-secret-0123456789' };
    const bound = await boundAccount(server, { credits: 1 });
    await expect(200, server.ops('PUT', `/ops/v1/tenants/${bound.world.tenantId}/webhook`, hook));
    await expect(200, server.ops('GET', `/ops/v1/tenants/${bound.world.tenantId}/webhook`));
    await expect(204, server.ops('DELETE', `/ops/v1/tenants/${bound.world.tenantId}/webhook`));

    const asked = await expect(
      202,
      ask(server, { taxId: bound.world.taxId, channel: 'receive', account: bound.person.phone }),
    );
    await expect(200, server.ops('GET', `/ops/v1/tax-sessions/${asked.requestId}`));
    const call = as(bound.alice);
    await expect(200, call('GET', '/api/v1/login-requests'));
    await expect(200, call('GET', `/api/v1/login-requests/${asked.requestId}`));
    await finishBySms(server, bound.alice, asked.requestId, bound.person.phone);

    // An unbound account: the browser link, through 实名 and the agreement, with a resent code and a QR.
    const unbound = await boundAccount(server, { bound: false });
    const patched = await server.call('PATCH', `/sandbox/etax/control/persons/${unbound.person.idNumber}`, {
      body: { realNameLevel: 2, agreementSigned: false },
    });
    assert.equal(patched.status, 200);
    const byLink = await expect(
      202,
      ask(server, { taxId: unbound.world.taxId, channel: 'receive', account: unbound.person.phone }),
    );
    const link = `/api/v1/link/${tokenOf(byLink.loginUrl)}`;
    await expect(200, server.call('GET', link));
    const flow = await expect(201, server.call('POST', `${link}/flows`, { body: { method: 'password' } }));
    const qr = await expect(
      201,
      server.call('POST', `${link}/flows`, { body: { method: 'qr', afterFlowId: flow.flowId } }),
    );
    await expect(200, server.call('POST', `${link}/flows/${qr.flowId}/qr`, { body: { app: 'iit' } }));
    await expect(204, server.call('DELETE', `${link}/flows/${qr.flowId}`));
    await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 2 * 60_000 } });
    await expect(200, server.call('POST', `${link}/flows/${flow.flowId}/sms/resend`));
    await expect(200, server.call('GET', `${link}/flows/${flow.flowId}`));
    let state = await expect(
      200,
      server.call('POST', `${link}/flows/${flow.flowId}/sms`, { body: { code: await sms(unbound.person) } }),
    );
    for (let i = 0; i < 3 && state.step !== 'done'; i++) {
      if (state.step === 'real_name')
        state = await expect(
          200,
          server.call('POST', `${link}/flows/${flow.flowId}/real-name`, { body: { confirm: true } }),
        );
      else if (state.step === 'agreement')
        state = await expect(
          200,
          server.call('POST', `${link}/flows/${flow.flowId}/agreement`, { body: { sign: true } }),
        );
    }
    assert.equal(state.step, 'done', JSON.stringify(state));
    await expect(200, server.call('GET', `${link}?flow=${flow.flowId}`));
  });

  it('should walk 数电配置管理员, the SOTER challenge and 修改密码', async () => {
    const world = await tenantWithEnterprise(server);
    const boss = await member(server, world);
    const call = as(boss);
    const legal = await bureauPerson(server, world.taxId, { role: '法定代表人' });
    await expect(201, call('POST', '/api/v1/soter/challenges', { act: 'become_admin' }));
    const applied = await expect(
      201,
      call('POST', `/api/v1/enterprises/${world.enterpriseId}/admins/flows`, {
        account: legal.phone,
        password: legal.password,
        soter: { unavailable: true },
      }),
    );
    const done = await expect(200, call('POST', `/api/v1/flows/${applied.flowId}/sms`, { code: await sms(legal) }));
    assert.equal(done.step, 'done', JSON.stringify(done));
    await expect(200, call('GET', `/api/v1/enterprises/${world.enterpriseId}/admins`));

    // Someone else's bound account, deleted by the admin: an audit-log entry.
    const other = await member(server, world);
    const theirs = await addAccount(server, other.token, world.enterpriseId, await bureauPerson(server, world.taxId));
    await bindTo(server, other, theirs);
    await expect(204, server.call('DELETE', `/api/v1/accounts/${theirs}`, { token: boss.token, body: {} }));
    await expect(200, call('GET', `/api/v1/enterprises/${world.enterpriseId}/audit-log`));
    await expect(204, call('DELETE', `/api/v1/enterprises/${world.enterpriseId}/admins/me`));

    // 重置税局密码: 证件 → 获取验证码 → code → 新密码; a related account whose update failed, retried.
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, boss.token, world.enterpriseId, person);
    const second = await anotherEnterprise(server, world);
    await server.call('POST', '/sandbox/etax/control/relations', {
      body: { taxId: second.taxId, idNumber: person.idNumber, role: '办税员', permissions: ['issue'] },
    });
    const related = await addAccount(server, boss.token, second.enterpriseId, person);
    const reset = await expect(
      201,
      call('POST', `/api/v1/accounts/${accountId}/password-resets`, {
        idType: '居民身份证',
        idNumber: person.idNumber,
        soter: { unavailable: true },
      }),
    );
    await expect(200, call('POST', `/api/v1/password-changes/${reset.changeId}/sms/send`));
    await expect(200, call('POST', `/api/v1/password-changes/${reset.changeId}/sms`, { code: await sms(person) }));
    const updated = await whileStoringFails(server, related, async () => {
      let s = await expect(
        200,
        call('POST', `/api/v1/password-changes/${reset.changeId}/password`, {
          newPassword: 'Renewed#2026',
          confirmPassword: 'Renewed#2026',
        }),
      );
      for (let i = 0; i < 50 && s.step === 'updating'; i++)
        s = await expect(200, call('GET', `/api/v1/password-changes/${reset.changeId}`));
      return s;
    });
    assert.equal(updated.step, 'done', JSON.stringify(updated));
    await expect(200, call('GET', `/api/v1/password-changes/${reset.changeId}`));
    await expect(200, call('POST', `/api/v1/password-changes/${reset.changeId}/items/${related}/retry`));

    // 已在税局修改，仅更新发票云.
    await expect(201, call('POST', `/api/v1/accounts/${accountId}/password`, { password: 'Renewed#2026' }));

    // 扫脸验证 where the region's 忘记密码 has no SMS.
    const region = `无短信${Date.now() % 100000}`;
    await expect(
      201,
      server.call('POST', '/sandbox/etax/control/regions', { body: { region, smsPasswordReset: false } }),
    );
    const faceWorld = await tenantWithEnterprise(server, { region });
    const carol = await member(server, faceWorld);
    const hostedPerson = await bureauPerson(server, faceWorld.taxId, { hostedBy: 'huameng' });
    const hosted = await addHostedAccount(server, carol.token, faceWorld.enterpriseId, hostedPerson, {
      loginType: 'huameng',
    });
    const faceReset = await expect(
      201,
      as(carol)('POST', `/api/v1/accounts/${hosted}/password-resets`, {
        idType: '居民身份证',
        idNumber: hostedPerson.idNumber,
      }),
    );
    await expect(200, as(carol)('POST', `/api/v1/password-changes/${faceReset.changeId}/face`));
  });

  it('should have answered every walked call as the document says, reaching every operation', async () => {
    const doc = (await server.call('GET', '/openapi.json')).body;
    const { operationFor, problems } = answerChecker(doc);
    const reached = new Set<string>();
    const wrong: string[] = [];
    for (const a of answers) {
      if (!/^\/(api|ops)\/v1\//.test(a.path) || a.status >= 300) continue;
      const operation = operationFor(a.method, a.path);
      if (!operation) {
        wrong.push(`${a.method} ${a.path}: no operation in the document`);
        continue;
      }
      reached.add(operation.operationId);
      for (const p of problems(operation, a.status, a.body)) wrong.push(`${operation.operationId} ${a.status}: ${p}`);
    }
    assert.deepEqual(wrong, []);
    const missed = operationsOf(doc)
      .filter((o: Operation) => !reached.has(o.operationId))
      .map((o) => `${o.operationId} (${o.method.toUpperCase()} ${o.path})`);
    assert.deepEqual(missed, [], 'operations the walk never reached');
  });
});
