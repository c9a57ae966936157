import type {
  AccountLookupResponse,
  AccountDetail,
  AccountFlowBody,
  AccountListQuery,
  AccountListResponse,
  AddAccountBody,
  FlowState,
  RecentLogin,
  SubscriptionsResponse,
} from '../../types/accounts';
import type { AdminFlowBody, AdminListResponse, AuditLogResponse } from '../../types/admin';
import type { NewPasswordBody, PasswordChangeState, PasswordResetBody } from '../../types/passwords';
import type {
  ApiErrorBody,
  ErrorCodes,
  JoinTenantBody,
  LoginResponse,
  MyTenantsResponse,
  TenantSummary,
} from '../../types/api';
import type { Channel, QrApp } from '../../types/domain';
import type { LoginRequestListResponse, LoginRequestView, RequestFlowBody } from '../../types/requests';
import type { SoterAct, SoterChallenge, SoterProof } from '../../types/soter';

/*
 * The app's only door to the network. Types come from types/api.ts and types/accounts.ts as
 * `import type` only: their zod schemas are for the server, and importing their values would ship
 * zod in the main package.
 */

/** The error codes of types/api.ts, plus what the client itself reports. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | 'network_error' | 'bad_response';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | string;
  readonly retryAfterSeconds?: number;

  constructor(status: number, code: ErrorCode | string, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    // Keeps `instanceof ApiError` true once the class is compiled down to ES5.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
const SERVER_ERROR_MESSAGE = '服务暂时不可用，请稍后再试';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  data?: unknown;
  header: Record<string, string>;
}

export interface HttpResponse {
  statusCode: number;
  data: unknown;
}

/** Sends one HTTP request; rejects only when no HTTP answer came back. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** How long a call may take before it counts as failed (both transports). */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Where the app API lives: `${TARO_APP_API}` ('' = the page's own origin, H5 only). */
export function apiOrigin(): string {
  return (process.env.TARO_APP_API ?? '').replace(/\/+$/, '');
}

/** The app API as the stores see it; tests and stores depend on this, not on the class. */
export interface AppApi {
  login(code: string): Promise<LoginResponse>;
  logout(): Promise<void>;
  myTenants(): Promise<MyTenantsResponse>;
  joinTenant(body: JoinTenantBody): Promise<TenantSummary>;
  leaveTenant(tenantId: string): Promise<void>;
  /** WeChat sandbox: what wx.login would return for the simulated user (browser build only). */
  sandboxLoginCode(user: string): Promise<string>;
}

/** A subscribe popup's answer per template id (wx.requestSubscribeMessage). */
export type SubscribeResults = Record<string, 'accept' | 'reject' | 'ban' | 'filter'>;

/** E-tax accounts and their bureau flows (types/accounts.ts). */
export interface AccountsApi {
  /** One page of the list (limit, cursor, 搜索 q); without a query the whole list. */
  accountList(enterpriseId: string, query?: AccountListQuery): Promise<AccountListResponse>;
  accountDetail(accountId: string): Promise<AccountDetail>;
  /** 新增账号 (F5): starts the bureau login; the account is saved once it succeeds. */
  startAddAccount(enterpriseId: string, body: AddAccountBody): Promise<FlowState>;
  /** 登录 / 认证 / 更换微信 of an account. */
  startAccountFlow(accountId: string, body: AccountFlowBody): Promise<FlowState>;
  flow(flowId: string): Promise<FlowState>;
  submitSmsCode(flowId: string, code: string): Promise<FlowState>;
  resendSmsCode(flowId: string): Promise<FlowState>;
  answerRealName(flowId: string, confirm: boolean): Promise<FlowState>;
  answerAgreement(flowId: string, sign: boolean): Promise<FlowState>;
  refreshQr(flowId: string, app?: QrApp): Promise<FlowState>;
  cancelFlow(flowId: string): Promise<void>;
  bindAccount(accountId: string, subscriptions: SubscribeResults): Promise<AccountDetail>;
  unbindAccount(accountId: string): Promise<AccountDetail>;
  setDefaults(accountId: string, channels: Channel[]): Promise<AccountListResponse>;
  deleteAccount(accountId: string): Promise<void>;
  unlockAccount(accountId: string): Promise<AccountDetail>;
  /** 解绑 on 个人中心 (F2): every account of the enterprise bound to me. */
  unbindEnterprise(enterpriseId: string): Promise<void>;
  mySubscriptions(): Promise<SubscriptionsResponse>;
  recordSubscriptions(subscriptions: SubscribeResults): Promise<SubscriptionsResponse>;
  recentLogins(): Promise<RecentLogin[]>;
  /** 新增账号 prefill: the bureau's 身份 of the typed account in the enterprise. */
  lookupAccount(enterpriseId: string, account: string): Promise<AccountLookupResponse>;
  /** WeChat sandbox: the simulated popup's answers, kept as WeChat keeps them (browser build only). */
  sandboxSubscribe(user: string, results: SubscribeResults): Promise<void>;
}

/** 数电配置管理员 (types/admin.ts, F10); 申请绑定 goes on with the flow calls of AccountsApi. */
export interface AdminApi {
  admins(enterpriseId: string): Promise<AdminListResponse>;
  /** 提交验证: a bureau login as 法定代表人 or 财务负责人. */
  startAdminFlow(enterpriseId: string, body: AdminFlowBody): Promise<FlowState>;
  /** 退出管理员. */
  stepDown(enterpriseId: string): Promise<void>;
  auditLog(enterpriseId: string): Promise<AuditLogResponse>;
}

/** 修改密码 (types/passwords.ts, F12, F13). */
export interface PasswordApi {
  /** 重置税局密码: 证件类型 + 证件号码 → 下一步. */
  startPasswordReset(accountId: string, body: PasswordResetBody): Promise<PasswordChangeState>;
  /** 获取验证码 (again). */
  sendResetCode(changeId: string): Promise<PasswordChangeState>;
  startResetFace(changeId: string): Promise<PasswordChangeState>;
  submitResetCode(changeId: string, code: string): Promise<PasswordChangeState>;
  setNewPassword(changeId: string, body: NewPasswordBody): Promise<PasswordChangeState>;
  /** 已在税局修改，仅更新发票云: checked by the bureau before anything is saved. */
  syncPassword(accountId: string, password: string): Promise<PasswordChangeState>;
  passwordChange(changeId: string): Promise<PasswordChangeState>;
  retryPasswordItem(changeId: string, accountId: string): Promise<PasswordChangeState>;
}

/** 登录通知 of the signed-in user (types/requests.ts); the flow then goes on through the flow routes. */
export interface LoginRequestsApi {
  loginRequests(): Promise<LoginRequestListResponse>;
  /** 404 for a request of anyone else. */
  loginRequest(requestId: string): Promise<LoginRequestView>;
  startRequestFlow(requestId: string, body: RequestFlowBody): Promise<FlowState>;
}

/** The browser link's routes (types/requests.ts): no sign-in, the link's token is the only key. */
export interface LinkApi {
  /** The link's request; naming a flow this browser started through the link, also once used or ended. */
  linkRequest(token: string, flowId?: string): Promise<LoginRequestView>;
  startLinkFlow(token: string, body: RequestFlowBody): Promise<FlowState>;
  linkFlow(token: string, flowId: string): Promise<FlowState>;
  linkSubmitSmsCode(token: string, flowId: string, code: string): Promise<FlowState>;
  linkResendSmsCode(token: string, flowId: string): Promise<FlowState>;
  linkAnswerRealName(token: string, flowId: string, confirm: boolean): Promise<FlowState>;
  linkAnswerAgreement(token: string, flowId: string, sign: boolean): Promise<FlowState>;
  linkRefreshQr(token: string, flowId: string, app?: QrApp): Promise<FlowState>;
  linkCancelFlow(token: string, flowId: string): Promise<void>;
}

export interface ApiClientOptions {
  /** Origin of the server, without a trailing slash. */
  origin: string;
  /** Taro.request on weapp, fetch in the browser (services/transport.ts). */
  transport: HttpTransport;
  /** The current session token, if any. */
  getToken: () => string | null;
  /**
   * Called when a call needs a session and there is none, or the server said 401: signs in again
   * (single flight on the caller's side). The call is then retried once.
   */
  onUnauthorized: () => Promise<void>;
}

interface CallOptions {
  /** Sends the Bearer token and re-signs in on 401. */
  auth: boolean;
  body?: unknown;
}

export class ApiClient implements AppApi, AccountsApi, AdminApi, PasswordApi, LoginRequestsApi, LinkApi {
  private readonly transport: HttpTransport;

  constructor(private readonly options: ApiClientOptions) {
    this.transport = options.transport;
  }

  login(code: string): Promise<LoginResponse> {
    return this.call<LoginResponse>('POST', '/api/v1/auth/login', { auth: false, body: { code } });
  }

  async logout(): Promise<void> {
    // Without a token there is no session to revoke, and signing in just to sign out is pointless.
    if (!this.options.getToken()) return;
    await this.send('POST', '/api/v1/auth/logout', { auth: true }, this.options.getToken());
  }

  myTenants(): Promise<MyTenantsResponse> {
    return this.call<MyTenantsResponse>('GET', '/api/v1/me/tenants', { auth: true });
  }

  joinTenant(body: JoinTenantBody): Promise<TenantSummary> {
    return this.call<TenantSummary>('POST', '/api/v1/me/tenants', { auth: true, body });
  }

  async leaveTenant(tenantId: string): Promise<void> {
    await this.call<void>('DELETE', `/api/v1/me/tenants/${encodeURIComponent(tenantId)}`, { auth: true });
  }

  async sandboxLoginCode(user: string): Promise<string> {
    const { code } = await this.call<{ code: string }>('POST', '/sandbox/wechat/control/code', {
      auth: false,
      body: { user },
    });
    return code;
  }

  // ---- E-tax accounts (types/accounts.ts) ----

  accountList(enterpriseId: string, query: AccountListQuery = {}): Promise<AccountListResponse> {
    // By hand: the weapp runtime has no URLSearchParams.
    const search = Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    const path = `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/accounts`;
    return this.authed('GET', search ? `${path}?${search}` : path);
  }

  accountDetail(accountId: string): Promise<AccountDetail> {
    return this.authed('GET', accountPath(accountId));
  }

  startAddAccount(enterpriseId: string, body: AddAccountBody): Promise<FlowState> {
    return this.authed('POST', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/accounts/flows`, body);
  }

  startAccountFlow(accountId: string, body: AccountFlowBody): Promise<FlowState> {
    return this.authed('POST', `${accountPath(accountId)}/flows`, body);
  }

  flow(flowId: string): Promise<FlowState> {
    return this.authed('GET', flowPath(flowId));
  }

  submitSmsCode(flowId: string, code: string): Promise<FlowState> {
    return this.authed('POST', `${flowPath(flowId)}/sms`, { code });
  }

  resendSmsCode(flowId: string): Promise<FlowState> {
    return this.authed('POST', `${flowPath(flowId)}/sms/resend`);
  }

  answerRealName(flowId: string, confirm: boolean): Promise<FlowState> {
    return this.authed('POST', `${flowPath(flowId)}/real-name`, { confirm });
  }

  answerAgreement(flowId: string, sign: boolean): Promise<FlowState> {
    return this.authed('POST', `${flowPath(flowId)}/agreement`, { sign });
  }

  refreshQr(flowId: string, app?: QrApp): Promise<FlowState> {
    return this.authed('POST', `${flowPath(flowId)}/qr`, app ? { app } : {});
  }

  async cancelFlow(flowId: string): Promise<void> {
    await this.authed<void>('DELETE', flowPath(flowId));
  }

  bindAccount(accountId: string, subscriptions: SubscribeResults): Promise<AccountDetail> {
    return this.authed('POST', `${accountPath(accountId)}/binding`, { subscriptions });
  }

  unbindAccount(accountId: string): Promise<AccountDetail> {
    return this.authed('DELETE', `${accountPath(accountId)}/binding`);
  }

  setDefaults(accountId: string, channels: Channel[]): Promise<AccountListResponse> {
    return this.authed('PUT', `${accountPath(accountId)}/defaults`, { channels });
  }

  async deleteAccount(accountId: string, soter?: SoterProof): Promise<void> {
    await this.authed<void>('DELETE', accountPath(accountId), soter ? { soter } : undefined);
  }

  unlockAccount(accountId: string): Promise<AccountDetail> {
    return this.authed('POST', `${accountPath(accountId)}/unlock`);
  }

  async unbindEnterprise(enterpriseId: string): Promise<void> {
    await this.authed<void>('DELETE', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/bindings`);
  }

  mySubscriptions(): Promise<SubscriptionsResponse> {
    return this.authed('GET', '/api/v1/me/subscriptions');
  }

  recordSubscriptions(subscriptions: SubscribeResults): Promise<SubscriptionsResponse> {
    return this.authed('POST', '/api/v1/me/subscriptions', { subscriptions });
  }

  recentLogins(): Promise<RecentLogin[]> {
    return this.authed('GET', '/api/v1/me/recent-logins');
  }

  lookupAccount(enterpriseId: string, account: string): Promise<AccountLookupResponse> {
    return this.authed('POST', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/accounts/lookup`, { account });
  }

  sandboxSoterSign(
    user: string,
    challenge: string,
    authMode: 'fingerPrint' | 'facial',
  ): Promise<{ resultJSON: string; resultJSONSignature: string }> {
    return this.call('POST', '/sandbox/wechat/control/soter/sign', {
      auth: false,
      body: { user, challenge, authMode },
    });
  }

  soterChallenge(act: SoterAct): Promise<SoterChallenge> {
    return this.authed('POST', '/api/v1/soter/challenges', { act });
  }

  async sandboxSubscribe(user: string, results: SubscribeResults): Promise<void> {
    await this.call<unknown>('POST', '/sandbox/wechat/control/subscriptions', { auth: false, body: { user, results } });
  }

  // ---- 数电配置管理员 (types/admin.ts) ----

  admins(enterpriseId: string): Promise<AdminListResponse> {
    return this.authed('GET', `${enterprisePath(enterpriseId)}/admins`);
  }

  startAdminFlow(enterpriseId: string, body: AdminFlowBody): Promise<FlowState> {
    return this.authed('POST', `${enterprisePath(enterpriseId)}/admins/flows`, body);
  }

  async stepDown(enterpriseId: string): Promise<void> {
    await this.authed<void>('DELETE', `${enterprisePath(enterpriseId)}/admins/me`);
  }

  auditLog(enterpriseId: string): Promise<AuditLogResponse> {
    return this.authed('GET', `${enterprisePath(enterpriseId)}/audit-log`);
  }

  // ---- 修改密码 (types/passwords.ts) ----

  startPasswordReset(accountId: string, body: PasswordResetBody): Promise<PasswordChangeState> {
    return this.authed('POST', `${accountPath(accountId)}/password-resets`, body);
  }

  sendResetCode(changeId: string): Promise<PasswordChangeState> {
    return this.authed('POST', `${changePath(changeId)}/sms/send`);
  }

  startResetFace(changeId: string): Promise<PasswordChangeState> {
    return this.authed('POST', `${changePath(changeId)}/face`);
  }

  submitResetCode(changeId: string, code: string): Promise<PasswordChangeState> {
    return this.authed('POST', `${changePath(changeId)}/sms`, { code });
  }

  setNewPassword(changeId: string, body: NewPasswordBody): Promise<PasswordChangeState> {
    return this.authed('POST', `${changePath(changeId)}/password`, body);
  }

  syncPassword(accountId: string, password: string): Promise<PasswordChangeState> {
    return this.authed('POST', `${accountPath(accountId)}/password`, { password });
  }

  passwordChange(changeId: string): Promise<PasswordChangeState> {
    return this.authed('GET', changePath(changeId));
  }

  retryPasswordItem(changeId: string, accountId: string): Promise<PasswordChangeState> {
    return this.authed('POST', `${changePath(changeId)}/items/${encodeURIComponent(accountId)}/retry`);
  }

  // ---- 登录通知 (types/requests.ts) ----

  loginRequests(): Promise<LoginRequestListResponse> {
    return this.authed('GET', '/api/v1/login-requests');
  }

  loginRequest(requestId: string): Promise<LoginRequestView> {
    return this.authed('GET', requestPath(requestId));
  }

  startRequestFlow(requestId: string, body: RequestFlowBody): Promise<FlowState> {
    return this.authed('POST', `${requestPath(requestId)}/flows`, body);
  }

  // ---- The browser link: never signs in, never sends a token ----

  linkRequest(token: string, flowId?: string): Promise<LoginRequestView> {
    return this.anonymous('GET', flowId ? `${linkPath(token)}?flow=${encodeURIComponent(flowId)}` : linkPath(token));
  }

  startLinkFlow(token: string, body: RequestFlowBody): Promise<FlowState> {
    return this.anonymous('POST', `${linkPath(token)}/flows`, body);
  }

  linkFlow(token: string, flowId: string): Promise<FlowState> {
    return this.anonymous('GET', linkFlowPath(token, flowId));
  }

  linkSubmitSmsCode(token: string, flowId: string, code: string): Promise<FlowState> {
    return this.anonymous('POST', `${linkFlowPath(token, flowId)}/sms`, { code });
  }

  linkResendSmsCode(token: string, flowId: string): Promise<FlowState> {
    return this.anonymous('POST', `${linkFlowPath(token, flowId)}/sms/resend`);
  }

  linkAnswerRealName(token: string, flowId: string, confirm: boolean): Promise<FlowState> {
    return this.anonymous('POST', `${linkFlowPath(token, flowId)}/real-name`, { confirm });
  }

  linkAnswerAgreement(token: string, flowId: string, sign: boolean): Promise<FlowState> {
    return this.anonymous('POST', `${linkFlowPath(token, flowId)}/agreement`, { sign });
  }

  linkRefreshQr(token: string, flowId: string, app?: QrApp): Promise<FlowState> {
    return this.anonymous('POST', `${linkFlowPath(token, flowId)}/qr`, app ? { app } : {});
  }

  async linkCancelFlow(token: string, flowId: string): Promise<void> {
    await this.anonymous<void>('DELETE', linkFlowPath(token, flowId));
  }

  private anonymous<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    return this.call<T>(method, path, { auth: false, body });
  }

  private authed<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    return this.call<T>(method, path, { auth: true, body });
  }

  private async call<T>(method: HttpMethod, path: string, options: CallOptions): Promise<T> {
    if (!options.auth) return this.send<T>(method, path, options, null);

    let signedInJustNow = false;
    if (!this.options.getToken()) {
      await this.options.onUnauthorized();
      signedInJustNow = true;
    }
    try {
      return await this.send<T>(method, path, options, this.options.getToken());
    } catch (error) {
      // A token can expire or be revoked at any time: sign in again once, then retry once.
      if (!signedInJustNow && error instanceof ApiError && error.status === 401) {
        await this.options.onUnauthorized();
        return this.send<T>(method, path, options, this.options.getToken());
      }
      throw error;
    }
  }

  private async send<T>(method: HttpMethod, path: string, options: CallOptions, token: string | null): Promise<T> {
    const header: Record<string, string> = {};
    if (token) header.Authorization = `Bearer ${token}`;
    // wx.request always sends Content-Type: application/json, and a JSON body may not be empty
    // (Fastify answers 400): calls without a body of their own send an empty object.
    const data = options.body ?? (method === 'GET' ? undefined : {});
    if (data !== undefined) header['Content-Type'] = 'application/json';

    let response: HttpResponse;
    try {
      response = await this.transport({ method, url: this.options.origin + path, data, header });
    } catch {
      throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
    }

    if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
    throw toApiError(response);
  }
}

const accountPath = (accountId: string) => `/api/v1/accounts/${encodeURIComponent(accountId)}`;
const flowPath = (flowId: string) => `/api/v1/flows/${encodeURIComponent(flowId)}`;
const requestPath = (requestId: string) => `/api/v1/login-requests/${encodeURIComponent(requestId)}`;
const linkPath = (token: string) => `/api/v1/link/${encodeURIComponent(token)}`;
const linkFlowPath = (token: string, flowId: string) => `${linkPath(token)}/flows/${encodeURIComponent(flowId)}`;
const enterprisePath = (enterpriseId: string) => `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}`;
const changePath = (changeId: string) => `/api/v1/password-changes/${encodeURIComponent(changeId)}`;

function toApiError({ statusCode, data }: HttpResponse): ApiError {
  const body = typeof data === 'string' ? safeJsonParse(data) : data;
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' && error.message ? error.message : SERVER_ERROR_MESSAGE;
    return new ApiError(statusCode, error.code, message, error.retryAfterSeconds);
  }
  return new ApiError(statusCode, statusCode === 401 ? 'unauthorized' : 'bad_response', SERVER_ERROR_MESSAGE);
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
