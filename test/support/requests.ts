/**
 * Login requests (登录通知, browser link, webhooks) for server tests, through the public surfaces:
 * the operator API, the app API, the link API and the sandboxes' control APIs.
 *
 *   const { world, alice, person, accountId } = await boundAccount(server, { credits: 1 });
 *   const asked = await ask(server, { taxId: world.taxId, channel: 'receive', account: person.phone });
 *   const done = await finishBySms(server, alice, asked.body.requestId, person.phone);
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestServer } from './server';
import {
  addAccount,
  bindTo,
  bureauPerson,
  latestSmsCode,
  member,
  tenantWithEnterprise,
  type BureauPerson,
  type Member,
  type World,
} from './etax';
import type { Channel, LoginType } from '../../types/domain';

/** POST /ops/v1/tax-sessions */
export function ask(
  server: TestServer,
  body: { taxId: string; channel: Channel; purpose?: 'login' | 'auth'; account?: string; tenantId?: string },
) {
  return server.ops('POST', '/ops/v1/tax-sessions', { purpose: 'login', ...body });
}

/** GET /ops/v1/tax-sessions/:requestId */
export async function statusOf(server: TestServer, requestId: string) {
  const res = await server.ops('GET', `/ops/v1/tax-sessions/${requestId}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { requestId: string; status: string; reason?: string; expiresAt: string };
}

/** Polls the request until it is no longer pending (or the time is up). */
export async function settled(server: TestServer, requestId: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await statusOf(server, requestId);
    if (s.status !== 'pending' || Date.now() > until) return s;
    await sleep(100);
  }
}

/** Subscribe messages the simulated user received, newest first. */
export async function messagesOf(server: TestServer, user: string) {
  const res = await server.call('GET', `/sandbox/wechat/control/messages?user=${encodeURIComponent(user)}`);
  assert.equal(res.status, 200);
  return res.body as { template_id: string; page: string; data: Record<string, { value: string }>; sentAt: string }[];
}

export const loginTemplate = (server: TestServer) => server.config.WECHAT_LOGIN_TEMPLATE_ID;

/**
 * The user taps 允许 for the 登录通知 template `times` times: WeChat (the sandbox) and our server
 * each count one credit per acceptance. `wechat: false` records ours only, as when WeChat forgot them.
 */
export async function accept(server: TestServer, who: Member, times = 1, opts: { wechat?: boolean } = {}) {
  const results = { [loginTemplate(server)]: 'accept' };
  for (let i = 0; i < times; i++) {
    if (opts.wechat !== false) {
      const w = await server.call('POST', '/sandbox/wechat/control/subscriptions', {
        body: { user: who.user, results },
      });
      assert.equal(w.status, 200);
    }
    const ours = await server.call('POST', '/api/v1/me/subscriptions', {
      token: who.token,
      body: { subscriptions: results },
    });
    assert.equal(ours.status, 200);
  }
}

export interface BoundAccount {
  world: World;
  alice: Member;
  person: BureauPerson;
  accountId: string;
}

/**
 * A tenant and enterprise, a member (alice) who added an account (开票 logged in by the adding) and,
 * unless `bound` is false, bound it with `credits` acceptances of the 登录通知 template.
 */
export async function boundAccount(
  server: TestServer,
  opts: { credits?: number; bound?: boolean; loginType?: LoginType; world?: World; deliver?: boolean } = {},
): Promise<BoundAccount> {
  const world = opts.world ?? (await tenantWithEnterprise(server));
  const alice = await member(server, world);
  const hosted = opts.loginType && opts.loginType !== 'manual' ? opts.loginType : undefined;
  const person = await bureauPerson(server, world.taxId, { hostedBy: hosted });
  const accountId = hosted
    ? await addHostedAccount(server, alice, world, person, hosted)
    : await addAccount(server, alice.token, world.enterpriseId, person);
  if (opts.deliver === false) await setDelivery(server, person, hosted ?? 'huameng', false);
  if (opts.bound !== false) {
    await bindTo(server, alice, accountId);
    if (opts.credits) await accept(server, alice, opts.credits);
  }
  return { world, alice, person, accountId };
}

/** 新增账号 of a hosted number: it fetches its code itself (poll until done). */
async function addHostedAccount(
  server: TestServer,
  who: Member,
  world: World,
  person: BureauPerson,
  loginType: Exclude<LoginType, 'manual'>,
): Promise<string> {
  const started = await server.call('POST', `/api/v1/enterprises/${world.enterpriseId}/accounts/flows`, {
    token: who.token,
    body: { business: 'issue', account: person.phone, password: person.password, role: '办税员', loginType },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  for (let i = 0; i < 50; i++) {
    const polled = await server.call('GET', `/api/v1/flows/${started.body.flowId}`, { token: who.token });
    if (polled.body.step === 'done') return polled.body.accountId as string;
    assert.equal(polled.body.step, 'hosted_wait', JSON.stringify(polled.body));
    await sleep(100);
  }
  throw new Error('hosted 新增账号 did not finish');
}

/** Whether the hosted number's provider hands out the codes it receives. */
export async function setDelivery(
  server: TestServer,
  person: BureauPerson,
  provider: Exclude<LoginType, 'manual'>,
  deliver: boolean,
) {
  const res = await server.call('POST', '/sandbox/etax/control/hosted-numbers', {
    body: { phone: person.phone, provider, deliver },
  });
  assert.equal(res.status, 201);
}

/** The person logs in elsewhere: the bureau drops their sessions. */
export async function dropSessions(server: TestServer, person: BureauPerson) {
  const res = await server.call('POST', '/sandbox/etax/control/sessions/drop', { body: { idNumber: person.idNumber } });
  assert.equal(res.status, 200);
}

/** The bound user opens the request and logs in with the SMS code; the flow's last state. */
export async function finishBySms(server: TestServer, who: Member, requestId: string, phone: string) {
  const started = await server.call('POST', `/api/v1/login-requests/${requestId}/flows`, {
    token: who.token,
    body: { method: 'password' },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  assert.equal(started.body.step, 'sms');
  const done = await server.call('POST', `/api/v1/flows/${started.body.flowId}/sms`, {
    token: who.token,
    body: { code: await latestSmsCode(server, phone) },
  });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  return done.body;
}

/** The token `t` of a loginUrl. */
export function tokenOf(loginUrl: string): string {
  const t = new URL(loginUrl.replace('/#/', '/')).searchParams.get('t');
  assert.ok(t, `no token in ${loginUrl}`);
  return t;
}

export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  at: number;
}

/**
 * A small webhook receiver on a free loopback port: records every POST and answers 500 to the
 * first `failFirst` of them, 200 afterwards.
 */
export async function webhookReceiver(opts: { failFirst?: number } = {}) {
  const received: Received[] = [];
  let failures = opts.failFirst ?? 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      if (failures > 0) {
        failures--;
        res.writeHead(500).end('not now');
      } else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks/etax?key=abc`,
    received,
    /** Waits until `count` deliveries arrived. */
    async waitFor(count: number, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await sleep(50);
      assert.ok(received.length >= count, `expected ${count} webhook deliveries, got ${received.length}`);
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
