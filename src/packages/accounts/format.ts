/** How accounts read on screen: permissions, 登录类型, expiries, bound state. */
import type { AccountView } from '../../../types/accounts';
import type { Channel, DropCause } from '../../../types/domain';
import { clockOf, monthDayOf, onDay } from '../../time';
import { CHANNEL_SHORT, CHANNELS, DROP_CAUSE_LABELS, LOGIN_TYPE_LABELS } from './labels';

/** A session or 认证 this close to its end is shown as 即将到期 (orange). */
export const EXPIRING_SOON_MS = 30 * 60_000;

/** 开票 / 收票 / 开票+收票 */
export function permissionText(permissions: Channel[]): string {
  const ordered = CHANNELS.filter((c) => permissions.includes(c));
  return ordered.length > 0 ? ordered.map((c) => CHANNEL_SHORT[c]).join('+') : '无开收票权限';
}

export function loginTypeText(account: Pick<AccountView, 'loginType'>): string {
  return LOGIN_TYPE_LABELS[account.loginType] ?? account.loginType;
}

/** "今天 18:30 到期", "明天 09:00 到期", else "3月5日 09:00 到期". */
export function expiryText(iso: string, now: number = Date.now()): string {
  const at = new Date(iso);
  const time = clockOf(at);
  if (onDay(at, now)) return `今天 ${time} 到期`;
  if (onDay(at, now, 1)) return `明天 ${time} 到期`;
  return `${monthDayOf(at)} ${time} 到期`;
}

export function expiresSoon(iso: string, now: number = Date.now()): boolean {
  return Date.parse(iso) - now <= EXPIRING_SOON_MS;
}

/** "开票 · 今天 13:05 · 另一处登录": when a channel's session dropped and why (most likely). */
export function droppedText(
  channel: Channel,
  drop: { at: string; cause: DropCause },
  now: number = Date.now(),
): string {
  const at = new Date(drop.at);
  const day = onDay(at, now) ? '今天' : monthDayOf(at);
  return `${CHANNEL_SHORT[channel]} · ${day} ${clockOf(at)} · ${DROP_CAUSE_LABELS[drop.cause]}`;
}

/** 未绑定 / 已绑定（他人）/ 已绑定（本人）: another's binding reads apart from mine (issue 12). */
export function boundText(bound: AccountView['bound']): string {
  if (bound === 'me') return '已绑定（本人）';
  return bound === 'other' ? '已绑定（他人）' : '未绑定';
}
