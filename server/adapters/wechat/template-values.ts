/**
 * Keep subscribe-message values within WeChat's limits (PLATFORM.md): a value past its limit
 * fails the whole send with 47003, so long texts such as enterprise names are cut here.
 * Lengths count characters (code points), as WeChat does, not UTF-16 units.
 */

const ELLIPSIS = '…';
/** WeChat shows times in China; China has no daylight saving, so a fixed offset is exact. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export const LIMITS = {
  thing: 20,
  character_string: 32,
  phrase: 5,
  name: 10,
  nameLatin: 20,
  phone_number: 17,
} as const;

/** Cut to at most `max` characters, the last one an ellipsis when anything was cut. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value.trim());
  if (chars.length <= max) return chars.join('');
  return chars.slice(0, max - 1).join('') + ELLIPSIS;
}

/** `thing`: up to 20 characters of any kind. */
export function truncateThing(value: string): string {
  return truncate(value, LIMITS.thing);
}

/** `character_string`: up to 32 digits, letters or symbols; cut plainly (no ellipsis: not ASCII). */
export function truncateCharacterString(value: string): string {
  return Array.from(value.trim()).slice(0, LIMITS.character_string).join('');
}

/** `phrase`: up to 5 Chinese characters (a status word such as 待登录). */
export function truncatePhrase(value: string): string {
  return Array.from(value.trim()).slice(0, LIMITS.phrase).join('');
}

/**
 * `name`: up to 10 characters, or 20 when purely Latin letters and symbols. A Latin name is
 * cut plainly: an ellipsis is not Latin and would bring its limit down to 10.
 */
export function truncateName(value: string): string {
  const trimmed = value.trim();
  return isAscii(trimmed) ? trimmed.slice(0, LIMITS.nameLatin).trimEnd() : truncate(trimmed, LIMITS.name);
}

/** `phone_number`: up to 17 digits and symbols (a masked 151****1832 is fine). */
export function truncatePhoneNumber(value: string): string {
  return value
    .replace(/[^\x20-\x40\x5b-\x60\x7b-\x7e]/g, '')
    .trim()
    .slice(0, LIMITS.phone_number);
}

/** `time`: 'YYYY-MM-DD HH:mm' in Beijing time, whatever the server's time zone. */
export function formatTime(date: Date | number): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `date`: 'YYYY-MM-DD' in Beijing time. */
export function formatDate(date: Date | number): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

export function isAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

function beijingParts(date: Date | number) {
  const d = new Date((typeof date === 'number' ? date : date.getTime()) + BEIJING_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(d.getUTCFullYear()),
    month: two(d.getUTCMonth() + 1),
    day: two(d.getUTCDate()),
    hour: two(d.getUTCHours()),
    minute: two(d.getUTCMinutes()),
  };
}
