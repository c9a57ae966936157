/** Rule 9: hosted numbers — the provider endpoint hands out the latest code, so auto-login needs no person. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { smsStep, expectEtaxError, expectStep, startBureau, withPerson, type Bureau } from './helpers';

describe('#etax.hostedNumbers (rule 9)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should finish a login with the code fetched from the 华盟 provider', async () => {
    const { enterprise, person } = await withPerson(b, {}, '办税员');
    assert.equal((await b.post('/hosted-numbers', { phone: person.phone, provider: 'huameng' })).status, 201);
    assert.equal(
      await b.gateway.fetchHostedCode({ provider: 'huameng', phone: person.phone }),
      null,
      'nothing received yet',
    );

    const sms = await smsStep(b, person, enterprise.taxId);
    const hosted = await b.gateway.fetchHostedCode({ provider: 'huameng', phone: person.phone, sentAfter: sms.sentAt });
    assert.ok(hosted);
    assert.equal(hosted.code, await b.latestCode(person.phone));
    expectStep(await b.gateway.submitSmsCode(sms.flowId, hosted.code), 'logged_in');
  });

  it('should not hand out a code older than the one asked for', async () => {
    const { enterprise, person } = await withPerson(b, {}, '办税员');
    await b.post('/hosted-numbers', { phone: person.phone, provider: 'qixiangyun' });
    await b.gateway.startLogin({
      account: person.phone,
      password: person.password,
      taxId: enterprise.taxId,
      channel: 'issue',
    });
    b.advance(1000);
    assert.equal(
      await b.gateway.fetchHostedCode({ provider: 'qixiangyun', phone: person.phone, sentAfter: new Date(b.now()) }),
      null,
    );
    assert.ok(await b.gateway.fetchHostedCode({ provider: 'qixiangyun', phone: person.phone }));
  });

  it('should refuse numbers the provider does not host', async () => {
    const { person } = await withPerson(b);
    await b.post('/hosted-numbers', { phone: person.phone, provider: 'huameng' });
    const err = await expectEtaxError(
      b.gateway.fetchHostedCode({ provider: 'qixiangyun', phone: person.phone }),
      'not_found',
    );
    assert.equal(err.message, '该号码不是本平台托管号码');
  });

  it('should play an SMS that never reaches the provider (SMS timeout)', async () => {
    const { enterprise, person } = await withPerson(b);
    await b.post('/hosted-numbers', { phone: person.phone, provider: 'huameng', deliver: false });
    await b.gateway.startLogin({
      account: person.phone,
      password: person.password,
      taxId: enterprise.taxId,
      channel: 'issue',
    });
    assert.equal(await b.gateway.fetchHostedCode({ provider: 'huameng', phone: person.phone }), null);
  });
});
