/**
 * Ahead of the failure (issue 14), shared by the app and the server: the session watch's words
 * (已掉线 with its likely cause, 即将到期), the page a drop or expiry message opens, the operator
 * view of an enterprise's sessions and the tenant webhook's session events.
 */
import { z } from 'zod';
import { CHANNELS, DROP_CAUSES, type Channel } from './domain';

// 另一处登录: the bureau dropped the session (one live login per person and region); 到期: it ran out.
export { DROP_CAUSES, DROP_CAUSE_LABELS, type DropCause } from './domain';

/**
 * The page a 掉线 or 到期 message opens: 登录 of that account and channel (or 认证), one tap from
 * the message (the app's accountLogin route).
 */
export const ACCOUNT_LOGIN_PAGE = 'packages/accounts/pages/login/index';

export function accountLoginPagePath(accountId: string, target: { channel: Channel } | { purpose: 'auth' }): string {
  const query = 'channel' in target ? `channel=${target.channel}` : 'purpose=auth';
  return `${ACCOUNT_LOGIN_PAGE}?accountId=${encodeURIComponent(accountId)}&${query}`;
}

// ---- Operator view: GET /ops/v1/enterprises/:taxId/sessions ------------------------------------

const iso = z.string().describe('ISO 8601 time');
const drop = z.object({
  at: iso,
  cause: z.enum(DROP_CAUSES).describe('elsewhere = 另一处登录 (dropped by the bureau); expired = 到期'),
  /** The bureau's own words. */
  reason: z.string(),
});

export const channelSessionView = z.object({
  channel: z.enum(CHANNELS),
  /**
   * live: a bureau session we hold, live when last checked; dropped: 已掉线 since lastDrop.at and no
   * login since; none: never logged in here (or the session ran out long ago and was forgotten).
   */
  state: z.enum(['live', 'dropped', 'none']),
  /** live: when the session runs out. */
  expiresAt: iso.optional(),
  /** When the bureau was last asked about this session (by the watch or an ask). */
  lastCheckedAt: iso.optional(),
  /** The last drop seen, also once logged in again. */
  lastDrop: drop.optional(),
});
export type ChannelSessionView = z.infer<typeof channelSessionView>;

export const accountSessionsView = z.object({
  /** Masked, as everywhere (151****1832). */
  account: z.string(),
  loginType: z.string(),
  /** 默认开票 / 默认收票 (F8). */
  defaults: z.array(z.enum(CHANNELS)),
  locked: z.boolean(),
  /** One entry per channel the account may use. */
  channels: z.array(channelSessionView),
  /** Until when its 认证 holds (absent when none is valid). */
  authValidUntil: iso.optional(),
});

export const enterpriseSessionsView = z
  .object({
    taxId: z.string(),
    name: z.string(),
    region: z.string(),
    accounts: z.array(accountSessionsView),
    /** This server's time of the answer. */
    at: iso,
  })
  .meta({
    examples: [
      {
        taxId: '91650100MA7XJ3K84G',
        name: '乌鲁木齐丝路商贸有限责任公司',
        region: '新疆',
        accounts: [
          {
            account: '139****6513',
            loginType: 'manual',
            defaults: ['issue'],
            locked: false,
            channels: [
              {
                channel: 'issue',
                state: 'live',
                expiresAt: '2026-12-07T05:15:42.000Z',
                lastCheckedAt: '2026-12-07T03:45:00.000Z',
              },
              {
                channel: 'receive',
                state: 'dropped',
                lastCheckedAt: '2026-12-07T03:45:00.000Z',
                lastDrop: {
                  at: '2026-12-07T03:40:12.000Z',
                  cause: 'elsewhere',
                  reason: '您的账号已在其他地方登录，请重新登录',
                },
              },
            ],
          },
        ],
        at: '2026-12-07T03:50:00.000Z',
      },
    ],
  });
export type EnterpriseSessionsView = z.infer<typeof enterpriseSessionsView>;

// ---- Tenant webhook: session events (besides tax_session.ended, types/ops.ts) -------------------

/**
 * `session.dropped`: the watch saw a session end early. `relogin` says what follows: auto = a
 * hosted account logs in again by itself; notified = its holder got a 重新登录 message; none = no
 * one could be told (unbound, no 登录通知 left, locked): the next ask opens a 登录通知 or link.
 */
export const sessionDroppedPayload = z.object({
  event: z.literal('session.dropped'),
  taxId: z.string(),
  /** Masked. */
  account: z.string(),
  channel: z.enum(CHANNELS),
  droppedAt: z.string(),
  cause: z.enum(DROP_CAUSES),
  reason: z.string(),
  relogin: z.enum(['auto', 'notified', 'none']),
  timestamp: z.number().int(),
});
export type SessionDroppedPayload = z.infer<typeof sessionDroppedPayload>;

/** `session.expiring`: a 登录 (per channel) or 认证 of the account ends at expiresAt; told once per end. */
export const sessionExpiringPayload = z.object({
  event: z.literal('session.expiring'),
  taxId: z.string(),
  account: z.string(),
  purpose: z.enum(['login', 'auth']),
  /** login only. */
  channel: z.enum(CHANNELS).optional(),
  expiresAt: z.string(),
  timestamp: z.number().int(),
});
export type SessionExpiringPayload = z.infer<typeof sessionExpiringPayload>;

export type SessionEventPayload = SessionDroppedPayload | SessionExpiringPayload;
