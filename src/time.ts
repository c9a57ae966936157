/**
 * Times as the screens write them, in the phone's local time: the few fixed forms the app uses, so
 * no date library ships with the mini program (three subpackages use these, so they sit in the main
 * package: dayjs was 7 KB of it).
 */
const pad = (n: number): string => String(n).padStart(2, '0');

/** "09:30" */
export function clockOf(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** "3月5日" */
export function monthDayOf(at: Date): string {
  return `${at.getMonth() + 1}月${at.getDate()}日`;
}

/** "2025-03-05 09:30" */
export function dateTimeText(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${clockOf(at)}`;
}

/** Whether `at` falls on the calendar day `days` after the day of `now` (0: the same day). */
export function onDay(at: Date, now: number, days = 0): boolean {
  const day = new Date(now);
  day.setDate(day.getDate() + days);
  return at.getFullYear() === day.getFullYear() && at.getMonth() === day.getMonth() && at.getDate() === day.getDate();
}
