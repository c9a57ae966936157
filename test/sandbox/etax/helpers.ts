/**
 * A sandbox bureau on 127.0.0.1 (random port) with the adapter pointed at it, an injected clock
 * (advance instead of sleeping), captured adapter logs, and small helpers for the control API.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { createEtaxHttpGateway, type EtaxHttpGatewayOptions } from '../../../server/adapters/etax/http';
import { createMemoryRateLimiter } from '../../../server/adapters/etax/rate-limit';
import { EtaxError, type EtaxErrorKind, type EtaxGateway, type LoginStep } from '../../../server/adapters/etax/types';
import { etaxSandbox, type EtaxSandboxOptions, type EtaxTiming } from '../../../server/sandbox/etax';
import type { Channel, Role } from '../../../types/domain';
import { makeIdNumber, makePhone, makeTaxId } from '../../support/factories';

/** Control API answers, read ad hoc by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
export type Json = any;

export const T0 = Date.parse('2025-03-03T01:00:00.000Z');
export const MIN = 60_000;

export interface LogLine {
  level: 'info' | 'warn';
  obj: object;
  msg: string;
}

export interface PersonFixture {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

export interface Bureau {
  origin: string;
  control: string;
  gateway: EtaxGateway;
  logs: LogLine[];
  app: FastifyInstance;
  /** Every request that reached the server, as "METHOD /path", in order. */
  requests: string[];
  now(): number;
  advance(ms: number): void;
  post(path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  get(path: string): Promise<{ status: number; body: Json }>;
  del(path: string): Promise<{ status: number; body: Json }>;
  enterprise(init?: {
    taxId?: string;
    name?: string;
    region?: string;
  }): Promise<{ taxId: string; name: string; region: string }>;
  person(
    init?: Partial<PersonFixture> & {
      realNameLevel?: number;
      agreementSigned?: boolean;
      userName?: string;
      failRealName?: boolean;
    },
  ): Promise<PersonFixture>;
  relate(taxId: string, idNumber: string, role?: Role, permissions?: Channel[]): Promise<void>;
  /** The newest SMS code the phone received. */
  latestCode(phone: string): Promise<string>;
  /** Confirm a ticket as the holder. */
  confirm(ticket: string, idNumber: string): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

export async function startBureau(
  options: {
    timing?: Partial<EtaxTiming>;
    dataFile?: string;
    sandbox?: Partial<EtaxSandboxOptions>;
    gateway?: Partial<EtaxHttpGatewayOptions>;
  } = {},
): Promise<Bureau> {
  let now = T0;
  const app = Fastify({ logger: false });
  const requests: string[] = [];
  app.addHook('onRequest', async (req) => {
    requests.push(`${req.method} ${req.url.split('?')[0]}`);
  });
  await app.register(etaxSandbox, {
    prefix: '/sandbox/etax',
    dataFile: options.dataFile,
    timing: options.timing,
    now: () => now,
    ...options.sandbox,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const control = `${origin}/sandbox/etax/control`;
  const logs: LogLine[] = [];
  const gateway = createEtaxHttpGateway({
    baseUrl: `${origin}/sandbox/etax/api`,
    rateLimiter: createMemoryRateLimiter({ now: () => now }),
    limits: { sms: { limit: 1000, windowMs: MIN }, qr: { limit: 1000, windowMs: MIN } },
    logger: {
      info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
      warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
    },
    ...options.gateway,
  });

  const request = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${control}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const expectOk = (res: { status: number; body: Json }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  const bureau: Bureau = {
    origin,
    control,
    gateway,
    logs,
    app,
    requests,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    post: (path, body) => request('POST', path, body ?? {}),
    get: (path) => request('GET', path),
    del: (path) => request('DELETE', path),
    async enterprise(init = {}) {
      const e = {
        taxId: init.taxId ?? makeTaxId(),
        name: init.name ?? '乌鲁木齐测试商贸有限公司',
        region: init.region ?? '新疆',
      };
      expectOk(await bureau.post('/enterprises', e), 'create enterprise');
      return e;
    },
    async person(init = {}) {
      const p = {
        name: init.name ?? '张三',
        idType: '居民身份证',
        idNumber: init.idNumber ?? makeIdNumber(),
        phone: init.phone ?? makePhone(),
        password: init.password ?? 'Abc12345',
        ...(init.realNameLevel !== undefined && { realNameLevel: init.realNameLevel }),
        ...(init.agreementSigned !== undefined && { agreementSigned: init.agreementSigned }),
        ...(init.userName !== undefined && { userName: init.userName }),
        ...(init.failRealName !== undefined && { failRealName: init.failRealName }),
      };
      expectOk(await bureau.post('/persons', p), 'create person');
      return { name: p.name, idNumber: p.idNumber, phone: p.phone, password: p.password };
    },
    async relate(taxId, idNumber, role = '开票员', permissions = ['issue', 'receive']) {
      expectOk(await bureau.post('/relations', { taxId, idNumber, role, permissions }), 'create relation');
    },
    async latestCode(phone) {
      const res = expectOk(await bureau.get(`/sms?phone=${phone}`), 'read sms');
      if (res.body.length === 0) throw new Error(`no SMS for ${phone}`);
      return res.body[0].code as string;
    },
    confirm: (ticket, idNumber) => bureau.post(`/tickets/${ticket}/confirm`, { idNumber }),
    close: () => app.close(),
  };
  return bureau;
}

/** An enterprise and a related person, the usual start of a test. */
export async function withPerson(
  b: Bureau,
  init: Parameters<Bureau['person']>[0] = {},
  role: Role = '开票员',
  permissions: Channel[] = ['issue', 'receive'],
) {
  const enterprise = await b.enterprise();
  const person = await b.person(init);
  await b.relate(enterprise.taxId, person.idNumber, role, permissions);
  return { enterprise, person };
}

/** Password login by the person's phone, up to the SMS step. */
export async function smsStep(
  b: Bureau,
  person: PersonFixture,
  taxId: string,
  channel: Channel = 'issue',
  role?: Role,
) {
  const started = await b.gateway.startLogin({
    account: person.phone,
    password: person.password,
    taxId,
    channel,
    role,
  });
  return expectStep(started, 'sms_sent');
}

/** Password + SMS all the way to the session. */
export async function passwordLogin(
  b: Bureau,
  person: PersonFixture,
  taxId: string,
  channel: Channel = 'issue',
  role?: Role,
) {
  const sms = await smsStep(b, person, taxId, channel, role);
  const done = await b.gateway.submitSmsCode(sms.flowId, await b.latestCode(person.phone));
  return expectStep(done, 'logged_in').session;
}

export function expectStep<S extends LoginStep['step']>(step: LoginStep, name: S): Extract<LoginStep, { step: S }> {
  if (step.step !== name) throw new Error(`expected step ${name}, got ${JSON.stringify(step)}`);
  return step as Extract<LoginStep, { step: S }>;
}

/** Asserts the promise rejects with an EtaxError of that kind and returns it. */
export async function expectEtaxError(promise: Promise<unknown>, kind: EtaxErrorKind): Promise<EtaxError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EtaxError && err.kind === kind) return err;
    throw new Error(
      `expected EtaxError ${kind}, got ${err instanceof EtaxError ? `${err.kind}: ${err.message}` : String(err)}`,
    );
  }
  throw new Error(`expected EtaxError ${kind}, but the call succeeded`);
}
