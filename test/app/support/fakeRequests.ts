/**
 * 登录通知 and the browser link of types/requests.ts, in memory, on top of the fake server: login
 * requests of a holder, the flows they start (sms → done, qr → done, face → done unless a test
 * scripts them), and how a request follows its flows — a login ends a login request, a 认证
 * request then needs its 认证. The link routes answer without sign-in, as the real ones do: use
 * `fake.server` (the fake server with them in front) when making the test app.
 * Install before installFakeAccounts: both answer /flows/:id, this one only for its own flows.
 */
import type { FlowState, FlowStep } from '../../../types/accounts';
import type { QrApp } from '../../../types/domain';
import type { LoginRequestPurpose, LoginRequestView } from '../../../types/requests';
import type { HttpRequest, HttpResponse } from '../../../src/services/api';
import type { FakeServer } from './fakeServer';

export const REQUEST_SMS_CODE = '654321';
export const LINK_TOKEN = 'link-token-0123456789abcdef';

interface Request {
  view: LoginRequestView;
  /** The WeChat user the account is bound to: the only one who sees it in the app. */
  holder: string;
  token?: string;
  linkUsed: boolean;
}

interface Flow {
  id: string;
  requestId: string;
  purpose: LoginRequestPurpose;
  /** Started through the link (no WeChat user). */
  viaLink: boolean;
  script: FlowStep[];
  index: number;
  app: QrApp;
  /** The holder scanned: the next poll moves on. */
  ready: boolean;
  cancelled: boolean;
}

export interface FakeRequests {
  /** The fake server with the link routes in front (they need no sign-in). */
  readonly server: FakeServer;
  addRequest(request: Partial<LoginRequestView> & { id: string; holder?: string; token?: string }): LoginRequestView;
  view(requestId: string): LoginRequestView;
  /** Ends a request from outside (done elsewhere, the bureau refused, time ran out). */
  end(requestId: string, status: 'done' | 'failed' | 'expired', reason?: string): void;
  /** The steps the next started flow goes through. */
  nextFlow(steps: FlowStep[]): void;
  /** The holder confirmed in the app: the next poll of the current flow moves on. */
  confirmCurrent(): void;
  readonly flows: Flow[];
  /** Every request to the login-request and link routes, in order. */
  readonly calls: HttpRequest[];
}

const json = (statusCode: number, data?: unknown): HttpResponse => ({ statusCode, data });
const error = (statusCode: number, code: string, message: string) => json(statusCode, { error: { code, message } });

