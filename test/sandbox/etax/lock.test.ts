/** Rule 2: attempts left on a wrong password; 5 wrong (passwords or SMS codes) in 30 min lock for 30 min. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { smsStep, MIN, expectEtaxError, passwordLogin, startBureau, withPerson, type Bureau } from './helpers';

describe('#etax.lock (rule 2)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should count down the attempts and lock for 30 minutes after the 5th wrong password', async () => {
    const { enterprise, person } = await withPerson(b);
    const wrong = () =>
      b.gateway.startLogin({ account: person.phone, password: 'Wrong1234', taxId: enterprise.taxId, channel: 'issue' });
    for (const left of [4, 3, 2, 1]) {
      const err = await expectEtaxError(wrong(), 'wrong_password');
      assert.equal(err.attemptsLeft, left);
      assert.match(err.message, new RegExp(`还可以尝试${left}次`));
    }
    const locked = await expectEtaxError(wrong(), 'locked');
    assert.equal(locked.until?.getTime(), b.now() + 30 * MIN);
    assert.match(locked.message, /已被锁定/);

    // Even the right password is refused while locked, and it does not extend the lock.
    const still = await expectEtaxError(
      b.gateway.startLogin({
        account: person.phone,
        password: person.password,
        taxId: enterprise.taxId,
        channel: 'issue',
      }),
      'locked',
    );
    assert.equal(still.until?.getTime(), locked.until?.getTime());
    b.advance(30 * MIN);
    await passwordLogin(b, person, enterprise.taxId);
  });

  it('should count wrong SMS codes towards the same lock', async () => {
    const { enterprise, person } = await withPerson(b);
    for (let i = 0; i < 3; i++) {
      await expectEtaxError(
        b.gateway.startLogin({
          account: person.phone,
          password: 'Wrong1234',
          taxId: enterprise.taxId,
          channel: 'issue',
        }),
        'wrong_password',
      );
    }
    const sms = await smsStep(b, person, enterprise.taxId);
    const code = await b.latestCode(person.phone);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const first = await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, wrongCode), 'sms_code_wrong');
    assert.equal(first.attemptsLeft, 1);
    assert.match(first.message, /短信验证码错误/);
    await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, wrongCode), 'locked');
    // The right code no longer helps: the person is locked.
    await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, code), 'locked');
  });

  it('should forget wrong attempts older than the 30-minute window', async () => {
    const { enterprise, person } = await withPerson(b);
    const wrong = () =>
      b.gateway.startLogin({ account: person.phone, password: 'Wrong1234', taxId: enterprise.taxId, channel: 'issue' });
    for (let i = 0; i < 4; i++) await expectEtaxError(wrong(), 'wrong_password');
    b.advance(30 * MIN);
    const err = await expectEtaxError(wrong(), 'wrong_password');
    assert.equal(err.attemptsLeft, 4);
  });

  it('should start the count afresh after a successful login', async () => {
    const { enterprise, person } = await withPerson(b);
    const wrong = () =>
      b.gateway.startLogin({ account: person.phone, password: 'Wrong1234', taxId: enterprise.taxId, channel: 'issue' });
    for (let i = 0; i < 3; i++) await expectEtaxError(wrong(), 'wrong_password');
    await passwordLogin(b, person, enterprise.taxId);
    assert.equal((await expectEtaxError(wrong(), 'wrong_password')).attemptsLeft, 4);
  });
});

describe('#etax.lock configuration', () => {
  it('should use the configured number of attempts, window and lock length', async () => {
    const b = await startBureau({ timing: { maxWrongPasswords: 3, lockMs: 2 * MIN, wrongPasswordWindowMs: 5 * MIN } });
    try {
      const { enterprise, person } = await withPerson(b);
      const wrong = () =>
        b.gateway.startLogin({
          account: person.phone,
          password: 'Wrong1234',
          taxId: enterprise.taxId,
          channel: 'issue',
        });
      assert.equal((await expectEtaxError(wrong(), 'wrong_password')).attemptsLeft, 2);
      assert.equal((await expectEtaxError(wrong(), 'wrong_password')).attemptsLeft, 1);
      const locked = await expectEtaxError(wrong(), 'locked');
      assert.equal(locked.until?.getTime(), b.now() + 2 * MIN);
      b.advance(2 * MIN);
      await passwordLogin(b, person, enterprise.taxId);
    } finally {
      await b.close();
    }
  });
});
