/**
 * The accounts API of types/accounts.ts, in memory, on top of the fake server: enterprises with
 * their accounts, bureau flows that go through the steps a test scripts (sms → done by default),
 * bindings, defaults, subscribe credits and recent logins. Everything the client sent is recorded.
 */
import type {
  AccountDetail,
  AccountListResponse,
  AccountLookupResponse,
  AccountView,
  FlowState,
  FlowStep,
  RecentLogin,
} from '../../../types/accounts';
import type { Channel, QrApp } from '../../../types/domain';
import type { HttpRequest, HttpResponse } from '../../../src/services/api';
import type { FakeServer } from './fakeServer';

export const SMS_CODE = '123456';
export const WRONG_SMS_MESSAGE = '短信验证码错误，您还可以尝试4次！';
export const TEMPLATES = { loginNotice: 'tmpl-login', accountChange: 'tmpl-change' };

type Enterprise = AccountListResponse['enterprise'];

interface Flow {
  id: string;
  script: FlowStep[];
  index: number;
  start:
    | { kind: 'add'; enterpriseId: string; body: Record<string, unknown> }
    | { kind: 'account'; accountId: string; body: Record<string, unknown> };
  resendAt: number;
  app: QrApp;
  qrVersion: number;
  qrState: 'pending' | 'scanned' | 'expired';
  /** The holder scanned (or the hosted number got its code): the next poll moves on. */
  ready: boolean;
  failure?: { code: string; message: string };
  accountId?: string;
}

export interface FakeAccounts {
  addEnterprise(enterprise: Partial<Enterprise> & { id: string }): Enterprise;
  addAccount(enterpriseId: string, account: Partial<AccountView> & { id: string }): AccountView;
  account(accountId: string): AccountView | undefined;
  /** The current user is 数电配置管理员 of every enterprise. */
  isAdmin: boolean;
  /**
   * The steps the next started flow goes through. Without it: face → done for 认证, qr → done for
   * 扫码登录, else sms → done.
   */
  nextFlow(steps: FlowStep[]): void;
  /** The next start is refused like this (e.g. the bureau's wrong-password answer). */
  refuseNextStart(status: number, code: string, message: string): void;
  /** The holder confirms in the app (or the hosted code arrives): the next poll moves on. */
  confirmCurrent(): void;
  expireQr(): void;
  readonly flows: Flow[];
  readonly currentFlow: Flow | undefined;
  recentLogins: RecentLogin[];
  /** What the bureau lookup answers (新增账号 prefill); absent = no relation. */
  lookup?: AccountLookupResponse;
  credits: Record<string, number>;
  /** Every request to the accounts API, in order. */
  readonly calls: HttpRequest[];
}

const json = (statusCode: number, data?: unknown): HttpResponse => ({ statusCode, data });
const error = (statusCode: number, code: string, message: string) => json(statusCode, { error: { code, message } });

