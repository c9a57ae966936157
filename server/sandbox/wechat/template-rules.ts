/**
 * WeChat's value rules for subscribe-message template fields (PLATFORM.md). Written apart from
 * the adapter's helpers on purpose: the sandbox judges what the adapter produces.
 */

export const FIELD_KINDS = ['thing', 'character_string', 'phrase', 'name', 'phone_number', 'time', 'date'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Why a value breaks its field's rule, or null when it is fine. */
export function checkValue(kind: FieldKind, value: string): string | null {
  const length = Array.from(value).length;
  if (length === 0) return 'is empty';
  switch (kind) {
    case 'thing':
      return length > 20 ? 'exceed limit 20' : null;
    case 'character_string':
      if (length > 32) return 'exceed limit 32';
      return /^[\x21-\x7e]+$/.test(value) ? null : 'only digits, letters or symbols';
    case 'phrase':
      if (length > 5) return 'exceed limit 5';
      return /^\p{Script=Han}+$/u.test(value) ? null : 'only Chinese characters';
    case 'name': {
      // 10 characters, or 20 when purely Latin letters and symbols.
      const max = /^[\x20-\x7e]+$/.test(value) ? 20 : 10;
      return length > max ? `exceed limit ${max}` : null;
    }
    case 'phone_number':
      if (length > 17) return 'exceed limit 17';
      return /^[\x20-\x40\x5b-\x60\x7b-\x7e]+$/.test(value) ? null : 'only digits and symbols';
    case 'time':
      return isDateTime(value, true) ? null : 'must be YYYY-MM-DD HH:mm';
    case 'date':
      return isDateTime(value, false) ? null : 'must be YYYY-MM-DD';
  }
}

function isDateTime(value: string, timeRequired: boolean): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value);
  if (!m || (timeRequired && m[4] === undefined)) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const realTime = m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60);
  return realDate && realTime;
}
