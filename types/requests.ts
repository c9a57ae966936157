/**
 * 登录通知 (F15) and the browser link (F18), shared by the mini program and the server.
 *
 * The invoice system asks the operator API for a live bureau session (types/ops.ts). When a person
 * must act, the server opens a *login request* for the account and reaches its holder: a subscribe
 * message to the bound WeChat user, whose `page` is the request page below, or else a browser link
 * to the link page below. Either page shows what is asked and starts a flow (types/accounts.ts
 * FlowState) for it; when that flow is `done`, the request is done and the invoice system goes on.
 *
 * Pages the app implements (paths as in app.config, without a leading slash):
 *  - LOGIN_REQUEST_PAGE `?id=<requestId>` — opened from the subscribe message or the 登录通知 list,
 *    signed in as usual (app API routes below).
 *  - LOGIN_LINK_PAGE `?t=<token>` — opened in any browser from the loginUrl, with NO WeChat sign-in:
 *    it calls only the link routes below, with the token from its query.
 */
import { z } from 'zod';
import { CHANNELS, LOGIN_TYPES, QR_APPS, type Channel } from './domain';

/** The request page: a subscribe message's `page` is `${LOGIN_REQUEST_PAGE}?id=<requestId>`. */
export const LOGIN_REQUEST_PAGE = 'packages/notify/pages/request/index';
/** The browser link page: loginUrl is `${PUBLIC_URL}/#/${LOGIN_LINK_PAGE}?t=<token>`. */
export const LOGIN_LINK_PAGE = 'packages/notify/pages/link/index';

export function loginRequestPagePath(requestId: string): string {
  return `${LOGIN_REQUEST_PAGE}?id=${encodeURIComponent(requestId)}`;
}

export function loginLinkPagePath(token: string): string {
  return `${LOGIN_LINK_PAGE}?t=${encodeURIComponent(token)}`;
}

export const LOGIN_REQUEST_STATUSES = ['pending', 'done', 'failed', 'expired'] as const;
export type LoginRequestStatus = (typeof LOGIN_REQUEST_STATUSES)[number];

/** What the invoice system asked for: a live session (登录), or a live session with 认证 valid. */
export const LOGIN_REQUEST_PURPOSES = ['login', 'auth'] as const;
export type LoginRequestPurpose = (typeof LOGIN_REQUEST_PURPOSES)[number];

/** The 事项 of the notice and the page title: 开票登录, 收票登录, 开票认证, 收票认证. */
export function requestTitle(channel: Channel, purpose: LoginRequestPurpose): string {
  return `${channel === 'issue' ? '开票' : '收票'}${purpose === 'login' ? '登录' : '认证'}`;
}

const loginRequestExample = {
  id: '4f0c6a36-5d5b-4f59-9d1a-2d3c8a7f1e20',
  enterprise: { name: '乌鲁木齐丝路商贸有限责任公司', taxId: '91650100MA7XJ3K84G', region: '新疆' },
  channel: 'issue' as const,
  purpose: 'login' as const,
  title: '开票登录',
  maskedAccount: '139****6513',
  loginType: 'manual' as const,
  status: 'pending' as const,
  createdAt: '2026-12-07T03:15:42.000Z',
  expiresAt: '2026-12-07T03:25:42.000Z',
  next: 'login' as const,
};

/** A login request as its page shows it. No secret, the account masked. */
export const loginRequestView = z
  .object({
    id: z.string(),
    enterprise: z.object({ name: z.string(), taxId: z.string(), region: z.string() }),
    /** 开票业务 / 收票业务 */
    channel: z.enum(CHANNELS),
    purpose: z.enum(LOGIN_REQUEST_PURPOSES),
    /** 开票登录 / 收票认证 …, as in the notice. */
    title: z.string(),
    /** 151****1832 */
    maskedAccount: z.string(),
    loginType: z.enum(LOGIN_TYPES),
    status: z.enum(LOGIN_REQUEST_STATUSES),
    /** failed / expired: why, in words for the screen (the bureau's own text when it refused). */
    reason: z.string().optional(),
    /** ISO times. */
    createdAt: z.string(),
    expiresAt: z.string(),
    /**
     * While pending: what starting a flow does now — `login` (SMS code or QR scan) or `auth` (the
     * 认证 face-check QR). A 认证 request without a live session needs a login first, then `auth`.
     */
    next: z.enum(LOGIN_REQUEST_PURPOSES).optional(),
  })
  .meta({ examples: [loginRequestExample] });
