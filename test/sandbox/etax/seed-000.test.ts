/**
 * Seed 000 (新疆税务 APP 登录认证 操作指引), rule by rule where the other suites do not already hold
 * it: each describe is named after the section it checks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MIN, expectEtaxError, expectStep, passwordLogin, startBureau, withPerson, type Bureau } from './helpers';

let b: Bureau;
before(async () => {
  b = await startBureau();
});
after(() => b.close());

let seq = 0;
const userName = () => `user${Date.now().toString(36)}${++seq}`;

/** A face check confirmed (or failed) on the holder's phone, then the next step of the login. */
async function face(flowId: string, ticket: string, idNumber: string, action: 'confirm' | 'fail' = 'confirm') {
  assert.equal((await b.post(`/tickets/${ticket}/${action}`, { idNumber })).status, 200);
  return b.gateway.pollLogin(flowId);
}

describe('§3.1 用户注册', () => {
  it('should register only through the control API: the bureau API has no registration', async () => {
    const res = await fetch(`${b.origin}/sandbox/etax/api/persons`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(res.status, 404);
  });

  it('should give a registered (face-registered) person 实名等级 4 and a signed agreement by default', async () => {
    const { enterprise, person } = await withPerson(b);
    const view = await fetch(`${b.control}/persons/${person.idNumber}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await view.json()) as { realNameLevel: number; agreementSigned: boolean };
    assert.equal(body.realNameLevel, 4);
    assert.equal(body.agreementSigned, true);
    // So the login goes straight through: no real-name screen, no agreement.
    await passwordLogin(b, person, enterprise.taxId);
  });
});

describe('§3.2 用户登录', () => {
  it('密码登录: 用户名 + 密码, then the SMS code', async () => {
    const name = userName();
    const { enterprise, person } = await withPerson(b, { userName: name });
    const sms = expectStep(
      await b.gateway.startLogin({
        account: name,
        password: person.password,
        taxId: enterprise.taxId,
        channel: 'issue',
      }),
      'sms_sent',
    );
    expectStep(await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)), 'logged_in');
  });

  it('短信登录: the 用户名 names the person, the code goes to their bound phone, then 扫脸', async () => {
    const name = userName();
    const { enterprise, person } = await withPerson(b, { userName: name });
    const sms = expectStep(
      await b.gateway.startSmsLogin({ account: name, taxId: enterprise.taxId, channel: 'issue' }),
      'sms_sent',
    );
    assert.equal(sms.maskedPhone, `${person.phone.slice(0, 3)}****${person.phone.slice(7)}`);
    await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, '000000'), 'sms_code_wrong');
    const faceStep = expectStep(
      await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)),
      'needs_face',
    );
    expectStep(await face(faceStep.flowId, faceStep.qr.ticket, person.idNumber), 'logged_in');
  });

  it('扫脸登录: 用户名 → face; the first login asks the password after the face, later ones do not', async () => {
    const name = userName();
    const { enterprise, person } = await withPerson(b, { userName: name });
    const first = expectStep(
      await b.gateway.startFaceLogin({ account: name, taxId: enterprise.taxId, channel: 'issue' }),
      'needs_face',
    );
    assert.deepEqual(
      (await b.get(`/tickets?idNumber=${person.idNumber}`)).body.map((t: { kind: string; canFail: boolean }) => [
        t.kind,
        t.canFail,
      ]),
      [['auth', true]],
    );
    const password = expectStep(await face(first.flowId, first.qr.ticket, person.idNumber), 'needs_password');
    assert.match(password.message, /首次登录/);
    // A wrong password counts like at a password login.
    const wrong = await expectEtaxError(b.gateway.submitLoginPassword(first.flowId, 'Wrong1234'), 'wrong_password');
    assert.equal(wrong.attemptsLeft, 4);
    const done = expectStep(await b.gateway.submitLoginPassword(first.flowId, person.password), 'logged_in');
    assert.equal(done.session.taxId, enterprise.taxId);

    const again = expectStep(
      await b.gateway.startFaceLogin({ account: person.idNumber, taxId: enterprise.taxId, channel: 'issue' }),
      'needs_face',
    );
    expectStep(await face(again.flowId, again.qr.ticket, person.idNumber), 'logged_in');
  });

  it('扫脸登录 of someone who logged in before by password asks no password', async () => {
    const name = userName();
    const { enterprise, person } = await withPerson(b, { userName: name });
    await passwordLogin(b, person, enterprise.taxId);
    const step = expectStep(
      await b.gateway.startFaceLogin({ account: name, taxId: enterprise.taxId, channel: 'receive' }),
      'needs_face',
    );
    expectStep(await face(step.flowId, step.qr.ticket, person.idNumber), 'logged_in');
  });

  it('should refuse a face login of a locked person, and an unknown 用户名', async () => {
    const { enterprise, person } = await withPerson(b, { userName: userName() });
    for (let i = 0; i < 5; i++) {
      await b.gateway
        .startLogin({ account: person.idNumber, password: 'Wrong1234', taxId: enterprise.taxId, channel: 'issue' })
        .catch(() => undefined);
    }
    await expectEtaxError(
      b.gateway.startFaceLogin({ account: person.idNumber, taxId: enterprise.taxId, channel: 'issue' }),
      'locked',
    );
    await expectEtaxError(
      b.gateway.startFaceLogin({ account: 'no-such-user', taxId: enterprise.taxId, channel: 'issue' }),
      'not_found',
    );
  });
});

describe('§4.1 用户登录', () => {
  it('密码登录: 纳税人识别号 + 用户名 + 密码, then the SMS code', async () => {
    const name = userName();
    const { enterprise, person } = await withPerson(b, { userName: name }, '办税员');
    const sms = expectStep(
      await b.gateway.startLogin({
        account: name,
        password: person.password,
        taxId: enterprise.taxId,
        channel: 'issue',
      }),
      'sms_sent',
    );
    const done = expectStep(await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)), 'logged_in');
    assert.equal(done.session.role, '办税员');
  });

  it('人脸登录 and 短信登录: 用户名 + SMS code, then 扫脸, then the login', async () => {
    const name = userName();
    const { enterprise, person } = await withPerson(b, { userName: name });
    for (const channel of ['issue', 'receive'] as const) {
      const sms = expectStep(
        await b.gateway.startSmsLogin({ account: name, taxId: enterprise.taxId, channel }),
        'sms_sent',
      );
      const step = expectStep(
        await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)),
        'needs_face',
      );
      const pending = expectStep(await b.gateway.pollLogin(step.flowId), 'needs_face');
      assert.equal(pending.qr.state, 'pending');
      const done = expectStep(await face(step.flowId, step.qr.ticket, person.idNumber), 'logged_in');
      assert.equal(done.session.channel, channel);
    }
  });
});

describe('§3.5 / §4.4 面容或指纹登录', () => {
  it('should keep the person’s recent successful logins, newest first, one per enterprise, at most 10', async () => {
    const { person } = await withPerson(b);
    const taxIds: string[] = [];
    for (let i = 0; i < 11; i++) {
      const enterprise = await b.enterprise({ region: `地区${i}` });
      await b.relate(enterprise.taxId, person.idNumber);
      b.advance(1000);
      await passwordLogin(b, person, enterprise.taxId);
      taxIds.push(enterprise.taxId);
    }
    // A second login to the oldest kept one moves it to the top, without a duplicate.
    b.advance(1000);
    await passwordLogin(b, person, taxIds[1]);
    const recent = (await b.get(`/persons/${person.idNumber}/recent-logins`)).body as Array<{ taxId: string }>;
    assert.equal(recent.length, 10);
    assert.deepEqual(
      recent.map((r) => r.taxId),
      [taxIds[1], ...taxIds.slice(2).reverse()].slice(0, 10),
    );
  });

  it('should offer the recent logins after a failed face check; 重新识别 or a picked one then logs in', async () => {
    const name = userName();
    const { enterprise, person } = await withPerson(b, { userName: name });
    const other = await b.enterprise({ name: '喀什测试商贸有限公司', region: '新疆南' });
    await b.relate(other.taxId, person.idNumber);
    await passwordLogin(b, person, other.taxId);
    b.advance(MIN);
    await passwordLogin(b, person, enterprise.taxId);

    const step = expectStep(
      await b.gateway.startFaceLogin({ account: name, taxId: enterprise.taxId, channel: 'issue' }),
      'needs_face',
    );
    const failed = expectStep(await face(step.flowId, step.qr.ticket, person.idNumber, 'fail'), 'face_failed');
    assert.equal(failed.name, person.name);
    assert.equal(failed.taxId, enterprise.taxId);
    assert.match(failed.message, /人脸识别未通过/);
    assert.deepEqual(
      failed.recentLogins.map((r) => [r.taxId, r.enterpriseName]),
      [
        [enterprise.taxId, enterprise.name],
        [other.taxId, other.name],
      ],
    );
    // It stays so while nothing else happens.
    expectStep(await b.gateway.pollLogin(step.flowId), 'face_failed');
    // 重新识别: a new face check in the same login.
    const retry = expectStep(await b.gateway.refreshQr(step.flowId), 'needs_face');
    assert.notEqual(retry.qr.ticket, step.qr.ticket);
    expectStep(await face(retry.flowId, retry.qr.ticket, person.idNumber), 'logged_in');
    // Or the person picks a recent login: a face login for that 税号.
    const picked = expectStep(
      await b.gateway.startFaceLogin({ account: name, taxId: failed.recentLogins[1].taxId, channel: 'issue' }),
      'needs_face',
    );
    const done = expectStep(await face(picked.flowId, picked.qr.ticket, person.idNumber), 'logged_in');
    assert.equal(done.session.taxId, other.taxId);
  });

  it('should offer the recent logins after a failed face check of an SMS login too', async () => {
    const { enterprise, person } = await withPerson(b);
    await passwordLogin(b, person, enterprise.taxId);
    const sms = expectStep(
      await b.gateway.startSmsLogin({ account: person.phone, taxId: enterprise.taxId, channel: 'issue' }),
      'sms_sent',
    );
    const step = expectStep(await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)), 'needs_face');
    const failed = expectStep(await face(step.flowId, step.qr.ticket, person.idNumber, 'fail'), 'face_failed');
    assert.deepEqual(
      failed.recentLogins.map((r) => r.taxId),
      [enterprise.taxId],
    );
  });

  it('should let only a face check inside a login or reset fail, not a QR login nor a 认证', async () => {
    const { enterprise, person } = await withPerson(b);
    const qr = expectStep(await b.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue' }), 'qr_pending');
    assert.equal((await b.post(`/tickets/${qr.qr.ticket}/fail`, { idNumber: person.idNumber })).status, 409);
    const auth = await b.gateway.startAuth({ account: person.idNumber, taxId: enterprise.taxId });
    assert.equal((await b.post(`/tickets/${auth.ticket}/fail`, { idNumber: person.idNumber })).status, 409);
  });
});

describe('§3.6 忘记密码', () => {
  it('should offer SMS and 扫脸 by default, and only 扫脸 where the region switched SMS off', async () => {
    assert.deepEqual(await b.gateway.passwordResetChecks('新疆'), ['sms', 'face']);
    assert.equal((await b.post('/regions', { region: '无短信地区', smsPasswordReset: false })).status, 201);
    assert.deepEqual(await b.gateway.passwordResetChecks('无短信地区'), ['face']);
    assert.deepEqual((await b.get('/regions')).body, [{ region: '无短信地区', smsPasswordReset: false }]);
    const bad = await b.post('/regions', { region: '', smsPasswordReset: 'no' });
    assert.equal(bad.status, 400);
  });

  it('扫脸: 证件类型 + 证件号码 → a face check on the phone → the new password, which logs in', async () => {
    const { enterprise, person } = await withPerson(b);
    const step = await b.gateway.startPasswordReset({ idType: '居民身份证', idNumber: person.idNumber, check: 'face' });
    assert.equal(step.step, 'needs_face');
    if (step.step !== 'needs_face') return;
    const [ticket] = (await b.get(`/tickets?idNumber=${person.idNumber}`)).body;
    assert.equal(ticket.ticket, step.qr.ticket);
    assert.equal(ticket.kind, 'auth');
    assert.equal((await b.gateway.pollPasswordReset(step.flowId)).step, 'needs_face');
    // No code was sent: the face is the check.
    assert.deepEqual((await b.get(`/sms?phone=${person.phone}`)).body, []);
    await expectEtaxError(b.gateway.resetPassword(step.flowId, 'NewPass123'), 'wrong_step');
    assert.equal((await b.post(`/tickets/${step.qr.ticket}/confirm`, { idNumber: person.idNumber })).status, 200);
    assert.equal((await b.gateway.pollPasswordReset(step.flowId)).step, 'set_password');
    await b.gateway.resetPassword(step.flowId, 'NewPass123');
    await passwordLogin(b, { ...person, password: 'NewPass123' }, enterprise.taxId);
  });

  it('扫脸 that fails can be tried again', async () => {
    const { person } = await withPerson(b);
    const step = await b.gateway.startPasswordReset({ idType: '居民身份证', idNumber: person.idNumber, check: 'face' });
    assert.equal(step.step, 'needs_face');
    if (step.step !== 'needs_face') return;
    assert.equal((await b.post(`/tickets/${step.qr.ticket}/fail`, { idNumber: person.idNumber })).status, 200);
    const failed = await b.gateway.pollPasswordReset(step.flowId);
    assert.equal(failed.step, 'face_failed');
    const retry = await b.gateway.retryPasswordResetFace(step.flowId);
    assert.equal(retry.step, 'needs_face');
    if (retry.step !== 'needs_face') return;
    assert.equal((await b.post(`/tickets/${retry.qr.ticket}/confirm`, { idNumber: person.idNumber })).status, 200);
    assert.equal((await b.gateway.pollPasswordReset(step.flowId)).step, 'set_password');
  });

  it('短信 is refused where the region switched it off, for the region named or every region of the person', async () => {
    await b.post('/regions', { region: '关短信', smsPasswordReset: false });
    const enterprise = await b.enterprise({ region: '关短信' });
    const { person } = await withPerson(b);
    await b.relate(enterprise.taxId, person.idNumber);
    const input = { idType: '居民身份证' as const, idNumber: person.idNumber };
    const refused = await expectEtaxError(
      b.gateway.startPasswordReset({ ...input, region: '关短信' }),
      'sms_check_off',
    );
    assert.match(refused.message, /扫脸/);
    // Without a region: one of the person's regions has SMS off.
    await expectEtaxError(b.gateway.startPasswordReset(input), 'sms_check_off');
    assert.deepEqual((await b.get(`/sms?phone=${person.phone}`)).body, []);
    // Another region of theirs that has SMS on can still send it, and 扫脸 works everywhere.
    assert.equal((await b.gateway.startPasswordReset({ ...input, region: '新疆' })).step, 'sms_sent');
    assert.equal(
      (await b.gateway.startPasswordReset({ ...input, region: '关短信', check: 'face' })).step,
      'needs_face',
    );
    // Switched on again, SMS works there too.
    await b.post('/regions', { region: '关短信', smsPasswordReset: true });
    b.advance(MIN);
    assert.equal((await b.gateway.startPasswordReset({ ...input, region: '关短信' })).step, 'sms_sent');
  });
});
