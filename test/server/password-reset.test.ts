/**
 * 重置税局密码 (F12) through the e-tax sandbox: 证件 → 获取验证码 (filled in by itself for hosted
 * numbers) → 新密码 → 更新关联账号, the same person's accounts across 税号 of the tenant updated one
 * by one, locks lifted, a failing item retried; the refusals that change nothing.
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
  relate,
  rows,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from '../support/etax';
import { makeIdNumber } from '../support/factories';
import { residentIdCheckChar } from '../../types/validators';
import {
  addHostedAccount,
  lockByWrongPassword,
  namedPerson,
  storedAccounts,
  storedPassword,
  tablesContaining,
  whileStoringFails,
} from '../support/passwords';

const NEW_PASSWORD = 'Reset#2027ab';

describe('#passwords.reset (F12)', () => {
  const server = suiteServer();
  let world: World;
  let alice: Member;

  before(async () => {
    world = await tenantWithEnterprise(server);
    alice = await member(server, world);
  });

  /** alice joins another tenant of the test's own. */
  const join = async (w: World) => {
    const joined = await server.call('POST', '/api/v1/me/tenants', {
      token: alice.token,
      body: { activationCode: w.activationCode },
    });
    assert.equal(joined.status, 201);
  };
  const call = (method: string, path: string, body?: unknown, who = alice) =>
    server.call(method, path, { token: who.token, body });
  const startReset = (accountId: string, person: BureauPerson, who = alice) =>
    call(
      'POST',
      `/api/v1/accounts/${accountId}/password-resets`,
      { idType: '居民身份证', idNumber: person.idNumber },
      who,
    );
  /** 证件 → 获取验证码 → the code from the phone → 下一步: the change at step 'password'. */
  const upToNewPassword = async (accountId: string, person: BureauPerson) => {
    const started = await startReset(accountId, person);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const sent = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`);
    assert.equal(sent.body.step, 'sms', JSON.stringify(sent.body));
    const next = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms`, {
      code: await latestSmsCode(server, person.phone),
    });
    assert.equal(next.body.step, 'password', JSON.stringify(next.body));
    return started.body.changeId as string;
  };
  const setPassword = (changeId: string, newPassword = NEW_PASSWORD, confirmPassword = newPassword) =>
    call('POST', `/api/v1/password-changes/${changeId}/password`, { newPassword, confirmPassword });
  /** The login of an account with its stored password gets past the password (SMS or hosted step). */
  const storedPasswordWorks = async (accountId: string, who = alice) => {
    const res = await call('POST', `/api/v1/accounts/${accountId}/flows`, { purpose: 'login', channel: 'issue' }, who);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.ok(['sms', 'hosted_wait'].includes(res.body.step), res.body.step);
    await call('DELETE', `/api/v1/flows/${res.body.flowId}`, undefined, who);
  };

  it('should reset through a hosted number and update the person’s three accounts across two 税号, unlocking one', async () => {
    const world = await tenantWithEnterprise(server);
    const alice = await member(server, world);
    const call = (method: string, path: string, body?: unknown) =>
      server.call(method, path, { token: alice.token, body });
    const second = await anotherEnterprise(server, world);
    // One natural person, 办税员 of two enterprises of the tenant, with a hosted phone.
    const person = await bureauPerson(server, world.taxId, { hostedBy: 'qixiangyun' });
    await relate(server, second.taxId, person.idNumber, '办税员', ['issue', 'receive']);
    const byPhone = await addAccount(server, alice.token, world.enterpriseId, person);
    const byIdNumber = await addAccount(server, alice.token, world.enterpriseId, person, { account: person.idNumber });
    const hosted = await addHostedAccount(server, alice.token, second.enterpriseId, person);
    // Not related: another person in the tenant, and the same person in another tenant.
    const stranger = await addAccount(server, alice.token, world.enterpriseId, await namedPerson(server, world.taxId));
    const elsewhere = await tenantWithEnterprise(server);
    await relate(server, elsewhere.taxId, person.idNumber, '办税员', ['issue']);
    const outsider = await member(server, elsewhere);
    const otherTenant = await addAccount(server, outsider.token, elsewhere.enterpriseId, person);

    await lockByWrongPassword(server, alice.token, hosted, person);
    const before = await storedAccounts(server, [byPhone, byIdNumber, hosted, stranger, otherTenant]);

    const started = await startReset(hosted, person, alice);
    assert.equal(started.status, 201);
    assert.equal(started.body.kind, 'reset');
    assert.equal(started.body.step, 'sms');
    assert.deepEqual(started.body.sms, { hosted: true, filled: false });
    assert.deepEqual(started.body.items, []);

    // 获取验证码: the provider hands the code over and the server submits it itself.
    let state = (await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`)).body;
    for (let i = 0; i < 5 && state.step === 'sms'; i++) {
      state = (await call('GET', `/api/v1/password-changes/${started.body.changeId}`)).body;
    }
    assert.equal(state.step, 'password', JSON.stringify(state));
    assert.equal(state.sms.filled, true);
    assert.equal(state.sms.maskedPhone, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);

    const done = await call('POST', `/api/v1/password-changes/${started.body.changeId}/password`, {
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.step, 'done');
    // The current account first, then by enterprise and account.
    assert.deepEqual(
      done.body.items.map((i: { accountId: string; state: string; current: boolean }) => [
        i.accountId,
        i.state,
        i.current,
      ]),
      [
        [hosted, 'done', true],
        [byPhone, 'done', false],
        [byIdNumber, 'done', false],
      ],
    );
    const item = done.body.items.find((i: { accountId: string }) => i.accountId === byIdNumber);
    assert.equal(item.enterpriseName, world.enterpriseName);
    assert.equal(item.taxId, world.taxId);
    assert.equal(item.maskedAccount, `${person.idNumber.slice(0, 4)}****${person.idNumber.slice(-4)}`);

    const after = await storedAccounts(server, [byPhone, byIdNumber, hosted, stranger, otherTenant]);
    for (const id of [byPhone, byIdNumber, hosted]) {
      assert.notEqual(after[id].password_enc, before[id].password_enc);
      assert.equal(storedPassword(server, after[id]), NEW_PASSWORD);
      assert.equal(after[id].locked_at, null);
    }
    assert.equal(before[hosted].lock_reason, '密码错误');
    assert.equal(after[hosted].lock_reason, null);
    assert.equal(after[hosted].locked_by_password, false);
    assert.equal(after[stranger].password_enc, before[stranger].password_enc, 'another person is untouched');
    assert.equal(after[otherTenant].password_enc, before[otherTenant].password_enc, 'another tenant is untouched');

    const detail = (await call('GET', `/api/v1/accounts/${hosted}`)).body;
    assert.equal(detail.locked, undefined);
    for (const id of [byPhone, byIdNumber, hosted]) await storedPasswordWorks(id, alice);

    // The new password is kept only until every account has it, and never in clear anywhere.
    const [change] = await rows<{ password_enc: string | null; id_number_enc: string | null }>(
      server,
      sql`select password_enc, id_number_enc from password_changes where id = ${started.body.changeId}`,
    );
    assert.deepEqual(change, { password_enc: null, id_number_enc: null });
    assert.deepEqual(await tablesContaining(server, NEW_PASSWORD), []);
    // The 证件号码 typed is kept (encrypted) only until the code is sent.
    assert.ok(!(await tablesContaining(server, person.idNumber)).includes('public.password_changes'));
    const polled = await call('GET', `/api/v1/password-changes/${started.body.changeId}`);
    assert.ok(!JSON.stringify(polled.body).includes(NEW_PASSWORD));
    assert.equal(polled.body.step, 'done');
  });

  it('should send the code to the person’s phone, refuse a resend too soon and a wrong code, then go on', async () => {
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
    const started = await startReset(accountId, person);
    assert.deepEqual(started.body.sms, { hosted: false, filled: false });
    const early = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms`, { code: '123456' });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'code_not_sent');

    const sent = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`);
    assert.equal(sent.status, 200);
    assert.equal(sent.body.sms.maskedPhone, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
    assert.ok(Date.parse(sent.body.sms.resendAt) > Date.now() + 30_000, 'resend after the countdown');
    const sms = (await server.call('GET', `/sandbox/etax/control/sms?phone=${person.phone}`)).body;
    assert.equal(sms[0].purpose, 'reset_password');

    const again = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`);
    assert.equal(again.status, 429);
    assert.equal(again.body.error.code, 'etax_resend_too_soon');
    assert.match(again.body.error.message, /短信验证码发送过于频繁/);

    const code = await latestSmsCode(server, person.phone);
    const wrong = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms`, {
      code: code === '000000' ? '111111' : '000000',
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'etax_sms_code_wrong');
    assert.equal((await call('GET', `/api/v1/password-changes/${started.body.changeId}`)).body.step, 'sms');

    // After the countdown a new code replaces the old one.
    await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });
    assert.equal((await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`)).status, 200);
    const next = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms`, {
      code: await latestSmsCode(server, person.phone),
    });
    assert.equal(next.body.step, 'password');
    assert.equal(next.body.sms.filled, false);
  });

  it('should refuse a weak password and a mismatch with nothing changed, then take a good one', async () => {
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
    const changeId = await upToNewPassword(accountId, person);
    const before = await storedAccounts(server, [accountId]);

    const cases: [string, string, string][] = [
      ['abc12', 'abc12', '密码长度须为8-16位'],
      ['abcdefghij', 'abcdefghij', '密码须包含数字、字母、特殊字符中的至少两种'],
      ['abcd 1234', 'abcd 1234', '密码只能包含数字、字母和特殊字符 .@$%*#_+-&^'],
      ['Good#2027x', 'Good#2027y', '两次输入的密码不一致'],
      ['Good#2027x', '', '请再次输入新密码'],
    ];
    for (const [newPassword, confirmPassword, message] of cases) {
      const res = await setPassword(changeId, newPassword, confirmPassword);
      assert.equal(res.status, 400, newPassword);
      assert.equal(res.body.error.code, 'validation_error');
      assert.equal(res.body.error.message, message);
    }
    assert.equal((await call('GET', `/api/v1/password-changes/${changeId}`)).body.step, 'password');
    assert.deepEqual(await storedAccounts(server, [accountId]), before);
    // The bureau still has the old password.
    await storedPasswordWorks(accountId);

    const done = await setPassword(changeId, 'Good#2027x');
    assert.equal(done.body.step, 'done');
    assert.equal(storedPassword(server, (await storedAccounts(server, [accountId]))[accountId]), 'Good#2027x');
    await storedPasswordWorks(accountId);
    const twice = await setPassword(changeId, 'Other#2027x');
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'wrong_step');
  });

  it('should validate the 证件号码 and refuse one that is not the holder’s, creating nothing', async () => {
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
    const first17 = person.idNumber.slice(0, 17);
    const wrongCheck = first17 + (person.idNumber[17] === '0' ? '1' : '0');
    const badDate = `${first17.slice(0, 10)}1332${first17.slice(14)}`;
    const badDateNumber = badDate + residentIdCheckChar(badDate);
    const cases: [unknown, string][] = [
      [{ idType: '居民身份证', idNumber: '' }, '请输入证件号码'],
      [{ idType: '居民身份证', idNumber: '12345' }, '身份证号码须为18位，前17位为数字，最后一位为数字或X'],
      [{ idType: '居民身份证', idNumber: wrongCheck }, '身份证号码校验位不正确，请核对后重新输入'],
      [{ idType: '居民身份证', idNumber: badDateNumber }, '身份证号码中的出生日期不正确，请核对后重新输入'],
      [{ idType: '身份证', idNumber: person.idNumber }, '请选择证件类型'],
      [{ idType: '中国护照', idNumber: 'E12-345' }, '证件号码格式不正确，请核对后重新输入'],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', `/api/v1/accounts/${accountId}/password-resets`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.message, message);
    }
    for (const body of [
      { idType: '居民身份证', idNumber: makeIdNumber() },
      { idType: '中国护照', idNumber: 'E12345678' },
    ]) {
      const res = await call('POST', `/api/v1/accounts/${accountId}/password-resets`, body);
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'id_mismatch');
      assert.equal(res.body.error.message, '证件信息与该账号的实名信息不一致，请核对后重新输入');
    }
    const [count] = await rows<{ n: number }>(
      server,
      sql`select count(*)::int as n from password_changes where account_id = ${accountId}`,
    );
    assert.equal(Number(count.n), 0);
    // Spaces and a lower-case x are forgiven.
    const spaced = `${person.idNumber.slice(0, 6)} ${person.idNumber.slice(6).toLowerCase()}`;
    const ok = await call('POST', `/api/v1/accounts/${accountId}/password-resets`, {
      idType: '居民身份证',
      idNumber: spaced,
    });
    assert.equal(ok.status, 201);
  });

  it('should show a failing related account, keep the others done, and update it on retry', async () => {
    const world = await tenantWithEnterprise(server);
    await join(world);
    const second = await anotherEnterprise(server, world);
    const person = await bureauPerson(server, world.taxId);
    await relate(server, second.taxId, person.idNumber, '办税员', ['issue']);
    const first = await addAccount(server, alice.token, world.enterpriseId, person);
    const related = await addAccount(server, alice.token, second.enterpriseId, person);
    const changeId = await upToNewPassword(first, person);
    const before = await storedAccounts(server, [related]);

    // The database refuses to store this one account's password.
    const done = await whileStoringFails(server, related, () => setPassword(changeId));
    assert.equal(done.body.step, 'done', 'every item was tried');
    const states = Object.fromEntries(
      done.body.items.map((i: { accountId: string; state: string; error?: string }) => [
        i.accountId,
        [i.state, i.error],
      ]),
    );
    assert.deepEqual(states[first], ['done', undefined]);
    assert.deepEqual(states[related], ['failed', '保存失败，请点击重试']);
    assert.deepEqual(await storedAccounts(server, [related]), before, 'nothing half-written');
    assert.equal(storedPassword(server, (await storedAccounts(server, [first]))[first]), NEW_PASSWORD);

    const notFailed = await call('POST', `/api/v1/password-changes/${changeId}/items/${first}/retry`);
    assert.equal(notFailed.status, 409);
    assert.equal(notFailed.body.error.code, 'nothing_to_retry');

    const retried = await call('POST', `/api/v1/password-changes/${changeId}/items/${related}/retry`);
    assert.equal(retried.status, 200);
    assert.equal(retried.body.step, 'done');
    assert.ok(retried.body.items.every((i: { state: string }) => i.state === 'done'));
    assert.equal(storedPassword(server, (await storedAccounts(server, [related]))[related]), NEW_PASSWORD);
    await storedPasswordWorks(related);
  });

  it('should take up an item an instance left half-way when the progress page polls', async () => {
    const world = await tenantWithEnterprise(server);
    await join(world);
    const second = await anotherEnterprise(server, world);
    const person = await bureauPerson(server, world.taxId);
    await relate(server, second.taxId, person.idNumber, '办税员', ['issue']);
    const first = await addAccount(server, alice.token, world.enterpriseId, person);
    const related = await addAccount(server, alice.token, second.enterpriseId, person);
    const changeId = await upToNewPassword(first, person);
    await whileStoringFails(server, related, () => setPassword(changeId));
    // As if the instance updating it had stopped: 'updating' with its lease run out.
    await server.ctx.db.execute(
      sql`update password_change_items set state = 'updating', error = null, lease_until = now() - interval '1 second'
          where change_id = ${changeId} and account_id = ${related}`,
    );
    const polled = await call('GET', `/api/v1/password-changes/${changeId}`);
    assert.equal(polled.body.step, 'done');
    assert.ok(polled.body.items.every((i: { state: string }) => i.state === 'done'));
    assert.equal(storedPassword(server, (await storedAccounts(server, [related]))[related]), NEW_PASSWORD);
  });

  it('should say when a hosted number receives no code, and let 获取验证码 be pressed again', async () => {
    const person = await bureauPerson(server, world.taxId, { hostedBy: 'huameng' });
    const accountId = await addHostedAccount(server, alice.token, world.enterpriseId, person, { loginType: 'huameng' });
    // From now on the provider receives nothing.
    await server.call('POST', '/sandbox/etax/control/hosted-numbers', {
      body: { phone: person.phone, provider: 'huameng', deliver: false },
    });
    const started = await startReset(accountId, person);
    const sent = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`);
    assert.equal(sent.body.step, 'sms');
    assert.equal(sent.body.sms.filled, false);
    assert.equal((await call('GET', `/api/v1/password-changes/${started.body.changeId}`)).body.step, 'sms');
    await server.ctx.db.execute(
      sql`update password_changes set hosted_deadline = now() - interval '1 second' where id = ${started.body.changeId}`,
    );
    const timedOut = (await call('GET', `/api/v1/password-changes/${started.body.changeId}`)).body;
    assert.equal(timedOut.step, 'sms');
    assert.deepEqual(timedOut.error, { code: 'hosted_timeout', message: '托管号码未收到验证码，请重新获取验证码' });
    await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });
    const resent = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`);
    assert.equal(resent.status, 200);
    assert.equal(resent.body.error, undefined);
  });

  it('should end a change whose code steps ran out of time', async () => {
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
    const started = await startReset(accountId, person);
    await server.ctx.db.execute(
      sql`update password_changes set expires_at = now() - interval '1 second' where id = ${started.body.changeId}`,
    );
    const polled = (await call('GET', `/api/v1/password-changes/${started.body.changeId}`)).body;
    assert.equal(polled.step, 'failed');
    assert.equal(polled.error.code, 'change_closed');
    const [row] = await rows<{ id_number_enc: string | null }>(
      server,
      sql`select id_number_enc from password_changes where id = ${started.body.changeId}`,
    );
    assert.equal(row.id_number_enc, null, 'an ended change keeps no secret');
    const late = await call('POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`);
    assert.equal(late.status, 410);
  });

  it('should let only the bound user reset a bound account, and show nothing to others', async () => {
    const owner = await member(server, world);
    const other = await member(server, world);
    const person = await bureauPerson(server, world.taxId);
    const accountId = await addAccount(server, owner.token, world.enterpriseId, person);
    await bindTo(server, owner, accountId);
    const refused = await startReset(accountId, person, other);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.message, '该账号已绑定其他微信，仅绑定的微信用户可以修改密码');
    const outsider = await member(server, await tenantWithEnterprise(server));
    assert.equal((await startReset(accountId, person, outsider)).status, 404);

    const started = await startReset(accountId, person, owner);
    assert.equal(started.status, 201);
    for (const [method, path] of [
      ['GET', `/api/v1/password-changes/${started.body.changeId}`],
      ['POST', `/api/v1/password-changes/${started.body.changeId}/sms/send`],
      ['POST', `/api/v1/password-changes/${started.body.changeId}/items/${accountId}/retry`],
    ]) {
      assert.equal((await call(method, path, undefined, other)).status, 404, path);
    }
    assert.equal((await call('GET', '/api/v1/password-changes/not-a-uuid')).status, 400);
  });

  it('should check the holder by 扫脸 where the region offers no SMS (seed §3.6), also for hosted numbers', async () => {
    const region = `无短信${Date.now()}`;
    const off = await server.call('POST', '/sandbox/etax/control/regions', {
      body: { region, smsPasswordReset: false },
    });
    assert.equal(off.status, 201);
    const world = await tenantWithEnterprise(server, { region });
    const bob = await member(server, world);
    const call = (method: string, path: string, body?: unknown) =>
      server.call(method, path, { token: bob.token, body });
    const person = await bureauPerson(server, world.taxId, { hostedBy: 'huameng' });
    const accountId = await addHostedAccount(server, bob.token, world.enterpriseId, person, { loginType: 'huameng' });

    const started = await call('POST', `/api/v1/accounts/${accountId}/password-resets`, {
      idType: '居民身份证',
      idNumber: person.idNumber,
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.step, 'face');
    assert.equal(started.body.face, undefined);
    const changeId = started.body.changeId as string;
    // No SMS in this region: 获取验证码 does not fit the step.
    assert.equal((await call('POST', `/api/v1/password-changes/${changeId}/sms/send`)).status, 409);

    const faceStarted = await call('POST', `/api/v1/password-changes/${changeId}/face`);
    assert.equal(faceStarted.status, 200, JSON.stringify(faceStarted.body));
    assert.equal(faceStarted.body.step, 'face');
    assert.equal(faceStarted.body.face.state, 'pending');
    assert.equal(faceStarted.body.face.app, 'tax');
    assert.match(faceStarted.body.face.image, /^data:image\/png;base64,/);
    const tickets = async () =>
      (await server.call('GET', `/sandbox/etax/control/tickets?idNumber=${person.idNumber}`)).body as Array<{
        ticket: string;
        kind: string;
      }>;
    const [first] = await tickets();
    assert.equal(first.kind, 'auth');
    const sms = await server.call('GET', `/sandbox/etax/control/sms?phone=${person.phone}`);
    assert.deepEqual(
      sms.body.filter((m: { purpose: string }) => m.purpose === 'reset_password'),
      [],
      'no code was sent',
    );

    // The face does not match: the page says so and 重新验证 makes a new check.
    const failed = await server.call('POST', `/sandbox/etax/control/tickets/${first.ticket}/fail`, {
      body: { idNumber: person.idNumber },
    });
    assert.equal(failed.status, 200);
    const afterFail = await call('GET', `/api/v1/password-changes/${changeId}`);
    assert.equal(afterFail.body.step, 'face');
    assert.equal(afterFail.body.face.state, 'failed');
    assert.equal(afterFail.body.error.code, 'etax_face_failed');
    assert.match(afterFail.body.error.message, /人脸识别未通过/);
    const retried = await call('POST', `/api/v1/password-changes/${changeId}/face`);
    assert.equal(retried.body.face.state, 'pending');
    assert.equal(retried.body.error, undefined);
    const [second] = await tickets();
    assert.notEqual(second.ticket, first.ticket);

    // Not yet confirmed: still the face step. Confirmed on the phone: 新密码.
    assert.equal((await call('GET', `/api/v1/password-changes/${changeId}`)).body.step, 'face');
    const confirmed = await server.call('POST', `/sandbox/etax/control/tickets/${second.ticket}/confirm`, {
      body: { idNumber: person.idNumber },
    });
    assert.equal(confirmed.status, 200);
    const next = await call('GET', `/api/v1/password-changes/${changeId}`);
    assert.equal(next.body.step, 'password', JSON.stringify(next.body));
    assert.equal(next.body.face, undefined);
    const done = await call('POST', `/api/v1/password-changes/${changeId}/password`, {
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.ok(['updating', 'done'].includes(done.body.step), JSON.stringify(done.body));
    assert.equal(storedPassword(server, (await storedAccounts(server, [accountId]))[accountId]), NEW_PASSWORD);
  });
});
