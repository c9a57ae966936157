/** Rule 8: 忘记密码 — 证件类型 + 证件号码 → SMS → a new password under the policy, used by every login. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEtaxError, passwordLogin, startBureau, withPerson, type Bureau } from './helpers';

describe('§3.6 忘记密码 by SMS (rule 8)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should set a new password that every later login of the person uses, and lift the lock', async () => {
    const { enterprise, person } = await withPerson(b);
    const second = await b.enterprise();
    await b.relate(second.taxId, person.idNumber, '办税员');
    for (let i = 0; i < 5; i++) {
      await b.gateway
        .startLogin({ account: person.phone, password: 'Wrong1234', taxId: enterprise.taxId, channel: 'issue' })
        .catch(() => undefined);
    }
    await expectEtaxError(
      b.gateway.startLogin({
        account: person.phone,
        password: person.password,
        taxId: enterprise.taxId,
        channel: 'issue',
      }),
      'locked',
    );

    const sent = await b.gateway.startPasswordReset({ idType: '居民身份证', idNumber: person.idNumber });
    assert.equal(sent.step, 'sms_sent');
    const sms = (await b.get(`/sms?phone=${person.phone}`)).body[0];
    assert.equal(sms.purpose, 'reset_password');
    const next = await b.gateway.submitPasswordResetCode(sent.flowId, sms.code);
    assert.equal(next.step, 'set_password');

    const weak = await expectEtaxError(b.gateway.resetPassword(sent.flowId, '12345678'), 'weak_password');
    assert.equal(weak.message, '密码须包含数字、字母、特殊字符中的至少两种');
    await expectEtaxError(b.gateway.resetPassword(sent.flowId, 'Ab1'), 'weak_password');
    await b.gateway.resetPassword(sent.flowId, 'New@pass9');

    await expectEtaxError(
      b.gateway.startLogin({
        account: person.phone,
        password: person.password,
        taxId: enterprise.taxId,
        channel: 'issue',
      }),
      'wrong_password',
    );
    const renewed = { ...person, password: 'New@pass9' };
    await passwordLogin(b, renewed, enterprise.taxId);
    await passwordLogin(b, renewed, second.taxId);
    await b.gateway.verifyPassword({ account: person.idNumber, password: 'New@pass9' });
  });

  it('should refuse a 证件类型 that does not match the number, and unknown numbers', async () => {
    const { person } = await withPerson(b);
    const mismatch = await expectEtaxError(
      b.gateway.startPasswordReset({ idType: '中国护照', idNumber: person.idNumber }),
      'not_found',
    );
    assert.equal(mismatch.message, '证件类型与证件号码不匹配，请确认录入的信息是否正确！');
    await expectEtaxError(
      b.gateway.startPasswordReset({ idType: '居民身份证', idNumber: '11010519491231002X' }),
      'not_found',
    );
  });

  it('should not accept a wrong code, nor set a password before the code', async () => {
    const { person } = await withPerson(b);
    const sent = await b.gateway.startPasswordReset({ idType: '居民身份证', idNumber: person.idNumber });
    await expectEtaxError(b.gateway.resetPassword(sent.flowId, 'New@pass9'), 'wrong_step');
    const code = await b.latestCode(person.phone);
    await expectEtaxError(
      b.gateway.submitPasswordResetCode(sent.flowId, code === '123456' ? '654321' : '123456'),
      'sms_code_wrong',
    );
  });

  it('should check a password without logging in, counting a wrong one (仅更新发票云)', async () => {
    const { person } = await withPerson(b);
    await b.gateway.verifyPassword({ account: person.phone, password: person.password });
    const err = await expectEtaxError(
      b.gateway.verifyPassword({ account: person.phone, password: 'Nope12345' }),
      'wrong_password',
    );
    assert.equal(err.attemptsLeft, 4);
  });
});
