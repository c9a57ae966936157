/** How accounts read on screen: permissions, 登录类型, expiries (dayjs), bound state. */
import dayjs from 'dayjs';
import type { AccountView } from '../../../types/accounts';
import type { Channel, DropCause } from '../../../types/domain';
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
  const at = dayjs(iso);
  const today = dayjs(now);
  const time = at.format('HH:mm');
  if (at.isSame(today, 'day')) return `今天 ${time} 到期`;
  if (at.isSame(today.add(1, 'day'), 'day')) return `明天 ${time} 到期`;
  return `${at.format('M月D日')} ${time} 到期`;
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
  const at = dayjs(drop.at);
  const day = at.isSame(dayjs(now), 'day') ? '今天' : at.format('M月D日');
  return `${CHANNEL_SHORT[channel]} · ${day} ${at.format('HH:mm')} · ${DROP_CAUSE_LABELS[drop.cause]}`;
}

/** "2025-03-05 09:30" style, for recent logins. */
export function timeText(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** 未绑定 / 已绑定（他人）/ 已绑定（本人）: another's binding reads apart from mine (issue 12). */
export function boundText(bound: AccountView['bound']): string {
  if (bound === 'me') return '已绑定（本人）';
  return bound === 'other' ? '已绑定（他人）' : '未绑定';
}
