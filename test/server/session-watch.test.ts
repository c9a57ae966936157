/**
 * The session watch (issue 14): drops at the bureau are seen within one check interval — the
 * holder is told and can log in again from the message, the webhook hears session.dropped, hosted
 * accounts log in again by themselves — and the bureau is never asked about a session more often
 * than the interval allows (counted at the sandbox). Expiry reminders: once, inside working hours,
 * never with the last credit.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { privateDatabase, startTestServer, type TestServer } from '../support/server';
import { latestSmsCode, tenantWithEnterprise, type BureauPerson } from '../support/etax';
import { boundAccount, dropSessions, messagesOf, webhookReceiver } from '../support/requests';

const SECRET = 'webhook-secret-0123456789';
const INTERVAL_S = 3;

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const checksOf = async (server: TestServer, person: BureauPerson) =>
  (await server.call('GET', `/sandbox/etax/control/sessions/checks?idNumber=${person.idNumber}`)).body as {
    sessionId: string;
    at: string;
  }[];

const detail = async (server: TestServer, token: string, accountId: string) =>
  (await server.call('GET', `/api/v1/accounts/${accountId}`, { token })).body;

/** 个人中心's count of my accounts that need me, for one enterprise. */
async function needingMe(server: TestServer, token: string, enterpriseId: string): Promise<number> {
  const res = await server.call('GET', '/api/v1/me/tenants', { token });
  const found = res.body.tenants.flatMap((t: { enterprises: { id: string }[] }) => t.enterprises);
  return found.find((e: { id: string }) => e.id === enterpriseId).myNeedingCount;
}