export type LoginRequestView = z.infer<typeof loginRequestView>;

/** GET /api/v1/login-requests — the 登录通知 list: my pending requests, newest first. */
export const loginRequestListResponse = z
  .object({ requests: z.array(loginRequestView) })
  .meta({ examples: [{ requests: [loginRequestExample] }] });
export type LoginRequestListResponse = z.infer<typeof loginRequestListResponse>;

/**
 * POST /api/v1/login-requests/:id/flows and POST /api/v1/link/:token/flows → 201 FlowState.
 * Starts what `next` says. Login: `password` sends the SMS code to the holder (a hosted number
 * fetches it itself: poll while `hosted_wait`), `qr` shows a QR for qrApp. 认证: always the face QR.
 */
export const requestFlowBody = z.object({
  method: z.enum(['password', 'qr']).default('password'),
  /** The app the QR is scanned with: 税务APP (default) or 个人所得税APP. */
  qrApp: z.enum(QR_APPS).default('tax'),
  /**
   * Link only: the link is single-use — its first flow uses it up. The same browser starts any
   * further flow (the 认证 after a login, a QR instead of the SMS) by naming a flow it started.
   */
  afterFlowId: z.uuid().optional(),
});
export type RequestFlowBody = z.input<typeof requestFlowBody>;

/*
 * Routes (answers in parentheses; errors as in api.ts):
 *
 * App API, signed in (only the WeChat user the account is bound to sees a request; anyone else
 * gets 404 not_found, as if it did not exist):
 *   GET  /api/v1/login-requests                 (LoginRequestListResponse)
 *   GET  /api/v1/login-requests/:id             (LoginRequestView)
 *   POST /api/v1/login-requests/:id/flows       (201 FlowState) — then continue the flow with the
 *        ordinary flow routes of types/accounts.ts: GET/DELETE /api/v1/flows/:flowId,
 *        POST /api/v1/flows/:flowId/{sms, sms/resend, real-name, agreement, qr}.
 *        When the flow answers `done`, GET the request again: `done`, or pending with `next: 'auth'`.
 *
 * Link API, NO sign-in (the token is the loginUrl's `t`):
 *   GET    /api/v1/link/:token[?flow=<flowId>]               (LoginRequestView) — naming one of the
 *          link's flows, the browser that used the link keeps reading the request, also once ended
 *   POST   /api/v1/link/:token/flows                         (201 FlowState) — uses the link up
 *   GET    /api/v1/link/:token/flows/:flowId                 (FlowState) — poll
 *   POST   /api/v1/link/:token/flows/:flowId/sms             {code}        (FlowState)
 *   POST   /api/v1/link/:token/flows/:flowId/sms/resend                    (FlowState)
 *   POST   /api/v1/link/:token/flows/:flowId/real-name       {confirm}     (FlowState)
 *   POST   /api/v1/link/:token/flows/:flowId/agreement       {sign}        (FlowState)
 *   POST   /api/v1/link/:token/flows/:flowId/qr              {app?}        (FlowState)
 *   DELETE /api/v1/link/:token/flows/:flowId                               (204)
 *   A link that is used up, expired or whose request ended answers 410 with the codes below.
 */

/** `error.code` values of these routes, beyond those of api.ts and accounts.ts. */
export const RequestErrorCodes = {
  /** The browser link started its flow already: it cannot start another (410). */
  linkUsed: 'link_used',
  /** The request (and so its link) expired (410). */
  requestExpired: 'request_expired',
  /** The request is over: done or failed; `message` says which (410). */
  requestClosed: 'request_closed',
  /** A hosted account is logging in by itself for this request: nothing to do (409). */
  autoLogin: 'auto_login',
} as const;
