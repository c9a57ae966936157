/** Rule 7: 认证 (face check) by a QR for the app; once confirmed it holds for the configured period. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MIN, expectEtaxError, passwordLogin, startBureau, withPerson, type Bureau } from './helpers';

const HOUR = 60 * MIN;

describe('#etax.auth (rule 7)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau({ timing: { sessionTtlMs: 48 * HOUR } });
  });
  after(() => b.close());

  it('should hold for 24 hours once the holder confirms the face check', async () => {
    const { enterprise, person } = await withPerson(b);
    const session = await passwordLogin(b, person, enterprise.taxId);
    assert.equal(session.authValidUntil, null);

    const qr = await b.gateway.startAuth({ account: person.phone, taxId: enterprise.taxId });
    assert.equal(qr.app, 'tax');
    assert.equal(qr.state, 'pending');
    assert.match(qr.image ?? '', /^data:image\/png;base64,/);
    assert.equal((await b.gateway.pollAuth(qr.ticket)).state, 'pending');
    const listed = await b.get(`/tickets?idNumber=${person.idNumber}`);
    assert.deepEqual(
      listed.body.map((t: { kind: string }) => t.kind),
      ['auth'],
    );

    await b.confirm(qr.ticket, person.idNumber);
    const confirmed = await b.gateway.pollAuth(qr.ticket);
    assert.equal(confirmed.state, 'confirmed');
    assert.equal(confirmed.validUntil?.getTime(), b.now() + 24 * HOUR);

    const status = await b.gateway.checkSession(session.sessionId);
    assert.ok(status.state === 'active');
    assert.equal(status.session.authValidUntil?.getTime(), b.now() + 24 * HOUR);
    b.advance(24 * HOUR);
    const later = await b.gateway.checkSession(session.sessionId);
    assert.ok(later.state === 'active');
    assert.equal(later.session.authValidUntil, null, '认证 must be renewed after its period');
  });

  it('should expire an unconfirmed face check', async () => {
    const { enterprise, person } = await withPerson(b);
    const qr = await b.gateway.startAuth({ account: person.phone, taxId: enterprise.taxId, app: 'iit' });
    assert.equal(qr.app, 'iit');
    b.advance(2 * MIN);
    assert.equal((await b.gateway.pollAuth(qr.ticket)).state, 'expired');
    assert.equal((await b.confirm(qr.ticket, person.idNumber)).status, 410);
  });

  it('should refuse 认证 for an enterprise the person is not related to', async () => {
    const { person } = await withPerson(b);
    const other = await b.enterprise();
    await expectEtaxError(b.gateway.startAuth({ account: person.phone, taxId: other.taxId }), 'no_relation');
  });

  it('should take the validity period from the configuration', async () => {
    const short = await startBureau({ timing: { authValidityMs: 30 * MIN } });
    try {
      const { enterprise, person } = await withPerson(short);
      const qr = await short.gateway.startAuth({ account: person.idNumber, taxId: enterprise.taxId });
      await short.confirm(qr.ticket, person.idNumber);
      assert.equal((await short.gateway.pollAuth(qr.ticket)).validUntil?.getTime(), short.now() + 30 * MIN);
    } finally {
      await short.close();
    }
  });
});
