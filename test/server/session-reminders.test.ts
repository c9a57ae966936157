/**
 * Expiry reminders (issue 14): a 登录 nearing its end is announced once to the webhook
 * (session.expiring) and its holder reminded once — only inside working hours (Beijing time), and
 * never with the last 登录通知 credit. The lead time here exceeds the sandbox's session lifetime
 * (2 h), so every fresh session is "nearing its end": no waiting for hours.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { privateDatabase, startTestServer, type TestServer } from '../support/server';
import { confirmTicket, tenantWithEnterprise } from '../support/etax';
import { accept, boundAccount, messagesOf, webhookReceiver } from '../support/requests';

const SECRET = 'webhook-secret-0123456789';
const watchEnv = {
  SESSION_WATCH_TICK_SECONDS: '1',
  SESSION_CHECK_INTERVAL_SECONDS: '3600',
  SESSION_REMINDER_LEAD_MINUTES: '180',
  WEBHOOK_RETRY_DELAY_SECONDS: '1',
};

/** HH:MM in Beijing time. */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);

async function waitForMessages(server: TestServer, user: string, count: number, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const all = await messagesOf(server, user);
    if (all.length >= count || Date.now() > end) return all;
    await sleep(100);
  }
}

/** A tenant with its webhook set, then a bound account logged in (开票) there. */
async function accountWithWebhook(server: TestServer, credits: number) {
  const world = await tenantWithEnterprise(server);
  const receiver = await webhookReceiver();
  await server.ops('PUT', `/ops/v1/tenants/${world.tenantId}/webhook`, { url: receiver.url, secret: SECRET });
  return { receiver, a: await boundAccount(server, { world, credits }) };
}

describe('#session-reminders inside working hours', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      database: await privateDatabase(),
      env: { ...watchEnv, SESSION_REMINDER_HOURS: '00:00-24:00' },
    });
  });
  after(async () => {
    await server.close();
    await server.ctx.database.close();
  });

  it('should remind the holder exactly once, tell the webhook once, and show 即将到期', async () => {
    const { a, receiver } = await accountWithWebhook(server, 2);
    try {
      const [reminder] = await waitForMessages(server, a.alice.user, 1);
      assert.ok(reminder, 'a reminder came');
      const detail = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
      assert.equal(reminder.page, `packages/accounts/pages/login/index?accountId=${a.accountId}&channel=issue`);
      assert.equal(reminder.data.thing5.value, `开票登录将于 ${beijing(detail.sessions.issue)} 到期，点击续期`);
      assert.equal(reminder.data.phrase3.value, '登录到期');
      assert.deepEqual(detail.expiringSoon, ['issue']);
      assert.equal(detail.notificationsLeft, 1, 'one credit spent, one kept');

      const [event] = await receiver.waitFor(1);
      const body = JSON.parse(event.raw);
      assert.equal(body.event, 'session.expiring');
      assert.equal(body.purpose, 'login');
      assert.equal(body.channel, 'issue');
      assert.equal(body.expiresAt, detail.sessions.issue);

      await sleep(3500);
      assert.equal((await messagesOf(server, a.alice.user)).length, 1, 'exactly one reminder');
      assert.equal(receiver.received.length, 1, 'exactly one session.expiring');
    } finally {
      await receiver.close();
    }
  });

  it('should keep the last credit for a 登录通知, and remind once another is granted', async () => {
    const { a, receiver } = await accountWithWebhook(server, 1);
    try {
      await receiver.waitFor(1);
      await sleep(2500);
      assert.equal((await messagesOf(server, a.alice.user)).length, 0, 'the last credit is not spent');
      await accept(server, a.alice, 1);
      const all = await waitForMessages(server, a.alice.user, 1);
      assert.equal(all.length, 1);
      assert.match(all[0].data.thing5.value, /^开票登录将于 \d\d:\d\d 到期，点击续期$/);
    } finally {
      await receiver.close();
    }
  });
});

describe('#session-reminders outside working hours', () => {
  let server: TestServer;
  before(async () => {
    // A one-hour window two hours from now (Beijing time): now is outside it.
    const hour = new Date(Date.now() + 8 * 3_600_000).getUTCHours();
    const hh = (h: number) => String(h % 24).padStart(2, '0');
    const hours = `${hh(hour + 2)}:00-${hh(hour + 3)}:00`;
    server = await startTestServer({
      database: await privateDatabase(),
      env: { ...watchEnv, SESSION_REMINDER_HOURS: hours },
    });
  });
  after(async () => {
    await server.close();
    await server.ctx.database.close();
  });

  it('should send no reminder, while the webhook still hears session.expiring', async () => {
    const { a, receiver } = await accountWithWebhook(server, 3);
    try {
      const [event] = await receiver.waitFor(1);
      assert.equal(JSON.parse(event.raw).event, 'session.expiring');
      await sleep(2500);
      assert.equal((await messagesOf(server, a.alice.user)).length, 0);
    } finally {
      await receiver.close();
    }
  });
});

describe('#session-reminders of a 认证', () => {
  let server: TestServer;
  before(async () => {
    // A lead longer than a 认证 lasts (24 h): the fresh 认证 is "nearing its end" too.
    server = await startTestServer({
      database: await privateDatabase(),
      env: { ...watchEnv, SESSION_REMINDER_LEAD_MINUTES: '1500', SESSION_REMINDER_HOURS: '00:00-24:00' },
    });
  });
  after(async () => {
    await server.close();
    await server.ctx.database.close();
  });

  it('should remind once that the 认证 ends, opening 认证 of the account', async () => {
    const { a, receiver } = await accountWithWebhook(server, 3);
    try {
      const started = await server.call('POST', `/api/v1/accounts/${a.accountId}/flows`, {
        token: a.alice.token,
        body: { purpose: 'auth' },
      });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      await confirmTicket(server, a.person.idNumber, 'auth');
      const done = await server.call('GET', `/api/v1/flows/${started.body.flowId}`, { token: a.alice.token });
      assert.equal(done.body.step, 'done');
      const all = await waitForMessages(server, a.alice.user, 2);
      const auth = all.find((m) => m.page.endsWith('purpose=auth'));
      assert.ok(auth, JSON.stringify(all.map((m) => m.page)));
      const detail = (await server.call('GET', `/api/v1/accounts/${a.accountId}`, { token: a.alice.token })).body;
      assert.equal(auth.page, `packages/accounts/pages/login/index?accountId=${a.accountId}&purpose=auth`);
      assert.equal(auth.data.phrase3.value, '认证到期');
      assert.equal(auth.data.thing5.value, `认证将于 ${beijing(detail.authValidUntil)} 到期，点击续期`);
      assert.ok(detail.expiringSoon.includes('auth'));
      const events = (await receiver.waitFor(2)).map((d) => JSON.parse(d.raw));
      assert.ok(events.some((e) => e.event === 'session.expiring' && e.purpose === 'auth' && !e.channel));
      await sleep(2500);
      assert.equal((await messagesOf(server, a.alice.user)).length, 2, 'one reminder per end');
    } finally {
      await receiver.close();
    }
  });
});