export function installFakeRequests(server: FakeServer): FakeRequests {
  const requests = new Map<string, Request>();
  const flows: Flow[] = [];
  const calls: HttpRequest[] = [];
  let script: FlowStep[] | null = null;
  let sequence = 0;

  const stateOf = (flow: Flow): FlowState => {
    const step: FlowStep = flow.cancelled ? 'failed' : flow.script[flow.index];
    const state: FlowState = { flowId: flow.id, step, expiresAt: new Date(Date.now() + 600_000).toISOString() };
    if (step === 'sms')
      state.sms = { maskedPhone: '151****1832', resendAt: new Date(Date.now() + 60_000).toISOString() };
    if (step === 'qr' || step === 'face') {
      state.qr = {
        image: `data:image/png;base64,${flow.id}`,
        app: flow.app,
        expiresAt: new Date(Date.now() + 120_000).toISOString(),
        state: 'pending',
      };
    }
    if (step === 'failed') state.error = { code: 'cancelled', message: '已取消' };
    return state;
  };

  /** The next step; a flow reaching done moves its request on, as the server's settleRequest does. */
  const advance = (flow: Flow): void => {
    flow.index += 1;
    flow.ready = false;
    if (flow.script[flow.index] !== 'done') return;
    const { view } = requests.get(flow.requestId)!;
    if (flow.purpose === 'login' && view.purpose === 'auth') view.next = 'auth';
    else Object.assign(view, { status: 'done', next: undefined });
  };

  const start = (request: Request, body: Record<string, unknown>, viaLink: boolean): HttpResponse => {
    const purpose = request.view.next ?? request.view.purpose;
    const byDefault: FlowStep[] =
      purpose === 'auth' ? ['face', 'done'] : body.method === 'qr' ? ['qr', 'done'] : ['sms', 'done'];
    const flow: Flow = {
      id: `rflow-${++sequence}`,
      requestId: request.view.id,
      purpose,
      viaLink,
      script: script ?? byDefault,
      index: 0,
      app: (body.qrApp as QrApp | undefined) ?? 'tax',
      ready: false,
      cancelled: false,
    };
    script = null;
    flows.push(flow);
    return json(201, stateOf(flow));
  };

  /** The flow routes after the flow's own path: `GET `, `POST /sms` …; undefined for unknown ones. */
  const onFlow = (flow: Flow, route: string, body: Record<string, unknown>): HttpResponse | undefined => {
    const step = stateOf(flow).step;
    switch (route) {
      case 'GET ':
        if (flow.ready) advance(flow);
        return json(200, stateOf(flow));
      case 'DELETE ':
        if (step !== 'done') flow.cancelled = true;
        return json(204);
      case 'POST /sms':
        if (step !== 'sms') return error(409, 'wrong_step', '当前步骤不可执行该操作，请按页面提示操作');
        if (body.code !== REQUEST_SMS_CODE)
          return error(400, 'etax_sms_code_wrong', '短信验证码错误，您还可以尝试4次！');
        advance(flow);
        return json(200, stateOf(flow));
      case 'POST /qr':
        flow.app = (body.app as QrApp | undefined) ?? flow.app;
        return json(200, stateOf(flow));
    }
    return undefined;
  };

  /** 410 unless the request is open (types/requests.ts). */
  const closed = (request: Request): HttpResponse | null => {
    const { status } = request.view;
    if (status === 'expired') return error(410, 'request_expired', '登录请求已过期，请在开票系统中重新发起');
    if (status === 'done') return error(410, 'request_closed', '登录已完成，无需再次操作');
    if (status === 'failed')
      return error(410, 'request_closed', `登录请求已结束：${request.view.reason ?? '登录失败'}`);
    return null;
  };

  // Signed-in routes: the holder's requests; anyone else gets 404.
  server.use((request, user) => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const route = `${request.method} ${path}`;
    const body = (request.data ?? {}) as Record<string, unknown>;
    let m: RegExpMatchArray | null;
    if (route === 'GET /login-requests') {
      calls.push(request);
      const mine = [...requests.values()].filter((r) => r.holder === user && r.view.status === 'pending');
      return json(200, { requests: mine.map((r) => r.view) });
    }
    if ((m = route.match(/^(GET|POST) \/login-requests\/([^/]+)(\/flows)?$/))) {
      calls.push(request);
      const found = requests.get(decodeURIComponent(m[2]));
      if (!found || found.holder !== user) return error(404, 'not_found', '登录通知不存在或已失效');
      if (m[1] === 'GET' && !m[3]) return json(200, found.view);
      if (m[1] === 'POST' && m[3]) return closed(found) ?? start(found, body, false);
      return undefined;
    }
    if ((m = route.match(/^(\w+) \/flows\/(rflow-[^/]+)(\/[\w/-]+)?$/))) {
      calls.push(request);
      const flow = flows.find((f) => f.id === m![2] && !f.viaLink);
      if (!flow) return error(404, 'not_found', '该操作不存在或已结束，请重新开始');
      return onFlow(flow, `${m[1]} ${m[3] ?? ''}`, body);
    }
    return undefined;
  });

  // Link routes: no sign-in; the token is the key.
  const onLink = (request: HttpRequest): HttpResponse | undefined => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const m = `${request.method} ${path}`.match(/^(\w+) \/link\/([^/]+)(\/flows)?(?:\/([^/]+))?(\/[\w/-]+)?$/);
    if (!m) return undefined;
    calls.push(request);
    const [, method, token, flowsPart, flowId, tail = ''] = m;
    const body = (request.data ?? {}) as Record<string, unknown>;
    const found = [...requests.values()].find((r) => r.token === decodeURIComponent(token));
    if (!found) return error(404, 'not_found', '链接无效，请核对链接是否完整');
    if (!flowsPart) {
      if (method !== 'GET') return undefined;
      // The browser that used the link names its flow and reads the request as it stands.
      const named = url.searchParams.get('flow');
      if (named && flows.some((f) => f.id === named && f.viaLink && f.requestId === found.view.id)) {
        return json(200, found.view);
      }
      return (
        closed(found) ??
        (found.linkUsed ? error(410, 'link_used', '该链接已使用过，不能再次使用') : json(200, found.view))
      );
    }
    if (!flowId) {
      const refusal = closed(found);
      if (refusal) return refusal;
      const after = body.afterFlowId as string | undefined;
      const mine = after && flows.some((f) => f.id === after && f.viaLink && f.requestId === found.view.id);
      if (after ? !mine : found.linkUsed) return error(410, 'link_used', '该链接已使用过，不能再次使用');
      found.linkUsed = true;
      return start(found, body, true);
    }
    const flow = flows.find((f) => f.id === flowId && f.viaLink && f.requestId === found.view.id);
    if (!flow) return error(404, 'not_found', '该操作不存在或已结束，请重新开始');
    if (method !== 'GET') {
      const refusal = closed(found);
      if (refusal) return refusal;
    }
    return onFlow(flow, `${method} ${tail}`, body);
  };

  const withLinks: FakeServer = Object.create(server);
  Object.defineProperty(withLinks, 'transport', {
    value: async (request: HttpRequest) => onLink(request) ?? server.transport(request),
  });

  return {
    server: withLinks,
    flows,
    calls,
    addRequest({ holder = 'alice', token, ...partial }) {
      const view: LoginRequestView = {
        enterprise: { name: '福建示例科技有限公司', taxId: '91350100M000100Y43', region: '福建' },
        channel: 'issue',
        purpose: 'login',
        title: '开票登录',
        maskedAccount: '151****1832',
        loginType: 'manual',
        status: 'pending',
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
        next: 'login',
        ...partial,
      };
      requests.set(view.id, { view, holder, token, linkUsed: false });
      return view;
    },
    view: (requestId) => requests.get(requestId)!.view,
    end(requestId, status, reason) {
      Object.assign(requests.get(requestId)!.view, { status, reason, next: undefined });
    },
    nextFlow(steps) {
      script = steps;
    },
    confirmCurrent() {
      const flow = flows[flows.length - 1];
      if (flow) flow.ready = true;
    },
  };
}