describe('#session-watch', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({
      // The watch sweeps every session of its database: keep other suites' sessions out of it.
      database: await privateDatabase(),
      env: {
        SESSION_WATCH_TICK_SECONDS: '1',
        SESSION_CHECK_INTERVAL_SECONDS: String(INTERVAL_S),
        SESSION_CHECKS_PER_REGION_PER_MINUTE: '600',
        WEBHOOK_RETRY_DELAY_SECONDS: '1',
      },
    });
  });
  after(async () => {
    await server.close();
    await server.ctx.database.close();
  });

  it('should tell the holder and the webhook of a drop within one interval; one tap logs in again', async () => {
    const receiver = await webhookReceiver();
    try {
      const a = await boundAccount(server, { credits: 1 });
      await server.ops('PUT', `/ops/v1/tenants/${a.world.tenantId}/webhook`, { url: receiver.url, secret: SECRET });
      assert.ok((await detail(server, a.alice.token, a.accountId)).sessions.issue, '开票 已登录 after 新增');
      const before = (await messagesOf(server, a.alice.user)).length;
      await dropSessions(server, a.person);
      const droppedAt = Date.now();

      const [message] = await until('the drop message', async () => {
        const all = await messagesOf(server, a.alice.user);
        return all.length > before && all;
      });
      // Seen within one interval and a run of the watch (plus the time the test takes to look).
      assert.ok(Date.now() - droppedAt < (INTERVAL_S + 3) * 1000, `seen after ${Date.now() - droppedAt} ms`);
      assert.equal(message.page, `packages/accounts/pages/login/index?accountId=${a.accountId}&channel=issue`);
      assert.equal(message.data.phrase3.value, '开票掉线');
      assert.equal(message.data.thing5.value, '已掉线（另一处登录），点击重新登录');

      const [delivery] = await receiver.waitFor(1);
      const event = JSON.parse(delivery.raw);
      assert.equal(event.event, 'session.dropped');
      assert.equal(event.taxId, a.world.taxId);
      assert.equal(event.channel, 'issue');
      assert.equal(event.cause, 'elsewhere');
      assert.equal(event.relogin, 'notified');
      assert.equal(event.account, `${a.person.phone.slice(0, 3)}****${a.person.phone.slice(-4)}`);
      assert.match(event.reason, /其他地方登录/);

      const shown = await detail(server, a.alice.token, a.accountId);
      assert.equal(shown.sessions.issue, undefined, 'no longer 已登录');
      assert.equal(shown.dropped.issue.cause, 'elsewhere');
      assert.ok(Math.abs(Date.parse(shown.dropped.issue.at) - droppedAt) < 2000);
      assert.equal(await needingMe(server, a.alice.token, a.world.enterpriseId), 1, '个人中心: one of mine needs me');

      // The message opens 登录 of that account and channel: one tap, the code, 已登录 again.
      const started = await server.call('POST', `/api/v1/accounts/${a.accountId}/flows`, {
        token: a.alice.token,
        body: { purpose: 'login', channel: 'issue', method: 'password' },
      });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
        token: a.alice.token,
        body: { code: await latestSmsCode(server, a.person.phone) },
      });
      assert.equal(done.body.step, 'done');
      const again = await detail(server, a.alice.token, a.accountId);
      assert.ok(Date.parse(again.sessions.issue) > Date.now(), '已登录 again');
      assert.equal(again.dropped, undefined, '已掉线 is gone');
      assert.equal(await needingMe(server, a.alice.token, a.world.enterpriseId), 0);
      await sleep(1500);
      assert.equal(receiver.received.length, 1, 'one drop, one event');
    } finally {
      await receiver.close();
    }
  });

  it('should show the operator each account’s sessions: live, then 已掉线 with cause and last check', async () => {
    const a = await boundAccount(server, { credits: 0 });
    const path = `/ops/v1/enterprises/${a.world.taxId}/sessions`;
    const live = await server.ops('GET', path);
    assert.equal(live.status, 200, JSON.stringify(live.body));
    assert.equal(live.body.taxId, a.world.taxId);
    const [account] = live.body.accounts;
    assert.equal(account.account, `${a.person.phone.slice(0, 3)}****${a.person.phone.slice(-4)}`);
    const issue = account.channels.find((c: { channel: string }) => c.channel === 'issue');
    assert.equal(issue.state, 'live');
    assert.ok(Date.parse(issue.expiresAt) > Date.now());
    assert.equal(account.channels.find((c: { channel: string }) => c.channel === 'receive').state, 'none');

    await dropSessions(server, a.person);
    const seen = await until('the drop in the operator view', async () => {
      const res = await server.ops('GET', path);
      const c = res.body.accounts[0].channels.find((x: { channel: string }) => x.channel === 'issue');
      return c.state === 'dropped' && c;
    });
    assert.equal(seen.expiresAt, undefined);
    assert.equal(seen.lastDrop.cause, 'elsewhere');
    assert.match(seen.lastDrop.reason, /其他地方登录/);
    assert.ok(Date.parse(seen.lastCheckedAt) >= Date.parse(seen.lastDrop.at));

    const unknown = await server.ops('GET', '/ops/v1/enterprises/91350100M000100Y43/sessions');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'enterprise_not_found');
    const bad = await server.ops('GET', '/ops/v1/enterprises/not-a-tax-id/sessions');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /税号格式不正确/);
    assert.equal((await server.call('GET', path)).status, 401, 'operators only');

    const doc = (await server.call('GET', '/openapi.json')).body;
    const op = doc.paths['/ops/v1/enterprises/{taxId}/sessions'].get;
    assert.equal(op.operationId, 'getEnterpriseSessions');
    assert.ok(op.responses['200'].content['application/json'].schema.properties.accounts);
  });

  it('should tell no one but the webhook when the holder has no notice left', async () => {
    const receiver = await webhookReceiver();
    try {
      const a = await boundAccount(server, { credits: 0 });
      await server.ops('PUT', `/ops/v1/tenants/${a.world.tenantId}/webhook`, { url: receiver.url, secret: SECRET });
      await dropSessions(server, a.person);
      const [delivery] = await receiver.waitFor(1);
      assert.equal(JSON.parse(delivery.raw).relogin, 'none');
      assert.equal((await messagesOf(server, a.alice.user)).length, 0);
      assert.equal((await detail(server, a.alice.token, a.accountId)).dropped.issue.cause, 'elsewhere');
    } finally {
      await receiver.close();
    }
  });

  it('should log a hosted account in again by itself after a drop, with no message', async () => {
    const receiver = await webhookReceiver();
    try {
      const a = await boundAccount(server, { credits: 1, loginType: 'huameng' });
      await server.ops('PUT', `/ops/v1/tenants/${a.world.tenantId}/webhook`, { url: receiver.url, secret: SECRET });
      const first = (await detail(server, a.alice.token, a.accountId)).sessions.issue;
      assert.ok(first);
      await dropSessions(server, a.person);
      const events = await receiver.waitFor(1);
      const dropped = JSON.parse(events[0].raw);
      assert.equal(dropped.event, 'session.dropped');
      assert.equal(dropped.relogin, 'auto');
      const back = await until('the automatic login', async () => {
        const d = await detail(server, a.alice.token, a.accountId);
        return d.sessions.issue && d;
      });
      assert.equal(back.dropped, undefined);
      assert.equal((await messagesOf(server, a.alice.user)).length, 0, 'no message for a hosted account');
    } finally {
      await receiver.close();
    }
  });

  it('should never check a session more often than the interval (counted at the bureau)', async () => {
    const a = await boundAccount(server);
    const loggedIn = Date.now();
    await sleep(INTERVAL_S * 3 * 1000 + 1500);
    const checks = await checksOf(server, a.person);
    const times = checks.map((c) => Date.parse(c.at));
    assert.ok(times.length >= 2, `the watch checked (${times.length} checks)`);
    assert.ok(times.length <= 3, `at most one check per interval: ${times.length}`);
    assert.ok(times[0] - loggedIn >= INTERVAL_S * 1000, 'a login counts as a check');
    for (let i = 1; i < times.length; i++) {
      assert.ok(times[i] - times[i - 1] >= INTERVAL_S * 1000, `checks ${times[i] - times[i - 1]} ms apart`);
    }
  });

  // Last: it moves the bureau's clock for every session of this server.
  it('should say 到期 when the bureau lets the session run out (sandbox clock)', async () => {
    const a = await boundAccount(server, { credits: 1 });
    const moved = await server.call('POST', '/sandbox/etax/control/clock', { body: { advanceMs: 2 * 3_600_000 } });
    assert.equal(moved.status, 200);
    const [message] = await until('the 到期 message', async () => {
      const all = await messagesOf(server, a.alice.user);
      return all.length > 0 && all;
    });
    assert.equal(message.data.thing5.value, '已掉线（到期），点击重新登录');
    assert.equal((await detail(server, a.alice.token, a.accountId)).dropped.issue.cause, 'expired');
  });
});

