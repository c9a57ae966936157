/** Rule 1: account + password, then the SMS second factor; the enterprise chosen by 税号. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { smsStep, MIN, expectEtaxError, expectStep, startBureau, withPerson, type Bureau } from './helpers';

describe('§3.2 / §4.1 密码登录 (rule 1)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should log in by 证件号码, phone or 用户名 with password and a 6-digit SMS code', async () => {
    const { enterprise, person } = await withPerson(b, { userName: 'zhangsan01' }, '开票员', ['issue', 'receive']);
    for (const account of [person.idNumber, person.phone, 'zhangsan01']) {
      const started = await b.gateway.startLogin({
        account,
        password: person.password,
        taxId: enterprise.taxId,
        channel: 'issue',
      });
      const sms = expectStep(started, 'sms_sent');
      assert.equal(sms.maskedPhone, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
      assert.equal(sms.codeExpiresAt.getTime() - sms.sentAt.getTime(), 5 * MIN);
      assert.equal(sms.resendAt.getTime() - sms.sentAt.getTime(), 60_000);
      const code = await b.latestCode(person.phone);
      assert.match(code, /^\d{6}$/);
      const done = expectStep(await b.gateway.submitSmsCode(sms.flowId, code), 'logged_in');
      assert.equal(done.session.taxId, enterprise.taxId);
      assert.equal(done.session.enterpriseName, enterprise.name);
      assert.equal(done.session.channel, 'issue');
      assert.equal(done.session.role, '开票员');
      assert.deepEqual(done.session.permissions, ['issue', 'receive']);
      assert.equal(done.session.expiresAt.getTime(), b.now() + 2 * 60 * MIN);
    }
  });

  it("should refuse an enterprise the person has no relation with, in the bureau's words", async () => {
    const { person } = await withPerson(b);
    const other = await b.enterprise();
    const err = await expectEtaxError(
      b.gateway.startLogin({ account: person.phone, password: person.password, taxId: other.taxId, channel: 'issue' }),
      'no_relation',
    );
    assert.equal(err.message, '未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！');
    const sms = await b.get(`/sms?phone=${person.phone}`);
    assert.equal(sms.body.length, 0, 'no code is sent when the login cannot go on');
  });

  it('should refuse a 身份 the person does not hold and a channel the 身份 lacks', async () => {
    const { enterprise, person } = await withPerson(b, {}, '开票员', ['issue']);
    const base = { account: person.phone, password: person.password, taxId: enterprise.taxId };
    const role = await expectEtaxError(
      b.gateway.startLogin({ ...base, channel: 'issue', role: '法定代表人' }),
      'no_relation',
    );
    assert.match(role.message, /法定代表人/);
    const channel = await expectEtaxError(b.gateway.startLogin({ ...base, channel: 'receive' }), 'no_permission');
    assert.match(channel.message, /收票/);
  });

  it('should answer not_found for an unknown account or 税号', async () => {
    const { enterprise, person } = await withPerson(b);
    await expectEtaxError(
      b.gateway.startLogin({ account: '13900000000', password: 'x', taxId: enterprise.taxId, channel: 'issue' }),
      'not_found',
    );
    await expectEtaxError(
      b.gateway.startLogin({
        account: person.phone,
        password: person.password,
        taxId: '91350100M000100Y43',
        channel: 'issue',
      }),
      'not_found',
    );
  });

  it('should expire a code after 5 minutes', async () => {
    const { enterprise, person } = await withPerson(b);
    const sms = await smsStep(b, person, enterprise.taxId);
    const code = await b.latestCode(person.phone);
    b.advance(5 * MIN);
    const err = await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, code), 'sms_code_expired');
    assert.equal(err.message, '短信验证码已失效，请重新获取！');
  });

  it('should resend only after 60 seconds, and then only the newest code works', async () => {
    const { enterprise, person } = await withPerson(b);
    const sms = await smsStep(b, person, enterprise.taxId);
    const first = await b.latestCode(person.phone);
    b.advance(20_000);
    const early = await expectEtaxError(b.gateway.resendSms(sms.flowId), 'resend_too_soon');
    assert.equal(early.retryAfterMs, 40_000);
    assert.match(early.message, /40秒后再试/);
    b.advance(40_000);
    const again = await b.gateway.resendSms(sms.flowId);
    assert.equal(again.flowId, sms.flowId);
    const second = await b.latestCode(person.phone);
    if (first !== second) await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, first), 'sms_code_wrong');
    expectStep(await b.gateway.submitSmsCode(sms.flowId, second), 'logged_in');
    await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, second), 'wrong_step');
  });
});

describe('#etax.login timing', () => {
  it('should take the code validity and resend interval from the configuration', async () => {
    const b = await startBureau({ timing: { smsValidityMs: 30_000, smsResendMs: 10_000 } });
    try {
      const { enterprise, person } = await withPerson(b);
      const sms = await smsStep(b, person, enterprise.taxId);
      assert.equal(sms.resendAt.getTime() - sms.sentAt.getTime(), 10_000);
      b.advance(10_000);
      await b.gateway.resendSms(sms.flowId);
      const code = await b.latestCode(person.phone);
      b.advance(30_000);
      await expectEtaxError(b.gateway.submitSmsCode(sms.flowId, code), 'sms_code_expired');
    } finally {
      await b.close();
    }
  });
});
