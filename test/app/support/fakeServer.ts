/**
 * An in-memory stand-in for the app API at the HTTP boundary (the API client's transport), with
 * the contract of types/api.ts: sign-in by code, Bearer tokens that can expire, tenants joined by
 * 激活码 with the wrong-code limit, and leaving. Stores and pages are tested through it, so the real
 * API client (error mapping, re-sign-in on 401) is part of every test.
 */
import type { TenantSummary } from '../../../types/api';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../src/services/api';

export const WRONG_CODE_MESSAGE = '激活码不正确，请核对后重新输入';
/** Wrong codes allowed before the server answers 429 (the 6th is refused). */
export const WRONG_CODE_LIMIT = 5;

interface FakeServerOptions {
  /** Seconds the server says to wait once the wrong-code limit is hit. */
  retryAfterSeconds?: number;
}

/** Answers requests of a signed-in user that the base server does not know; undefined: not mine. */
export type FakeRoutes = (request: HttpRequest, user: string) => HttpResponse | undefined;

export interface FakeServer {
  transport: HttpTransport;
  /** Adds routes for signed-in users (e.g. the accounts API of fakeAccounts.ts). */
  use(routes: FakeRoutes): void;
  /** Every request the client sent, in order. */
  requests: HttpRequest[];
  /** A tenant anyone can join with this code. */
  addTenant(activationCode: string, tenant: TenantSummary): void;
  /** Puts the user in a tenant directly (as if joined earlier). */
  addMember(user: string, tenant: TenantSummary): void;
  /** Every issued token stops working (as when sessions expire). */
  expireAllTokens(): void;
  /** The next request fails with this answer instead. */
  failNext(status: number, body?: unknown): void;
  /** The next request gets no answer at all (network down). */
  dropNext(): void;
  /** How many times /auth/login was called. */
  readonly loginCount: number;
}

const json = (statusCode: number, data?: unknown): HttpResponse => ({ statusCode, data });
const error = (statusCode: number, code: string, message: string, extra: object = {}) =>
  json(statusCode, { error: { code, message, ...extra } });

export function createFakeServer(options: FakeServerOptions = {}): FakeServer {
  const requests: HttpRequest[] = [];
  const tenantsByCode = new Map<string, TenantSummary>();
  const memberships = new Map<string, TenantSummary[]>();
  const tokens = new Map<string, string>();
  const wrongCodes = new Map<string, number>();
  let loginCount = 0;
  let soterChallenges = 0;
  let nextFailure: HttpResponse | 'drop' | null = null;
  const extraRoutes: FakeRoutes[] = [];

  const normalize = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
  const tenantsOf = (user: string) => memberships.get(user) ?? [];

  function handle(request: HttpRequest): HttpResponse {
    const { pathname } = new URL(request.url);
    const body = (request.data ?? {}) as Record<string, string>;

    if (request.method === 'POST' && pathname === '/sandbox/wechat/control/code') {
      return json(200, { code: `code:${body.user}` });
    }
    if (request.method === 'POST' && pathname === '/api/v1/auth/login') {
      loginCount += 1;
      if (!body.code?.startsWith('code:')) return error(400, 'invalid_code', '登录凭证无效');
      const user = body.code.slice('code:'.length);
      const token = `token-${user}-${loginCount}`;
      tokens.set(token, user);
      // As the real server: 个人中心's data comes with the sign-in, as its own routes would answer it.
      const pending = handle({
        method: 'GET',
        url: new URL('/api/v1/login-requests', request.url).href,
        header: { Authorization: `Bearer ${token}` },
      });
      return json(200, {
        token,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: `id-${user}` },
        home: {
          tenants: tenantsOf(user),
          loginRequests: pending.statusCode === 200 ? (pending.data as { requests: unknown[] }).requests : [],
        },
      });
    }

    const user = tokens.get((request.header.Authorization ?? '').replace(/^Bearer /, ''));
    if (!user) return error(401, 'unauthorized', '登录已失效，请重新登录');

    if (request.method === 'POST' && pathname === '/api/v1/auth/logout') {
      tokens.delete(request.header.Authorization.replace(/^Bearer /, ''));
      return json(204);
    }
    if (request.method === 'GET' && pathname === '/api/v1/me/tenants') {
      return json(200, { tenants: tenantsOf(user) });
    }
    if (request.method === 'POST' && pathname === '/api/v1/me/tenants') {
      const attempts = wrongCodes.get(user) ?? 0;
      if (attempts >= WRONG_CODE_LIMIT) {
        return error(429, 'too_many_attempts', '尝试次数过多，请稍后再试', {
          retryAfterSeconds: options.retryAfterSeconds ?? 540,
        });
      }
      const tenant = tenantsByCode.get(normalize(body.activationCode ?? ''));
      if (!tenant) {
        wrongCodes.set(user, attempts + 1);
        return error(400, 'invalid_activation_code', WRONG_CODE_MESSAGE);
      }
      if (tenantsOf(user).some((t) => t.id === tenant.id)) return error(409, 'already_joined', '你已关联该租户');
      memberships.set(user, [...tenantsOf(user), tenant]);
      return json(201, tenant);
    }
    const leave = pathname.match(/^\/api\/v1\/me\/tenants\/([^/]+)$/);
    if (request.method === 'DELETE' && leave) {
      const tenantId = decodeURIComponent(leave[1]);
      if (!tenantsOf(user).some((t) => t.id === tenantId)) return error(404, 'not_found', '租户不存在');
      memberships.set(
        user,
        tenantsOf(user).filter((t) => t.id !== tenantId),
      );
      return json(204);
    }
    if (request.method === 'POST' && pathname === '/api/v1/soter/challenges') {
      soterChallenges += 1;
      return json(201, {
        challenge: `challenge-${soterChallenges}`,
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
      });
    }
    for (const routes of extraRoutes) {
      const answer = routes(request, user);
      if (answer) return answer;
    }
    return error(404, 'not_found', '请求的地址不存在');
  }

  return {
    requests,
    transport: async (request) => {
      requests.push(request);
      const failure = nextFailure;
      nextFailure = null;
      if (failure === 'drop') throw new Error('request:fail');
      if (failure) return failure;
      return handle(request);
    },
    use: (routes) => void extraRoutes.push(routes),
    addTenant: (code, tenant) => void tenantsByCode.set(normalize(code), tenant),
    addMember: (user, tenant) => void memberships.set(user, [...tenantsOf(user), tenant]),
    expireAllTokens: () => tokens.clear(),
    failNext: (status, body) => {
      nextFailure = json(status, body);
    },
    dropNext: () => {
      nextFailure = 'drop';
    },
    get loginCount() {
      return loginCount;
    },
  };
}
