/** The job queues of the server (pg-boss); workers.ts says who works each. */
export const QUEUES = {
  /** A login request's time is up: it expires unless it ended meanwhile (login-requests.ts). */
  expireRequest: 'login-request-expire',
  /** One attempt of a hosted account's automatic login for a request (auto-login.ts). */
  autoLogin: 'hosted-auto-login',
  /** Tell a tenant's invoice system that one of its requests ended (webhooks.ts). */
  webhook: 'tenant-webhook',
  /** Tell a tenant's invoice system that a session dropped or nears its end (webhooks.ts). */
  sessionEvent: 'tenant-session-event',
  /** One run of the session watch; each run queues the next (session-watch.ts). */
  sessionWatch: 'session-watch',
} as const;

export interface RequestJob {
  requestId: string;
}
