/** How admins and their audit log read on screen. */
import dayjs from 'dayjs';
import type { AdminView, AuditEntry } from '../../../types/admin';

/** "2025-03-05 09:30" */
export function timeText(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

export function adminSinceText(admin: AdminView): string {
  return `${timeText(admin.since)} 成为管理员`;
}

/** The WeChat user each name acts from now: the one of its newest entry (the log is newest first). */
export function currentWechatByName(entries: AuditEntry[]): Map<string, string> {
  const current = new Map<string, string>();
  for (const entry of entries) if (!current.has(entry.actor.name)) current.set(entry.actor.name, entry.maskedOpenid);
  return current;
}

/**
 * Who did it and when: "张*丰 · 2025-03-05 09:30" — a name, not a WeChat id. A person who changed
 * WeChat (更换微信) acted from two WeChat users under one name: the earlier one's entries read
 * "张*丰（更换微信前） · …", so the two stay apart.
 */
export function auditByText(entry: AuditEntry, currentWechat: Map<string, string>): string {
  const former = currentWechat.get(entry.actor.name) !== entry.maskedOpenid ? '（更换微信前）' : '';
  const who = entry.actor.me ? `${entry.actor.name}（本人）` : entry.actor.name;
  return `${who}${former} · ${timeText(entry.at)}`;
}