export function installFakeAccounts(server: FakeServer): FakeAccounts {
  const enterprises = new Map<string, Enterprise>();
  const accounts = new Map<string, { enterpriseId: string; view: AccountView }>();
  const flows: Flow[] = [];
  const calls: HttpRequest[] = [];
  /** Set by nextFlow() for the next start only. */
  let script: FlowStep[] | null = null;
  let startRefusal: HttpResponse | null = null;
  let sequence = 0;

  const fake: FakeAccounts = {
    isAdmin: false,
    recentLogins: [],
    credits: { [TEMPLATES.loginNotice]: 0, [TEMPLATES.accountChange]: 0 },
    flows,
    calls,
    get currentFlow() {
      return flows[flows.length - 1];
    },
    addEnterprise(e) {
      const enterprise = {
        name: '福建示例科技有限公司',
        taxId: '91350100M000100Y43',
        region: '福建',
        tenantName: '演示租户',
        ...e,
      };
      enterprises.set(enterprise.id, enterprise);
      return enterprise;
    },
    addAccount(enterpriseId, a) {
      const view: AccountView = {
        maskedAccount: '151****1832',
        role: '办税员',
        permissions: ['issue', 'receive'],
        loginType: 'manual',
        bound: 'none',
        defaults: [],
        sessions: {},
        can: { login: true, edit: true, delete: true, changeWechat: false, unlock: false },
        ...a,
      };
      accounts.set(view.id, { enterpriseId, view });
      return view;
    },
    account: (id) => accounts.get(id)?.view,
    nextFlow(steps) {
      script = steps;
    },
    refuseNextStart(status, code, message) {
      startRefusal = error(status, code, message);
    },
    confirmCurrent() {
      const flow = fake.currentFlow;
      if (flow) {
        flow.ready = true;
        flow.qrState = 'scanned';
      }
    },
    expireQr() {
      const flow = fake.currentFlow;
      if (flow) flow.qrState = 'expired';
    },
  };

  const list = (enterpriseId: string): AccountListResponse => ({
    enterprise: enterprises.get(enterpriseId)!,
    accounts: [...accounts.values()].filter((a) => a.enterpriseId === enterpriseId).map((a) => a.view),
    isAdmin: fake.isAdmin,
    nextCursor: null,
  });

  const detail = (accountId: string): AccountDetail => {
    const { enterpriseId, view } = accounts.get(accountId)!;
    const { tenantName: _t, ...enterprise } = enterprises.get(enterpriseId)!;
    return { ...view, enterprise, enterpriseAccountCount: list(enterpriseId).accounts.length };
  };

  const stateOf = (flow: Flow): FlowState => {
    const step = flow.failure ? 'failed' : flow.script[flow.index];
    const state: FlowState = { flowId: flow.id, step, expiresAt: new Date(Date.now() + 600_000).toISOString() };
    if (step === 'sms') state.sms = { maskedPhone: '151****1832', resendAt: new Date(flow.resendAt).toISOString() };
    if (step === 'qr' || step === 'face') {
      state.qr = {
        image: `data:image/png;base64,QR${flow.qrVersion}${flow.app}`,
        app: flow.app,
        expiresAt: new Date(Date.now() + 120_000).toISOString(),
        state: flow.qrState,
      };
    }
    if (step === 'real_name')
      state.realName = { name: '张三', idType: '居民身份证', maskedIdNumber: '3501**********1234' };
    if (step === 'agreement')
      state.agreement = { title: '电子税务局用户服务协议', text: '欢迎使用全国统一规范电子税务局。' };
    if (step === 'done') state.accountId = flow.accountId;
    if (step === 'failed') state.error = flow.failure ?? { code: 'failed', message: '登录失败' };
    return state;
  };

  /** The next step; reaching done saves what the flow was for. */
  const advance = (flow: Flow): void => {
    flow.index += 1;
    flow.ready = false;
    flow.qrState = 'pending';
    if (flow.script[flow.index] !== 'done') return;
    const { start } = flow;
    if (start.kind === 'add') {
      const id = `acc-${++sequence}`;
      fake.addAccount(start.enterpriseId, {
        id,
        maskedAccount: String(start.body.account).replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2'),
        role: start.body.role as AccountView['role'],
        loginType: start.body.loginType as AccountView['loginType'],
        sessions: { [start.body.business as Channel]: new Date(Date.now() + 3_600_000).toISOString() },
      });
      flow.accountId = id;
    } else {
      const account = accounts.get(start.accountId)!.view;
      flow.accountId = account.id;
      if (start.body.purpose === 'auth') account.authValidUntil = new Date(Date.now() + 86_400_000).toISOString();
      if (start.body.purpose === 'login') {
        const channel = (start.body.channel as Channel | undefined) ?? account.permissions[0];
        account.sessions = { ...account.sessions, [channel]: new Date(Date.now() + 3_600_000).toISOString() };
      }
      if (start.body.purpose === 'change_wechat') account.bound = 'me';
    }
  };

  const startFlow = (start: Flow['start']): HttpResponse => {
    if (startRefusal) {
      const refusal = startRefusal;
      startRefusal = null;
      return refusal;
    }
    const byDefault: FlowStep[] =
      start.body.purpose === 'auth' ? ['face', 'done'] : start.body.method === 'qr' ? ['qr', 'done'] : ['sms', 'done'];
    const flow: Flow = {
      id: `flow-${++sequence}`,
      script: script ?? byDefault,
      index: 0,
      start,
      resendAt: Date.now() + 60_000,
      app: (start.body.qrApp as QrApp | undefined) ?? 'tax',
      qrVersion: 1,
      qrState: 'pending',
      ready: false,
    };
    script = null;
    flows.push(flow);
    return json(201, stateOf(flow));
  };

  server.use((request) => {
    const { pathname } = new URL(request.url);
    const path = pathname.replace(/^\/api\/v1/, '');
    const body = (request.data ?? {}) as Record<string, unknown>;
    const route = `${request.method} ${path}`;
    let m: RegExpMatchArray | null;
    const known =
      /^\/(enterprises|accounts|flows)\//.test(path) || path === '/me/subscriptions' || path === '/me/recent-logins';
    if (!known) return undefined;
    calls.push(request);

    if ((m = route.match(/^GET \/enterprises\/([^/]+)\/accounts$/))) {
      if (!enterprises.has(m[1])) return error(404, 'not_found', '企业不存在');
      // Like the server: oldest first, the cursor is the last account's place, q matches the shown tail.
      const query = new URL(request.url).searchParams;
      const whole = list(m[1]);
      const q = query.get('q') ?? '';
      const matching = q ? whole.accounts.filter((a) => a.maskedAccount.slice(-4).includes(q)) : whole.accounts;
      const from = query.get('cursor') ? Number(query.get('cursor')) : 0;
      const limit = query.get('limit') ? Number(query.get('limit')) : matching.length;
      const end = from + limit;
      return json(200, {
        ...whole,
        accounts: matching.slice(from, end),
        nextCursor: end < matching.length ? String(end) : null,
      });
    }
    if ((m = route.match(/^POST \/enterprises\/([^/]+)\/accounts\/flows$/))) {
      return startFlow({ kind: 'add', enterpriseId: m[1], body });
    }
    if ((m = route.match(/^DELETE \/enterprises\/([^/]+)\/bindings$/))) {
      for (const a of accounts.values()) if (a.enterpriseId === m[1] && a.view.bound === 'me') a.view.bound = 'none';
      return json(204);
    }
    if ((m = route.match(/^(\w+) \/accounts\/([^/]+)(\/[\w-]+)?$/))) {
      const [, method, id, tail = ''] = m;
      const entry = accounts.get(id);
      if (!entry) return error(404, 'not_found', '账号不存在或已被删除');
      const view = entry.view;
      switch (`${method} ${tail}`) {
        case 'GET ':
          return json(200, detail(id));
        case 'POST /flows':
          return startFlow({ kind: 'account', accountId: id, body });
        case 'POST /binding': {
          const results = body.subscriptions as Record<string, string>;
          for (const [templateId, result] of Object.entries(results)) {
            if (result === 'accept') fake.credits[templateId] = (fake.credits[templateId] ?? 0) + 1;
          }
          Object.assign(view, { bound: 'me', notificationsLeft: fake.credits[TEMPLATES.loginNotice] });
          return json(200, detail(id));
        }
        case 'DELETE /binding':
          Object.assign(view, { bound: 'none', notificationsLeft: undefined });
          return json(200, detail(id));
        case 'PUT /defaults': {
          const channels = body.channels as Channel[];
          for (const other of accounts.values()) {
            if (other.enterpriseId === entry.enterpriseId) {
              other.view.defaults = other.view.defaults.filter((c) => !channels.includes(c));
            }
          }
          view.defaults = channels;
          return json(200, list(entry.enterpriseId));
        }
        case 'DELETE ':
          accounts.delete(id);
          return json(204);
        case 'POST /unlock':
          Object.assign(view, { locked: undefined, can: { ...view.can, unlock: false } });
          return json(200, detail(id));
      }
      return undefined;
    }
    if ((m = route.match(/^(\w+) \/flows\/([^/]+)(\/[\w/-]+)?$/))) {
      const [, method, id, tail = ''] = m;
      const flow = flows.find((f) => f.id === id);
      if (!flow) return error(404, 'not_found', '该操作不存在或已结束，请重新开始');
      const step = stateOf(flow).step;
      switch (`${method} ${tail}`) {
        case 'GET ':
          if (flow.ready && ['qr', 'face', 'hosted_wait'].includes(step)) advance(flow);
          return json(200, stateOf(flow));
        case 'DELETE ':
          if (step !== 'done' && step !== 'failed') flow.failure = { code: 'cancelled', message: '已取消' };
          return json(204);
        case 'POST /sms':
          if (step !== 'sms') return error(409, 'wrong_step', '当前步骤不可执行该操作，请按页面提示操作');
          if (body.code !== SMS_CODE) return error(400, 'etax_sms_code_wrong', WRONG_SMS_MESSAGE);
          advance(flow);
          return json(200, stateOf(flow));
        case 'POST /sms/resend':
          if (Date.now() < flow.resendAt)
            return error(429, 'etax_resend_too_soon', '短信验证码发送过于频繁，请稍后再试！');
          flow.resendAt = Date.now() + 60_000;
          return json(200, stateOf(flow));
        case 'POST /real-name':
          if (body.confirm) advance(flow);
          else flow.failure = { code: 'real_name_cancelled', message: '您已取消实名核验，本次登录失败' };
          return json(200, stateOf(flow));
        case 'POST /agreement':
          if (body.sign) advance(flow);
          else flow.failure = { code: 'agreement_declined', message: '未同意用户协议，本次登录失败' };
          return json(200, stateOf(flow));
        case 'POST /qr':
          flow.app = (body.app as QrApp | undefined) ?? flow.app;
          flow.qrVersion += 1;
          flow.qrState = 'pending';
          return json(200, stateOf(flow));
      }
      return undefined;
    }
    if (route === 'GET /me/subscriptions') return json(200, { templates: TEMPLATES, credits: fake.credits });
    if (route === 'POST /me/subscriptions') {
      for (const [templateId, result] of Object.entries(body.subscriptions as Record<string, string>)) {
        if (result === 'accept') fake.credits[templateId] = (fake.credits[templateId] ?? 0) + 1;
      }
      // As the server: my bound accounts show my 登录通知 credits.
      for (const { view } of accounts.values()) {
        if (view.bound === 'me') view.notificationsLeft = fake.credits[TEMPLATES.loginNotice];
      }
      return json(200, { templates: TEMPLATES, credits: fake.credits });
    }
    if (route === 'GET /me/recent-logins') return json(200, fake.recentLogins);
    if (/^POST \/enterprises\/[^/]+\/accounts\/lookup$/.test(route)) {
      return fake.lookup
        ? json(200, fake.lookup)
        : json(403, {
            error: {
              code: 'etax_no_relation',
              message: '未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！',
            },
          });
    }
    return undefined;
  });

  return fake;
}
