/**
 * Bureau people and e-tax accounts for server tests, through the public surfaces only: the e-tax
 * sandbox's control API (/sandbox/etax/control), the operator API and the app API.
 *
 *   const world = await tenantWithEnterprise(server);             // tenant + enterprise, known to the bureau
 *   const alice = await member(server, world);                    // a WeChat user who joined the tenant
 *   const person = await bureauPerson(server, world.taxId);       // a natural person related to the 税号
 *   const accountId = await addAccount(server, alice.token, world.enterpriseId, person);  // 人工登录 + SMS
 */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { TestServer } from './server';
import { signInAs, uniqueUser } from './server';
import { makeIdNumber, makePhone, makeTaxId } from './factories';
import { sha256 } from '../../server/crypto/secrets';
import type { Channel, LoginType, Role } from '../../types/domain';

const CONTROL = '/sandbox/etax/control';

export interface World {
  tenantId: string;
  activationCode: string;
  enterpriseId: string;
  taxId: string;
  enterpriseName: string;
  region: string;
}

export interface Member {
  user: string;
  token: string;
  userId: string;
}

export interface BureauPerson {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

async function ok(res: Promise<{ status: number; body: unknown }>, expected: number, what: string) {
  const r = await res;
  assert.equal(r.status, expected, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/** A tenant with one enterprise, the enterprise also registered at the bureau. */
export async function tenantWithEnterprise(server: TestServer, opts: { region?: string } = {}): Promise<World> {
  const taxId = makeTaxId();
  const region = opts.region ?? '新疆';
  const enterpriseName = `测试企业${taxId.slice(-6)}有限公司`;
  const tenant = await ok(server.ops('POST', '/ops/v1/tenants', { name: `租户${taxId.slice(-4)}` }), 201, 'tenant');
  const ent = await ok(
    server.ops('POST', `/ops/v1/tenants/${tenant.id}/enterprises`, { name: enterpriseName, taxId, region }),
    201,
    'enterprise',
  );
  await ok(
    server.call('POST', `${CONTROL}/enterprises`, { body: { taxId, name: enterpriseName, region } }),
    201,
    'bureau enterprise',
  );
  return {
    tenantId: tenant.id as string,
    activationCode: tenant.activationCode as string,
    enterpriseId: ent.id as string,
    taxId,
    enterpriseName,
    region,
  };
}

/** A second enterprise of the same tenant (also at the bureau). */
export async function anotherEnterprise(server: TestServer, world: World): Promise<World> {
  const taxId = makeTaxId();
  const enterpriseName = `关联企业${taxId.slice(-6)}有限公司`;
  const ent = await ok(
    server.ops('POST', `/ops/v1/tenants/${world.tenantId}/enterprises`, {
      name: enterpriseName,
      taxId,
      region: world.region,
    }),
    201,
    'enterprise',
  );
  await ok(
    server.call('POST', `${CONTROL}/enterprises`, { body: { taxId, name: enterpriseName, region: world.region } }),
    201,
    'bureau enterprise',
  );
  return { ...world, enterpriseId: ent.id as string, taxId, enterpriseName };
}

/** A simulated WeChat user; joins the world's tenant unless `join` is false. */
export async function member(server: TestServer, world: World | null, opts: { join?: boolean } = {}): Promise<Member> {
  const user = uniqueUser();
  const token = await signInAs(server, user);
  if (world && opts.join !== false) {
    await ok(
      server.call('POST', '/api/v1/me/tenants', { token, body: { activationCode: world.activationCode } }),
      201,
      'join',
    );
  }
  const [session] = await rows<{ user_id: string }>(
    server,
    sql`select user_id from app_sessions where token_hash = ${sha256(token)}`,
  );
  return { user, token, userId: session.user_id };
}

/** A natural person at the bureau, related to the 税号 with the 身份 and permissions. */
export async function bureauPerson(
  server: TestServer,
  taxId: string,
  opts: {
    role?: Role;
    permissions?: Channel[];
    realNameLevel?: number;
    agreementSigned?: boolean;
    hostedBy?: Exclude<LoginType, 'manual'>;
    deliver?: boolean;
  } = {},
): Promise<BureauPerson> {
  const person = { name: '张三丰', idNumber: makeIdNumber(), phone: makePhone(), password: 'Secret#2025' };
  await ok(
    server.call('POST', `${CONTROL}/persons`, {
      body: {
        ...person,
        idType: '居民身份证',
        realNameLevel: opts.realNameLevel ?? 4,
        agreementSigned: opts.agreementSigned ?? true,
      },
    }),
    201,
    'bureau person',
  );
  await relate(server, taxId, person.idNumber, opts.role ?? '办税员', opts.permissions ?? ['issue', 'receive']);
  if (opts.hostedBy) {
    await ok(
      server.call('POST', `${CONTROL}/hosted-numbers`, {
        body: { phone: person.phone, provider: opts.hostedBy, deliver: opts.deliver ?? true },
      }),
      201,
      'hosted number',
    );
  }
  return person;
}

export async function relate(server: TestServer, taxId: string, idNumber: string, role: Role, permissions: Channel[]) {
  await ok(
    server.call('POST', `${CONTROL}/relations`, { body: { taxId, idNumber, role, permissions } }),
    201,
    'relation',
  );
}

/** The newest SMS code the phone received (the holder reads it). */
export async function latestSmsCode(server: TestServer, phone: string): Promise<string> {
  const res = await server.call('GET', `${CONTROL}/sms?phone=${encodeURIComponent(phone)}`);
  assert.equal(res.status, 200);
  assert.ok(res.body.length > 0, `no SMS for ${phone}`);
  return res.body[0].code as string;
}

/** The holder scans and confirms the newest pending ticket of this kind in the app. */
export async function confirmTicket(server: TestServer, idNumber: string, kind: 'login' | 'auth' = 'login') {
  const tickets = await server.call('GET', `${CONTROL}/tickets?idNumber=${idNumber}`);
  const ticket = (tickets.body as { ticket: string; kind: string }[]).find((t) => t.kind === kind);
  assert.ok(ticket, `no pending ${kind} ticket for the person`);
  await ok(
    server.call('POST', `${CONTROL}/tickets/${ticket.ticket}/confirm`, { body: { idNumber } }),
    200,
    'confirm ticket',
  );
}

export interface AddOptions {
  business?: Channel;
  role?: Role;
  loginType?: LoginType;
  account?: string;
}

/** Starts 新增账号 with 人工登录 and answers the SMS step; returns the new account's id. */
export async function addAccount(
  server: TestServer,
  token: string,
  enterpriseId: string,
  person: BureauPerson,
  opts: AddOptions = {},
): Promise<string> {
  const started = await ok(
    server.call('POST', `/api/v1/enterprises/${enterpriseId}/accounts/flows`, {
      token,
      body: {
        business: opts.business ?? 'issue',
        account: opts.account ?? person.phone,
        password: person.password,
        role: opts.role ?? '办税员',
        loginType: opts.loginType ?? 'manual',
      },
    }),
    201,
    'start 新增账号',
  );
  assert.equal(started.step, 'sms');
  const done = await ok(
    server.call('POST', `/api/v1/flows/${started.flowId}/sms`, {
      token,
      body: { code: await latestSmsCode(server, person.phone) },
    }),
    200,
    'sms code',
  );
  assert.equal(done.step, 'done', JSON.stringify(done));
  return done.accountId as string;
}

/** Binds the account to the user, accepting the given templates in the same tap (WeChat and us). */
export async function bindTo(server: TestServer, who: Member, accountId: string, accept: string[] = []) {
  const results = Object.fromEntries(accept.map((id) => [id, 'accept']));
  if (accept.length > 0) {
    await ok(
      server.call('POST', '/sandbox/wechat/control/subscriptions', { body: { user: who.user, results } }),
      200,
      'wechat popup',
    );
  }
  return ok(
    server.call('POST', `/api/v1/accounts/${accountId}/binding`, {
      token: who.token,
      body: { subscriptions: results },
    }),
    200,
    'bind',
  );
}

/** Makes the user a 数电配置管理员 of the enterprise (the admin feature comes later: seeded directly). */
export async function seedAdmin(server: TestServer, world: World, who: Member, name = '李法人') {
  await server.ctx.db.execute(
    sql`insert into enterprise_admins (enterprise_id, user_id, tenant_id, name) values (${world.enterpriseId}, ${who.userId}, ${world.tenantId}, ${name})`,
  );
}

/** Rows of a raw query, typed loosely for assertions. */
export async function rows<T = Record<string, unknown>>(
  server: TestServer,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  const res = await server.ctx.db.execute(query);
  return (res as unknown as { rows: T[] }).rows;
}
