/** The control API of CONTRACT.md: shapes, validation (400), conflicts (409), and the extra test switches. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeIdNumber, makePhone } from '../../support/factories';
import {
  smsStep,
  MIN,
  expectEtaxError,
  expectStep,
  passwordLogin,
  startBureau,
  withPerson,
  type Bureau,
} from './helpers';

describe('#etax.control', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should create persons, enterprises and relations with 201 and never echo the password', async () => {
    const e = await b.post('/enterprises', {
      taxId: '91350100M000100Y43',
      name: '福州样例科技有限公司',
      region: '福建',
    });
    assert.equal(e.status, 201);
    const p = await b.post('/persons', {
      name: '孙八',
      idType: '居民身份证',
      idNumber: makeIdNumber(),
      phone: makePhone(),
      password: 'Abc12345',
    });
    assert.equal(p.status, 201);
    assert.equal(p.body.realNameLevel, 4);
    assert.equal(p.body.agreementSigned, true);
    assert.ok(!JSON.stringify(p.body).includes('Abc12345'));
    assert.ok(!('passwordHash' in p.body));
    const r = await b.post('/relations', {
      taxId: '91350100M000100Y43',
      idNumber: p.body.idNumber,
      role: '开票员',
      permissions: ['issue'],
    });
    assert.equal(r.status, 201);
  });

  it('should answer 400 with a clear message on bad input', async () => {
    const person = {
      name: '周九',
      idType: '居民身份证',
      idNumber: makeIdNumber(),
      phone: makePhone(),
      password: 'Abc12345',
    };
    const cases: [string, unknown, RegExp][] = [
      ['/persons', { ...person, idNumber: '650102199001011234' }, /idNumber: 居民身份证号码不正确/],
      ['/persons', { ...person, phone: '12345' }, /phone: 手机号码格式不正确/],
      ['/persons', { ...person, password: 'abcdefgh' }, /password: 密码须包含数字、字母、特殊字符中的至少两种/],
      ['/persons', { ...person, realNameLevel: 7 }, /realNameLevel/],
      ['/persons', { phone: person.phone }, /name/],
      ['/enterprises', { taxId: '91350100M000100Y44', name: 'x', region: '新疆' }, /taxId: 税号格式不正确/],
      [
        '/relations',
        { taxId: '91350100M000100Y43', idNumber: person.idNumber, role: '老板', permissions: ['issue'] },
        /role/,
      ],
      [
        '/relations',
        { taxId: '91350100M000100Y43', idNumber: person.idNumber, role: '开票员', permissions: [] },
        /至少需要一种业务权限/,
      ],
      ['/tickets/abc/confirm', {}, /idNumber/],
      ['/sessions/drop', {}, /idNumber/],
    ];
    for (const [path, body, message] of cases) {
      const res = await b.post(path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.equal(res.body.error.code, 'validation_error');
      assert.match(res.body.error.message, message);
    }
    assert.equal((await b.get('/sms')).status, 400);
    assert.equal((await b.get('/tickets')).status, 400);
  });

  it('should answer 409 on duplicates and 404 on unknown references', async () => {
    const { enterprise, person } = await withPerson(b);
    const dupId = await b.post('/persons', {
      name: '重复',
      idNumber: person.idNumber,
      phone: makePhone(),
      password: 'Abc12345',
    });
    assert.equal(dupId.status, 409);
    const dupPhone = await b.post('/persons', {
      name: '重复',
      idNumber: makeIdNumber(),
      phone: person.phone,
      password: 'Abc12345',
    });
    assert.equal(dupPhone.status, 409);
    assert.equal((await b.post('/enterprises', enterprise)).status, 409);
    const unknown = await b.post('/relations', {
      taxId: enterprise.taxId,
      idNumber: makeIdNumber(),
      role: '开票员',
      permissions: ['issue'],
    });
    assert.equal(unknown.status, 404);
    assert.equal((await b.post('/tickets/nope/confirm', { idNumber: person.idNumber })).status, 404);
  });

  it('should list the SMS of a phone newest first as {phone, code, purpose, sentAt}', async () => {
    const { enterprise, person } = await withPerson(b);
    const sms = await smsStep(b, person, enterprise.taxId);
    b.advance(MIN);
    await b.gateway.resendSms(sms.flowId);
    const list = (await b.get(`/sms?phone=${person.phone}`)).body;
    assert.equal(list.length, 2);
    assert.ok(Date.parse(list[0].sentAt) > Date.parse(list[1].sentAt));
    assert.deepEqual(
      Object.keys(list[0]).filter((k) => k !== 'text'),
      ['phone', 'code', 'purpose', 'sentAt'],
    );
    assert.equal(list[0].purpose, 'login');
    assert.match(list[0].text, /【国家税务总局】您的验证码为\d{6}/);
  });

  it('should switch a person to fail the real-name check and unlock them (PATCH /persons/:idNumber)', async () => {
    const { enterprise, person } = await withPerson(b, { realNameLevel: 2 });
    const patched = await fetch(`${b.control}/persons/${person.idNumber}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failRealName: true }),
    });
    assert.equal(patched.status, 200);
    const sms = await smsStep(b, person, enterprise.taxId);
    const step = expectStep(
      await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)),
      'needs_real_name',
    );
    await expectEtaxError(b.gateway.confirmRealName(step.flowId), 'real_name_failed');

    for (let i = 0; i < 5; i++) {
      await b.gateway
        .startLogin({ account: person.phone, password: 'Wrong1234', taxId: enterprise.taxId, channel: 'issue' })
        .catch(() => undefined);
    }
    await fetch(`${b.control}/persons/${person.idNumber}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unlock: true, realNameLevel: 4 }),
    });
    await passwordLogin(b, person, enterprise.taxId);
  });

  it('should advance the sandbox clock (POST /clock) and reset everything (POST /reset)', async () => {
    const { enterprise, person } = await withPerson(b);
    const session = await passwordLogin(b, person, enterprise.taxId);
    const res = await b.post('/clock', { advanceMs: 2 * 60 * MIN });
    assert.equal(Date.parse(res.body.now), b.now() + 2 * 60 * MIN);
    assert.equal((await b.gateway.checkSession(session.sessionId)).state, 'expired');

    assert.equal((await b.post('/reset')).status, 200);
    await expectEtaxError(b.gateway.lookupEnterprise(enterprise.taxId), 'not_found');
    assert.deepEqual((await b.get('/state')).body.phones, []);
  });
});
