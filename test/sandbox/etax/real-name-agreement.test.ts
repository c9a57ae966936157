/** Rules 4 and 5: the real-name check below 实名等级 3, then the agreement re-sign (seed 4.2, 4.3). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { smsStep, expectEtaxError, expectStep, startBureau, withPerson, type Bureau } from './helpers';

describe('§3.4 / §4.3 实名认证 (rule 4)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  async function toRealNameStep(init: { failRealName?: boolean; agreementSigned?: boolean } = {}) {
    const { enterprise, person } = await withPerson(b, { name: '赵六', realNameLevel: 2, ...init });
    const sms = expectStep(
      await b.gateway.startLogin({
        account: person.idNumber,
        password: person.password,
        taxId: enterprise.taxId,
        channel: 'issue',
      }),
      'sms_sent',
    );
    const step = expectStep(
      await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)),
      'needs_real_name',
    );
    return { enterprise, person, step };
  }

  it('should show 姓名, 证件类型 and the masked 证件号码, and log in once confirmed', async () => {
    const { person, step } = await toRealNameStep();
    assert.equal(step.name, '赵六');
    assert.equal(step.idType, '居民身份证');
    assert.equal(step.maskedIdNumber, `${person.idNumber.slice(0, 4)}****${person.idNumber.slice(-4)}`);
    expectStep(await b.gateway.confirmRealName(step.flowId), 'logged_in');
  });

  it('should not ask again once the check passed (实名等级 raised to 3)', async () => {
    const { enterprise, person, step } = await toRealNameStep();
    await b.gateway.confirmRealName(step.flowId);
    const sms = await smsStep(b, person, enterprise.taxId);
    expectStep(await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)), 'logged_in');
  });

  it('should fail the login when the check fails for the person', async () => {
    const { step } = await toRealNameStep({ failRealName: true });
    const err = await expectEtaxError(b.gateway.confirmRealName(step.flowId), 'real_name_failed');
    assert.match(err.message, /实名核验未通过/);
    await expectEtaxError(b.gateway.pollLogin(step.flowId), 'real_name_failed');
  });

  it('should fail the login when the holder cancels (取消 or back)', async () => {
    const { step } = await toRealNameStep();
    await b.gateway.cancelRealName(step.flowId);
    const err = await expectEtaxError(b.gateway.pollLogin(step.flowId), 'flow_closed');
    assert.equal(err.message, '您已取消实名核验，登录失败！');
    await expectEtaxError(b.gateway.confirmRealName(step.flowId), 'flow_closed');
  });

  it('should take the threshold from the configuration', async () => {
    const strict = await startBureau({ timing: { minRealNameLevel: 4 } });
    try {
      const { enterprise, person } = await withPerson(strict, { realNameLevel: 3 });
      const sms = expectStep(
        await strict.gateway.startLogin({
          account: person.phone,
          password: person.password,
          taxId: enterprise.taxId,
          channel: 'issue',
        }),
        'sms_sent',
      );
      expectStep(
        await strict.gateway.submitSmsCode(sms.flowId, await strict.latestCode(person.phone)),
        'needs_real_name',
      );
    } finally {
      await strict.close();
    }
  });
});

describe('§3.3 / §4.2 存量户服务协议重签 (rule 5)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should ask an unsigned person to sign the agreement, and signing continues the login', async () => {
    const { enterprise, person } = await withPerson(b, { agreementSigned: false });
    const sms = await smsStep(b, person, enterprise.taxId);
    const agreement = expectStep(
      await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)),
      'needs_agreement',
    );
    assert.equal(agreement.title, '电子税务局用户服务协议');
    assert.match(agreement.text, /确认/);
    await expectEtaxError(b.gateway.confirmRealName(agreement.flowId), 'wrong_step');
    expectStep(await b.gateway.signAgreement(agreement.flowId), 'logged_in');

    const again = await smsStep(b, person, enterprise.taxId);
    expectStep(await b.gateway.submitSmsCode(again.flowId, await b.latestCode(person.phone)), 'logged_in');
  });

  it('should run the real-name check first, then the agreement', async () => {
    const { enterprise, person } = await withPerson(b, { realNameLevel: 1, agreementSigned: false });
    const sms = await smsStep(b, person, enterprise.taxId);
    const realName = expectStep(
      await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)),
      'needs_real_name',
    );
    const agreement = expectStep(await b.gateway.confirmRealName(realName.flowId), 'needs_agreement');
    expectStep(await b.gateway.signAgreement(agreement.flowId), 'logged_in');
  });

  it('should ask for the agreement after a QR login too', async () => {
    const { enterprise, person } = await withPerson(b, { agreementSigned: false });
    const qr = expectStep(
      await b.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue', account: person.phone }),
      'qr_pending',
    );
    await b.confirm(qr.qr.ticket, person.idNumber);
    const agreement = expectStep(await b.gateway.pollLogin(qr.flowId), 'needs_agreement');
    expectStep(await b.gateway.signAgreement(agreement.flowId), 'logged_in');
  });
});
