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

/** Who did it, from which WeChat user, when: "张*丰 · 微信 oAbc****wxyz · 2025-03-05 09:30". */
export function auditByText(entry: AuditEntry): string {
  const who = entry.actor.me ? `${entry.actor.name}（本人）` : entry.actor.name;
  return `${who} · 微信 ${entry.maskedOpenid} · ${timeText(entry.at)}`;
}
