/** The sandbox's own store (kept across restarts in its data file) and the demo bureau seed. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEtaxStore, seedDemoBureau } from '../../../server/sandbox/etax';
import { isMobile, isResidentIdNumber, passwordPolicyError } from '../../../types/validators';
import { expectStep, passwordLogin, startBureau, withPerson } from './helpers';

describe('#etax.store', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etax-sandbox-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should keep persons, enterprises, relations and sessions across a restart', async () => {
    const dataFile = path.join(dir, 'nested', 'etax.json');
    const first = await startBureau({ dataFile });
    const { enterprise, person } = await withPerson(first);
    const session = await passwordLogin(first, person, enterprise.taxId);
    await first.close();

    const saved = fs.readFileSync(dataFile, 'utf8');
    assert.ok(!saved.includes(person.password), 'no clear password in the data file');
    assert.deepEqual(fs.readdirSync(path.dirname(dataFile)), ['etax.json'], 'no temporary file left behind');

    const second = await startBureau({ dataFile });
    try {
      assert.equal((await second.gateway.checkSession(session.sessionId)).state, 'active');
      await passwordLogin(second, person, enterprise.taxId);
    } finally {
      await second.close();
    }
  });

  it('should keep data in memory only when no data file is given', async () => {
    const b = await startBureau();
    const { enterprise } = await withPerson(b);
    await b.close();
    const again = await startBureau();
    try {
      assert.equal((await again.get('/state')).body.phones.length, 0);
      assert.equal((await again.post('/enterprises', enterprise)).status, 201);
    } finally {
      await again.close();
    }
  });
});

describe('#etax.seedDemoBureau', () => {
  const enterprises = [
    { taxId: '91650100MA77500010', name: '乌鲁木齐丝路商贸有限公司', region: '新疆' },
    { taxId: '91650100MA77500023', name: '新疆天山数字科技有限公司', region: '新疆' },
  ];

  it('should create the four people of each enterprise with valid identities, idempotently', () => {
    const store = createEtaxStore();
    const rows = seedDemoBureau(store, enterprises);
    assert.equal(rows.length, 8);
    assert.deepEqual(
      rows.slice(0, 4).map((r) => r.role),
      ['法定代表人', '财务负责人', '开票员', '办税员'],
    );
    for (const r of rows) {
      assert.ok(isResidentIdNumber(r.idNumber), r.idNumber);
      assert.ok(isMobile(r.phone), r.phone);
      assert.equal(passwordPolicyError(r.password), null);
      assert.equal(r.passwordCurrent, true);
    }
    assert.equal(rows.find((r) => r.role === '办税员')?.loginType, 'huameng');
    assert.equal(rows[1].idNumber, rows[5].idNumber, 'one 财务负责人 serves both enterprises');
    assert.equal(Object.keys(store.data.persons).length, 7);

    const again = seedDemoBureau(store, enterprises);
    assert.deepEqual(again, rows);
    assert.equal(Object.keys(store.data.persons).length, 7);
    assert.equal(store.data.relations.length, 8);
  });

  it('should give accounts that log in, show the real-name and agreement screens, and auto-login by the hosted number', async () => {
    const store = createEtaxStore();
    const rows = seedDemoBureau(store, enterprises);
    const b = await startBureau({ sandbox: { store } });
    try {
      const legal = rows[0];
      await passwordLogin(
        b,
        { name: legal.name, idNumber: legal.idNumber, phone: legal.phone, password: legal.password },
        legal.taxId,
      );

      const clerk = rows.find((r) => r.role === '开票员')!;
      const sms = expectStep(
        await b.gateway.startLogin({
          account: clerk.account,
          password: clerk.password,
          taxId: clerk.taxId,
          channel: 'issue',
        }),
        'sms_sent',
      );
      const realName = expectStep(
        await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(clerk.phone)),
        'needs_real_name',
      );
      expectStep(await b.gateway.confirmRealName(realName.flowId), 'needs_agreement');

      const agent = rows.find((r) => r.role === '办税员')!;
      const hosted = expectStep(
        await b.gateway.startLogin({
          account: agent.account,
          password: agent.password,
          taxId: agent.taxId,
          channel: 'receive',
        }),
        'sms_sent',
      );
      const code = await b.gateway.fetchHostedCode({
        provider: 'huameng',
        phone: agent.phone,
        sentAfter: hosted.sentAt,
      });
      assert.ok(code);
      expectStep(await b.gateway.submitSmsCode(hosted.flowId, code.code), 'logged_in');

      // A password changed in the sandbox shows in the seed's answer.
      const reset = await b.gateway.startPasswordReset({ idType: '居民身份证', idNumber: legal.idNumber });
      await b.gateway.submitPasswordResetCode(reset.flowId, await b.latestCode(legal.phone));
      await b.gateway.resetPassword(reset.flowId, 'Other@2025');
      assert.equal(seedDemoBureau(store, enterprises)[0].passwordCurrent, false);
    } finally {
      await b.close();
    }
  });
});
