/**
 * 新增账号 (F5) through the app API against the real e-tax sandbox: every 登录类型 and 扫码登录, the
 * 实名 and agreement screens, every error in the bureau's words, and the rule that the account is
 * saved only after a successful login, with its password encrypted and never answered.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/server';
import {
  addAccount,
  bureauPerson,
  confirmTicket,
  latestSmsCode,
  member,
  rows,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from '../support/etax';

const NO_RELATION = '未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！';

describe('#accounts.add (F5)', () => {
  let server: TestServer;
  let world: World;
  let alice: Member;
  /** Every response body alice received, to check no secret ever left the server. */
  const seen: string[] = [];

  const call = async (method: string, path: string, body?: unknown, token = alice.token) => {
    const res = await server.call(method, path, { token, body });
    seen.push(JSON.stringify(res.body));
    return res;
  };
  const start = (person: BureauPerson, extra: Record<string, unknown> = {}) =>
    call('POST', `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`, {
      business: 'issue',
      account: person.phone,
      password: person.password,
      role: '办税员',
      loginType: 'manual',
      ...extra,
    });
  const accountsOf = async (enterpriseId = world.enterpriseId) =>
    (await call('GET', `/api/v1/enterprises/${enterpriseId}/accounts`)).body.accounts as {
      id: string;
      maskedAccount: string;
    }[];
  const smsCount = async (phone: string) =>
    (await server.call('GET', `/sandbox/etax/control/sms?phone=${phone}`)).body.length as number;
  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  before(async () => {
    server = await startTestServer();
    world = await tenantWithEnterprise(server);
    alice = await member(server, world);
  });
  after(async () => {
    await server.call('DELETE', '/sandbox/etax/control/faults');
    await server.close();
  });

  describe('#人工登录', () => {
    it('should send the SMS, save the account once the code is right, and show it 已登录 in 开票', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      assert.equal(started.status, 201);
      assert.equal(started.body.step, 'sms');
      assert.equal(started.body.sms.maskedPhone, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
      assert.ok(Date.parse(started.body.sms.resendAt) > Date.now());
      assert.ok(Date.parse(started.body.expiresAt) > Date.now());
      assert.equal((await accountsOf()).length, 0, 'nothing saved before the bureau login succeeds');

      const done = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        code: await latestSmsCode(server, person.phone),
      });
      assert.equal(done.status, 200);
      assert.equal(done.body.step, 'done');
      const [account] = await accountsOf();
      assert.equal(account.id, done.body.accountId);
      const detail = await call('GET', `/api/v1/accounts/${account.id}`);
      assert.equal(detail.body.maskedAccount, `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
      assert.equal(detail.body.role, '办税员');
      assert.deepEqual(detail.body.permissions, ['issue', 'receive']);
      assert.equal(detail.body.loginType, 'manual');
      assert.equal(detail.body.bound, 'none');
      assert.ok(Date.parse(detail.body.sessions.issue) > Date.now(), '已登录 开票 with its expiry');
      assert.equal(detail.body.sessions.receive, undefined);
      assert.equal(detail.body.enterpriseAccountCount, 1);
      assert.equal(detail.body.enterprise.taxId, world.taxId);
      const again = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(again.body.step, 'done', 'a finished flow keeps answering its end');
    });

    it('should store the password encrypted with its key id, keep no secret in the finished flow, and answer none', async () => {
      const person = await bureauPerson(server, world.taxId);
      const accountId = await addAccount(server, alice.token, world.enterpriseId, person);
      const [row] = await rows<{ password_enc: string; password_key_id: string; account: string }>(
        server,
        sql`select password_enc, password_key_id, account from etax_accounts where id = ${accountId}`,
      );
      assert.ok(!row.password_enc.includes(person.password));
      assert.equal(row.password_key_id, server.ctx.secrets.keyId);
      assert.ok(row.password_enc.startsWith(`${server.ctx.secrets.keyId}:`));
      assert.equal(server.ctx.secrets.decrypt(row.password_enc), person.password);
      const [session] = await rows<{ session_id_enc: string }>(
        server,
        sql`select session_id_enc from etax_sessions where account_id = ${accountId}`,
      );
      assert.ok(session.session_id_enc.startsWith(`${server.ctx.secrets.keyId}:`));
      const flows = await rows<{ password_enc: string | null; gateway_flow_enc: string | null }>(
        server,
        sql`select password_enc, gateway_flow_enc from login_flows where account_id = ${accountId}`,
      );
      assert.deepEqual(flows, [{ password_enc: null, gateway_flow_enc: null }]);
      // Nothing in the whole database holds the password in clear.
      const dump = await rows(
        server,
        sql`select row_to_json(f)::text as j from login_flows f union all select row_to_json(a)::text from etax_accounts a`,
      );
      assert.ok(!JSON.stringify(dump).includes(person.password));
    });

    it('should refuse an account already added to the enterprise before asking the bureau', async () => {
      const person = await bureauPerson(server, world.taxId);
      await addAccount(server, alice.token, world.enterpriseId, person);
      const before = await smsCount(person.phone);
      const dup = await start(person);
      assert.equal(dup.status, 409);
      assert.deepEqual(dup.body.error, { code: 'account_exists', message: '已有的账号无需重复添加' });
      assert.equal(await smsCount(person.phone), before, 'no SMS for a refused add');
      const padded = await start(person, { account: ` ${person.phone} ` });
      assert.equal(padded.status, 409, 'spaces around the account do not make it another one');
    });

    it('should refuse the second of two flows of the same account when the first saved it meanwhile', async () => {
      const person = await bureauPerson(server, world.taxId);
      const first = await start(person);
      const firstCode = await latestSmsCode(server, person.phone);
      await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 61_000 } });
      const second = await start(person, { business: 'receive' });
      assert.equal(second.status, 201);
      const secondCode = await latestSmsCode(server, person.phone);
      assert.equal(
        (await call('POST', `/api/v1/flows/${first.body.flowId}/sms`, { code: firstCode })).body.step,
        'done',
      );
      const lost = await call('POST', `/api/v1/flows/${second.body.flowId}/sms`, { code: secondCode });
      assert.equal(lost.status, 200);
      assert.equal(lost.body.step, 'failed');
      assert.deepEqual(lost.body.error, { code: 'account_exists', message: '已有的账号无需重复添加' });
      const mine = (await accountsOf()).filter((a) => a.maskedAccount.endsWith(person.phone.slice(-4)));
      assert.equal(mine.length, 1);
    });

    it('should answer a wrong password with the attempts left, stop at 3 before the bureau locks, and save nothing', async () => {
      const person = await bureauPerson(server, world.taxId);
      for (let left = 4; left >= 2; left--) {
        const res = await start(person, { password: 'Wrong#2025' });
        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'etax_wrong_password');
        assert.match(res.body.error.message, new RegExp(`还可以尝试${left}次`));
      }
      // lockout.ts: no one but a holder gets near the bureau's lock (5 wrong in 30 minutes).
      const stopped = await start(person, { password: 'Wrong#2025' });
      assert.equal(stopped.status, 429);
      assert.equal(stopped.body.error.code, 'too_many_attempts');
      assert.match(stopped.body.error.message, /多次输错/);
      await server.ctx.etax.verifyPassword({ account: person.phone, password: person.password });
      assert.ok(!(await accountsOf()).some((a) => a.maskedAccount.endsWith(person.phone.slice(-4))));
    });

    it('should say there is no relation in the bureau’s words, and that an unknown account is unknown', async () => {
      const stranger = await bureauPerson(server, (await tenantWithEnterprise(server)).taxId);
      const res = await start(stranger);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error, { code: 'etax_no_relation', message: NO_RELATION });
      const unknown = await start({ ...stranger, phone: '13000000000' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.code, 'etax_not_found');
      assert.match(unknown.body.error.message, /未查询到该用户的注册信息/);
    });

    it('should refuse a 身份 the person does not hold and a business the 身份 has no permission for', async () => {
      const person = await bureauPerson(server, world.taxId, { role: '开票员', permissions: ['issue'] });
      const role = await start(person, { role: '财务负责人' });
      assert.equal(role.status, 400);
      assert.match(role.body.error.message, /财务负责人/);
      const business = await start(person, { role: '开票员', business: 'receive' });
      assert.equal(business.status, 400);
      assert.equal(business.body.error.code, 'etax_no_permission');
      assert.match(business.body.error.message, /收票/);
    });

    it('should keep the flow on a wrong code with the attempts left, then accept the right one', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      const code = await latestSmsCode(server, person.phone);
      const wrong = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, { code: wrongCode(code) });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'etax_sms_code_wrong');
      assert.match(wrong.body.error.message, /短信验证码错误，您还可以尝试\d次/);
      assert.equal((await call('GET', `/api/v1/flows/${started.body.flowId}`)).body.step, 'sms');
      const done = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, { code });
      assert.equal(done.body.step, 'done');
    });

    it('should refuse a malformed code before asking the bureau', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      const res = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, { code: '12ab' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.message, '请输入6位数字验证码');
    });

    it('should say an expired code expired, refuse 获取验证码 before its time, and work with a new code', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      const tooSoon = await call('POST', `/api/v1/flows/${started.body.flowId}/sms/resend`);
      assert.equal(tooSoon.status, 429);
      assert.equal(tooSoon.body.error.code, 'etax_resend_too_soon');
      assert.ok(tooSoon.body.error.retryAfterSeconds > 0);
      const oldCode = await latestSmsCode(server, person.phone);
      await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 6 * 60_000 } });
      const expired = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, { code: oldCode });
      assert.equal(expired.status, 400);
      assert.deepEqual(expired.body.error, {
        code: 'etax_sms_code_expired',
        message: '短信验证码已失效，请重新获取！',
      });
      const resent = await call('POST', `/api/v1/flows/${started.body.flowId}/sms/resend`);
      assert.equal(resent.status, 200);
      assert.equal(resent.body.step, 'sms');
      const newCode = await latestSmsCode(server, person.phone);
      assert.equal(
        (await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, { code: newCode })).body.step,
        'done',
      );
    });

    it('should say the bureau cannot be reached when it is down, and save nothing', async () => {
      const person = await bureauPerson(server, world.taxId);
      await server.call('POST', '/sandbox/etax/control/faults', { body: { mode: 'down' } });
      try {
        const res = await start(person);
        assert.equal(res.status, 503);
        assert.deepEqual(res.body.error, { code: 'etax_unavailable', message: '电子税务局暂时无法访问，请稍后再试' });
      } finally {
        await server.call('DELETE', '/sandbox/etax/control/faults');
      }
      const started = await start(person);
      await server.call('POST', '/sandbox/etax/control/faults', { body: { mode: 'down', variant: '503' } });
      try {
        const res = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
          code: await latestSmsCode(server, person.phone),
        });
        assert.equal(res.status, 503);
      } finally {
        await server.call('DELETE', '/sandbox/etax/control/faults');
      }
      const code = await latestSmsCode(server, person.phone);
      assert.equal(
        (await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, { code })).body.step,
        'done',
        'the flow survives the outage',
      );
    });

    it('should refuse blank fields and the withdrawn 发票云登录App with clear messages', async () => {
      const person = await bureauPerson(server, world.taxId);
      const noPassword = await start(person, { password: '' });
      assert.equal(noPassword.status, 400);
      assert.equal(noPassword.body.error.message, '请输入密码');
      const noAccount = await start(person, { account: '   ' });
      assert.equal(noAccount.body.error.message, '请输入电子税局账号');
      const withdrawn = await start(person, { loginType: 'app' });
      assert.equal(withdrawn.status, 400);
      assert.equal(withdrawn.body.error.message, '请选择登录类型');
    });
  });

  describe('#实名 and agreement', () => {
    it('should show the 实名 screen for 实名等级 < 3; 确认 runs the check and the account is saved', async () => {
      const person = await bureauPerson(server, world.taxId, { realNameLevel: 2 });
      const started = await start(person);
      const screen = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        code: await latestSmsCode(server, person.phone),
      });
      assert.equal(screen.body.step, 'real_name');
      assert.equal(screen.body.realName.name, person.name);
      assert.equal(screen.body.realName.idType, '居民身份证');
      assert.ok(!screen.body.realName.maskedIdNumber.includes(person.idNumber.slice(6, 14)), 'the 证件号码 is masked');
      const done = await call('POST', `/api/v1/flows/${started.body.flowId}/real-name`, { confirm: true });
      assert.equal(done.body.step, 'done');
      assert.ok(done.body.accountId);
    });

    it('should fail the login on 取消 and save nothing', async () => {
      const person = await bureauPerson(server, world.taxId, { realNameLevel: 1 });
      const started = await start(person);
      await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        code: await latestSmsCode(server, person.phone),
      });
      const cancelled = await call('POST', `/api/v1/flows/${started.body.flowId}/real-name`, { confirm: false });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.step, 'failed');
      assert.equal(cancelled.body.error.code, 'real_name_cancelled');
      const after = await call('POST', `/api/v1/flows/${started.body.flowId}/real-name`, { confirm: true });
      assert.equal(after.status, 410);
      assert.equal(after.body.error.code, 'flow_closed');
      assert.ok(!(await accountsOf()).some((a) => a.maskedAccount.endsWith(person.phone.slice(-4))));
    });

    it('should show an unsigned agreement, sign it on 确认, and fail when declined', async () => {
      const person = await bureauPerson(server, world.taxId, { agreementSigned: false });
      const started = await start(person);
      const dialog = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        code: await latestSmsCode(server, person.phone),
      });
      assert.equal(dialog.body.step, 'agreement');
      assert.ok(dialog.body.agreement.title.length > 0);
      assert.ok(dialog.body.agreement.text.length > 20);
      const wrongStep = await call('POST', `/api/v1/flows/${started.body.flowId}/real-name`, { confirm: true });
      assert.equal(wrongStep.status, 409);
      assert.equal(wrongStep.body.error.code, 'wrong_step');
      const done = await call('POST', `/api/v1/flows/${started.body.flowId}/agreement`, { sign: true });
      assert.equal(done.body.step, 'done');

      const other = await bureauPerson(server, world.taxId, { agreementSigned: false });
      const declinedFlow = await start(other);
      await call('POST', `/api/v1/flows/${declinedFlow.body.flowId}/sms`, {
        code: await latestSmsCode(server, other.phone),
      });
      const declined = await call('POST', `/api/v1/flows/${declinedFlow.body.flowId}/agreement`, { sign: false });
      assert.equal(declined.body.step, 'failed');
      assert.equal(declined.body.error.code, 'agreement_declined');
    });
  });

  describe('#hosted numbers', () => {
    it('should wait for the hosted number’s code and finish by itself on the next poll (华盟托管号码)', async () => {
      const person = await bureauPerson(server, world.taxId, { hostedBy: 'huameng' });
      const started = await start(person, { loginType: 'huameng' });
      assert.equal(started.status, 201);
      assert.equal(started.body.step, 'hosted_wait');
      assert.equal(started.body.sms, undefined, 'no code to type');
      const polled = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(polled.body.step, 'done');
      const detail = await call('GET', `/api/v1/accounts/${polled.body.accountId}`);
      assert.equal(detail.body.loginType, 'huameng');
    });

    it('should keep waiting while no code arrived, and fail once the wait is over (企享云办税小号)', async () => {
      const person = await bureauPerson(server, world.taxId, { hostedBy: 'qixiangyun', deliver: false });
      const started = await start(person, { loginType: 'qixiangyun' });
      assert.equal(started.body.step, 'hosted_wait');
      assert.equal((await call('GET', `/api/v1/flows/${started.body.flowId}`)).body.step, 'hosted_wait');
      await server.ctx.db.execute(
        sql`update login_flows set hosted_deadline = now() - interval '1 second' where id = ${started.body.flowId}`,
      );
      const timedOut = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(timedOut.body.step, 'failed');
      assert.equal(timedOut.body.error.code, 'hosted_timeout');
      assert.match(timedOut.body.error.message, /托管号码未收到验证码/);
    });

    it('should fail with the provider’s words when the number is not hosted by that provider', async () => {
      const person = await bureauPerson(server, world.taxId, { hostedBy: 'huameng' });
      const started = await start(person, { loginType: 'qixiangyun' });
      const polled = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(polled.body.step, 'failed');
      assert.match(polled.body.error.message, /不是本平台托管号码/);
    });

    it('should ask for the hosted phone number as the account', async () => {
      const person = await bureauPerson(server, world.taxId, { hostedBy: 'huameng' });
      const res = await start(person, { loginType: 'huameng', account: person.idNumber });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error, { code: 'hosted_needs_phone', message: '华盟托管号码的账号须为托管的手机号码' });
    });
  });

  describe('#扫码登录 (F17 on 新增)', () => {
    it('should show the 税务APP QR, notice the confirmation on a poll, and save the account', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person, { method: 'qr' });
      assert.equal(started.status, 201);
      assert.equal(started.body.step, 'qr');
      assert.equal(started.body.qr.app, 'tax');
      assert.equal(started.body.qr.state, 'pending');
      assert.match(started.body.qr.image, /^data:image\/png;base64,/);
      assert.equal((await call('GET', `/api/v1/flows/${started.body.flowId}`)).body.step, 'qr');
      await confirmTicket(server, person.idNumber);
      const done = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(done.body.step, 'done');
      const [row] = await rows<{ password_enc: string }>(
        server,
        sql`select password_enc from etax_accounts where id = ${done.body.accountId}`,
      );
      assert.equal(server.ctx.secrets.decrypt(row.password_enc), person.password);
    });

    it('should check the password first, since a QR login does not', async () => {
      const person = await bureauPerson(server, world.taxId);
      const res = await start(person, { method: 'qr', password: 'Wrong#2025' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'etax_wrong_password');
    });

    it('should show the 个人所得税APP QR when asked, mark an expired QR, and refresh it for the other app', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person, { method: 'qr', qrApp: 'iit' });
      assert.equal(started.body.qr.app, 'iit');
      await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 3 * 60_000 } });
      const stale = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(stale.body.step, 'qr');
      assert.equal(stale.body.qr.state, 'expired');
      const fresh = await call('POST', `/api/v1/flows/${started.body.flowId}/qr`, { app: 'tax' });
      assert.equal(fresh.status, 200);
      assert.equal(fresh.body.qr.state, 'pending');
      assert.equal(fresh.body.qr.app, 'tax');
      assert.notEqual(fresh.body.qr.image, started.body.qr.image);
      await confirmTicket(server, person.idNumber);
      assert.equal((await call('GET', `/api/v1/flows/${started.body.flowId}`)).body.step, 'done');
    });
  });

  describe('#flows', () => {
    it('should keep a flow to the user who started it', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      const bob = await member(server, world);
      const peek = await server.call('GET', `/api/v1/flows/${started.body.flowId}`, { token: bob.token });
      assert.equal(peek.status, 404);
      const steal = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: bob.token,
        body: { code: await latestSmsCode(server, person.phone) },
      });
      assert.equal(steal.status, 404);
      assert.equal(
        (await server.call('DELETE', `/api/v1/flows/${started.body.flowId}`, { token: bob.token })).status,
        404,
      );
    });

    it('should end an expired flow and refuse to continue it', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      await server.ctx.db.execute(
        sql`update login_flows set expires_at = now() - interval '1 second' where id = ${started.body.flowId}`,
      );
      const polled = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(polled.body.step, 'failed');
      assert.equal(polled.body.error.code, 'flow_expired');
      const late = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        code: await latestSmsCode(server, person.phone),
      });
      assert.equal(late.status, 410);
      assert.equal(late.body.error.code, 'flow_closed');
      const [row] = await rows<{ password_enc: string | null }>(
        server,
        sql`select password_enc from login_flows where id = ${started.body.flowId}`,
      );
      assert.equal(row.password_enc, null, 'the typed password is wiped');
    });

    it('should refuse a second call while the first still drives the flow, and answer polls from what is stored', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      await server.ctx.db.execute(
        sql`update login_flows set busy_until = now() + interval '1 minute' where id = ${started.body.flowId}`,
      );
      const busy = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        code: await latestSmsCode(server, person.phone),
      });
      assert.equal(busy.status, 409);
      assert.equal(busy.body.error.code, 'flow_busy');
      assert.equal((await call('GET', `/api/v1/flows/${started.body.flowId}`)).body.step, 'sms');
      await server.ctx.db.execute(
        sql`update login_flows set busy_until = now() - interval '1 second' where id = ${started.body.flowId}`,
      );
      const done = await call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        code: await latestSmsCode(server, person.phone),
      });
      assert.equal(done.body.step, 'done', 'an abandoned lease lapses');
    });

    it('should cancel a flow on DELETE', async () => {
      const person = await bureauPerson(server, world.taxId);
      const started = await start(person);
      assert.equal((await call('DELETE', `/api/v1/flows/${started.body.flowId}`)).status, 204);
      const polled = await call('GET', `/api/v1/flows/${started.body.flowId}`);
      assert.equal(polled.body.step, 'failed');
      assert.equal(polled.body.error.code, 'cancelled');
      assert.equal(
        (await call('DELETE', `/api/v1/flows/${started.body.flowId}`)).status,
        204,
        'cancelling twice is harmless',
      );
    });
  });

  it('should never have answered a password, a full account, an SMS code or a bureau session id', async () => {
    const all = seen.join('\n');
    assert.ok(seen.length > 40);
    assert.ok(!all.includes('Secret#2025'), 'password');
    assert.ok(!/sessionId|session_id/i.test(all), 'session id');
    const phones = await rows<{ account: string }>(
      server,
      sql`select account from etax_accounts where tenant_id = ${world.tenantId}`,
    );
    assert.ok(phones.length >= 10);
    for (const { account } of phones) assert.ok(!all.includes(account), `full account ${account}`);
    const sms = (await server.call('GET', `/sandbox/etax/control/sms?phone=${phones[0].account}`)).body as {
      code: string;
    }[];
    for (const { code } of sms) assert.ok(!all.includes(`"${code}"`), 'SMS code');
  });
});