describe('#session-watch across instances', () => {
  let a: TestServer;
  let b: TestServer;
  const env = { SESSION_WATCH_TICK_SECONDS: '1', SESSION_CHECK_INTERVAL_SECONDS: String(INTERVAL_S) };

  before(async () => {
    const database = await privateDatabase();
    a = await startTestServer({ database, env });
    // B uses A's sandboxes, as two instances behind a load balancer use the same outside services.
    b = await startTestServer({
      database,
      env: { ...env, WECHAT_API_BASE: `${a.url}/sandbox/wechat`, ETAX_API_BASE: `${a.url}/sandbox/etax/api` },
    });
  });
  after(async () => {
    await b.close();
    await a.close();
    await a.ctx.database.close();
  });

  it('should run one watch for all instances: the bureau still sees one check per interval', async () => {
    const account = await boundAccount(a);
    await sleep(INTERVAL_S * 3 * 1000 + 1500);
    const times = (await checksOf(a, account.person)).map((c) => Date.parse(c.at));
    assert.ok(times.length >= 2, `the watch checked (${times.length} checks)`);
    assert.ok(times.length <= 3, `two instances, still at most one check per interval: ${times.length}`);
    for (let i = 1; i < times.length; i++) {
      assert.ok(times[i] - times[i - 1] >= INTERVAL_S * 1000, `checks ${times[i] - times[i - 1]} ms apart`);
    }
  });
});

describe('#session-watch per bureau region', () => {
  let server: TestServer;
  const TICK_S = 2;
  before(async () => {
    server = await startTestServer({
      database: await privateDatabase(),
      // 30 a minute at one run every 2 s: one check per run and region.
      env: {
        SESSION_WATCH_TICK_SECONDS: String(TICK_S),
        SESSION_CHECK_INTERVAL_SECONDS: '2',
        SESSION_CHECKS_PER_REGION_PER_MINUTE: '30',
      },
    });
  });
  after(async () => {
    await server.close();
    await server.ctx.database.close();
  });

  it('should send one region no more checks than its budget, the longest-unchecked first, other regions apart', async () => {
    const busy = await tenantWithEnterprise(server, { region: '甲地' });
    const crowd = [];
    for (let i = 0; i < 3; i++) crowd.push(await boundAccount(server, { world: busy }));
    const alone = await boundAccount(server, { world: await tenantWithEnterprise(server, { region: '乙地' }) });
    const from = Date.now();
    const windowMs = 10_000;
    await sleep(windowMs);
    const inWindow = (checks: { at: string }[]) =>
      checks.map((c) => Date.parse(c.at)).filter((t) => t >= from && t < from + windowMs);
    const regionChecks = (await Promise.all(crowd.map((a) => checksOf(server, a.person)))).flatMap(inWindow);
    const runs = windowMs / (TICK_S * 1000);
    assert.ok(regionChecks.length >= 3, `the region was checked (${regionChecks.length})`);
    assert.ok(regionChecks.length <= runs + 1, `${regionChecks.length} checks in ${runs} runs: one per run`);
    for (const a of crowd) {
      assert.ok(inWindow(await checksOf(server, a.person)).length >= 1, 'each in turn, none starved');
    }
    assert.ok(inWindow(await checksOf(server, alone.person)).length >= 2, 'another region has its own budget');
  });
});
