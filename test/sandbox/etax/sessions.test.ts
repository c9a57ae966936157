/** Rule 6: sessions per (person, enterprise, 身份, channel) that expire, and one login per person per region. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MIN, expectEtaxError, passwordLogin, startBureau, withPerson, type Bureau } from './helpers';

describe('#etax.sessions (rule 6)', () => {
  let b: Bureau;
  before(async () => {
    b = await startBureau({ timing: { sessionTtlMs: 20 * MIN } });
  });
  after(() => b.close());

  it('should be active until the configured lifetime, then expired', async () => {
    const { enterprise, person } = await withPerson(b);
    const session = await passwordLogin(b, person, enterprise.taxId);
    assert.equal(session.expiresAt.getTime(), b.now() + 20 * MIN);
    const active = await b.gateway.checkSession(session.sessionId);
    assert.equal(active.state, 'active');
    b.advance(20 * MIN);
    const expired = await b.gateway.checkSession(session.sessionId);
    assert.equal(expired.state, 'expired');
  });

  it('should drop the session when the person logs in to another enterprise of the same region', async () => {
    const { enterprise, person } = await withPerson(b);
    const second = await b.enterprise({ region: '新疆', name: '第二家企业' });
    await b.relate(second.taxId, person.idNumber, '财务负责人');
    const first = await passwordLogin(b, person, enterprise.taxId);
    await passwordLogin(b, person, second.taxId);
    const status = await b.gateway.checkSession(first.sessionId);
    assert.equal(status.state, 'dropped');
    assert.equal(
      status.state === 'dropped' && status.reason,
      '您的账号已在其他地方登录，当前登录已失效。如非本人操作，请及时修改密码！',
    );
  });

  it('should keep the session when the other login is in another region', async () => {
    const { enterprise, person } = await withPerson(b);
    const elsewhere = await b.enterprise({ region: '福建' });
    await b.relate(elsewhere.taxId, person.idNumber, '开票员');
    const first = await passwordLogin(b, person, enterprise.taxId);
    await passwordLogin(b, person, elsewhere.taxId);
    assert.equal((await b.gateway.checkSession(first.sessionId)).state, 'active');
  });

  it('should keep both channels of one 身份 but drop another 身份 under the same 税号', async () => {
    const { enterprise, person } = await withPerson(b, {}, '开票员', ['issue', 'receive']);
    await b.relate(enterprise.taxId, person.idNumber, '办税员', ['issue']);
    const issue = await passwordLogin(b, person, enterprise.taxId, 'issue', '开票员');
    const receive = await passwordLogin(b, person, enterprise.taxId, 'receive', '开票员');
    assert.equal((await b.gateway.checkSession(issue.sessionId)).state, 'active');
    assert.equal((await b.gateway.checkSession(receive.sessionId)).state, 'active');
    await passwordLogin(b, person, enterprise.taxId, 'issue', '办税员');
    assert.equal((await b.gateway.checkSession(issue.sessionId)).state, 'dropped');
    assert.equal((await b.gateway.checkSession(receive.sessionId)).state, 'dropped');
  });

  it('should drop every session of the person through the control API', async () => {
    const { enterprise, person } = await withPerson(b);
    const session = await passwordLogin(b, person, enterprise.taxId);
    const res = await b.post('/sessions/drop', { idNumber: person.idNumber });
    assert.deepEqual(res.body, { dropped: 1 });
    assert.equal((await b.gateway.checkSession(session.sessionId)).state, 'dropped');
  });

  it('should answer not_found for an unknown session', async () => {
    await expectEtaxError(b.gateway.checkSession('no-such-session'), 'not_found');
  });

  it('should answer the cheapest check (ping) with the state and end only, and count every check', async () => {
    const { enterprise, person } = await withPerson(b);
    const session = await passwordLogin(b, person, enterprise.taxId);
    const active = await b.gateway.pingSession(session.sessionId);
    assert.deepEqual(active, { state: 'active', expiresAt: session.expiresAt });
    await b.gateway.checkSession(session.sessionId);
    await b.post('/sessions/drop', { idNumber: person.idNumber });
    const dropped = await b.gateway.pingSession(session.sessionId);
    assert.equal(dropped.state, 'dropped');
    assert.equal(dropped.state === 'dropped' && dropped.at.getTime(), b.now());
    const checks = await b.get(`/sessions/checks?idNumber=${person.idNumber}`);
    assert.equal(checks.status, 200);
    assert.deepEqual(
      checks.body.map((c: { sessionId: string }) => c.sessionId),
      [session.sessionId, session.sessionId, session.sessionId],
    );
  });

  it('should say expired on ping once the lifetime passed, and not_found for an unknown session', async () => {
    const { enterprise, person } = await withPerson(b);
    const session = await passwordLogin(b, person, enterprise.taxId);
    b.advance(20 * MIN);
    const expired = await b.gateway.pingSession(session.sessionId);
    assert.deepEqual(expired, { state: 'expired', at: session.expiresAt, reason: '登录已超时，请重新登录！' });
    await expectEtaxError(b.gateway.pingSession('no-such-session'), 'not_found');
  });
});
