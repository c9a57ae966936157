/** Rule 3: 短信登录 (then a face check, seed §3.2/§4.1) and QR login through the 税务APP / 个人所得税APP. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MIN, expectEtaxError, expectStep, startBureau, withPerson, type Bureau } from './helpers';

describe('§3.2 / §4.1 短信登录 (rule 3)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should log in with the 用户名 + code, then the face check the bureau asks for', async () => {
    const userName = `sms-${Date.now()}`;
    const { enterprise, person } = await withPerson(b, { userName });
    const sms = expectStep(
      await b.gateway.startSmsLogin({ account: userName, taxId: enterprise.taxId, channel: 'receive' }),
      'sms_sent',
    );
    const face = expectStep(await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone)), 'needs_face');
    assert.equal(face.qr.app, 'tax');
    assert.equal(face.qr.state, 'pending');
    const tickets = await b.get(`/tickets?idNumber=${person.idNumber}`);
    assert.deepEqual(
      tickets.body.map((t: { ticket: string; kind: string; app: string; state: string }) => [
        t.ticket,
        t.kind,
        t.app,
        t.state,
      ]),
      [[face.qr.ticket, 'auth', 'tax', 'pending']],
    );
    expectStep(await b.gateway.pollLogin(face.flowId), 'needs_face');
    assert.equal((await b.confirm(face.qr.ticket, person.idNumber)).status, 200);
    const done = expectStep(await b.gateway.pollLogin(face.flowId), 'logged_in');
    assert.equal(done.session.channel, 'receive');
  });

  it('should refuse a 用户名 no person has', async () => {
    const { enterprise } = await withPerson(b);
    await expectEtaxError(
      b.gateway.startSmsLogin({ account: 'nobody-here', taxId: enterprise.taxId, channel: 'issue' }),
      'not_found',
    );
  });
});

describe('#etax.qrLogin (rule 3)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau();
  });
  after(() => b.close());

  it('should go pending → scanned → confirmed and log in the person who confirmed', async () => {
    const { enterprise, person } = await withPerson(b, {}, '财务负责人');
    const qr = expectStep(await b.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue' }), 'qr_pending');
    assert.equal(qr.qr.state, 'pending');
    assert.equal(qr.qr.app, 'tax');
    assert.match(qr.qr.image ?? '', /^data:image\/png;base64,/);
    assert.match(qr.qr.payload, new RegExp(qr.qr.ticket));

    const listed = await b.get(`/tickets?idNumber=${person.idNumber}`);
    assert.equal(listed.body[0].kind, 'login');
    assert.equal((await b.post(`/tickets/${qr.qr.ticket}/scan`, { idNumber: person.idNumber })).status, 200);
    assert.equal(expectStep(await b.gateway.pollLogin(qr.flowId), 'qr_pending').qr.state, 'scanned');

    assert.equal((await b.confirm(qr.qr.ticket, person.idNumber)).status, 200);
    const done = expectStep(await b.gateway.pollLogin(qr.flowId), 'logged_in');
    assert.equal(done.session.role, '财务负责人');
    assert.equal(done.session.name, person.name);
  });

  it('should make a QR for the 个人所得税APP bound to the named account only', async () => {
    const { enterprise, person } = await withPerson(b);
    const colleague = await b.person({ name: '李四' });
    await b.relate(enterprise.taxId, colleague.idNumber, '办税员');
    const qr = expectStep(
      await b.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue', app: 'iit', account: person.phone }),
      'qr_pending',
    );
    assert.equal(qr.qr.app, 'iit');
    assert.deepEqual((await b.get(`/tickets?idNumber=${colleague.idNumber}`)).body, []);
    const refused = await b.confirm(qr.qr.ticket, colleague.idNumber);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.message, '该二维码不属于当前用户，请使用本人账号扫码！');
    await b.confirm(qr.qr.ticket, person.idNumber);
    assert.equal(expectStep(await b.gateway.pollLogin(qr.flowId), 'logged_in').session.name, person.name);
  });

  it('should not let someone unrelated to the enterprise confirm an open QR', async () => {
    const { enterprise } = await withPerson(b);
    const stranger = await b.person({ name: '王五' });
    const qr = expectStep(await b.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue' }), 'qr_pending');
    const refused = await b.confirm(qr.qr.ticket, stranger.idNumber);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.message, '未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！');
  });

  it('should expire an unconfirmed QR after its lifetime, and a refreshed QR works', async () => {
    const { enterprise, person } = await withPerson(b);
    const qr = expectStep(
      await b.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue', account: person.idNumber }),
      'qr_pending',
    );
    b.advance(2 * MIN);
    assert.equal(expectStep(await b.gateway.pollLogin(qr.flowId), 'qr_pending').qr.state, 'expired');
    const late = await b.confirm(qr.qr.ticket, person.idNumber);
    assert.equal(late.status, 410);
    assert.equal(late.body.error.message, '二维码已失效，请刷新二维码后重新扫码！');

    const fresh = expectStep(await b.gateway.refreshQr(qr.flowId, 'iit'), 'qr_pending');
    assert.notEqual(fresh.qr.ticket, qr.qr.ticket);
    assert.equal(fresh.qr.app, 'iit');
    assert.equal(fresh.qr.state, 'pending');
    await b.confirm(fresh.qr.ticket, person.idNumber);
    expectStep(await b.gateway.pollLogin(qr.flowId), 'logged_in');
  });

  it('should use the configured QR lifetime', async () => {
    const short = await startBureau({ timing: { qrTicketTtlMs: 10_000 } });
    try {
      const { enterprise } = await withPerson(short);
      const qr = expectStep(
        await short.gateway.startQrLogin({ taxId: enterprise.taxId, channel: 'issue' }),
        'qr_pending',
      );
      assert.equal(qr.qr.expiresAt.getTime(), short.now() + 10_000);
      short.advance(10_000);
      assert.equal(expectStep(await short.gateway.pollLogin(qr.flowId), 'qr_pending').qr.state, 'expired');
    } finally {
      await short.close();
    }
  });
});
