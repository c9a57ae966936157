/**
 * WeChat's value rules for subscribe-message template fields (订阅消息参数值内容限制, PLATFORM.md).
 * Written apart from the adapter's helpers on purpose: the sandbox judges what the adapter produces.
 */

export const FIELD_KINDS = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
  'enum',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const SYMBOLS = /^[\p{P}\p{S}]+$/u;
const ASCII_PRINTABLE = /^[\x21-\x7e]+$/;

/**
 * Why a value breaks its field's rule, or null when it is fine. `enumValues`: the values an `enum`
 * field accepts (WeChat lists them per template).
 */
export function checkValue(kind: FieldKind, value: string, enumValues?: readonly string[]): string | null {
  const length = Array.from(value).length;
  if (length === 0) return 'is empty';
  switch (kind) {
    case 'thing':
      return length > 20 ? 'exceed limit 20' : null;
    case 'number':
      if (length > 32) return 'exceed limit 32';
      return /^\d+(\.\d+)?$/.test(value) ? null : 'only digits, with an optional decimal part';
    case 'letter':
      if (length > 32) return 'exceed limit 32';
      return /^[A-Za-z]+$/.test(value) ? null : 'only letters';
    case 'symbol':
      if (length > 5) return 'exceed limit 5';
      return SYMBOLS.test(value) ? null : 'only symbols';
    case 'character_string':
      if (length > 32) return 'exceed limit 32';
      return ASCII_PRINTABLE.test(value) ? null : 'only digits, letters or symbols';
    case 'time':
      return isTimeValue(value, 'time') ? null : 'must be a 24-hour time with an optional date';
    case 'date':
      return isTimeValue(value, 'date') ? null : 'must be a date with an optional 24-hour time';
    case 'amount': {
      // An optional currency sign, at most 10 digits (decimals allowed), an optional 元 at the end.
      const m = /^[¥￥$€£]?(\d+(?:\.\d+)?)元?$/u.exec(value);
      if (!m) return 'must be a currency sign and digits';
      return m[1].replace('.', '').length > 10 ? 'exceed limit 10 digits' : null;
    }
    case 'phone_number':
      if (length > 17) return 'exceed limit 17';
      return /^[\x20-\x40\x5b-\x60\x7b-\x7e]+$/.test(value) ? null : 'only digits and symbols';
    case 'car_number': {
      if (length > 8) return 'exceed limit 8';
      // 粤A8Z888挂: the first and the last may be Chinese characters, the others letters or digits.
      return /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(value) ? null : 'bad plate';
    }
    case 'name': {
      // 10 characters, or 20 when purely Latin letters and symbols; mixed counts as Chinese.
      const max = /^[\x20-\x7e]+$/.test(value) ? 20 : 10;
      return length > max ? `exceed limit ${max}` : null;
    }
    case 'phrase':
      if (length > 5) return 'exceed limit 5';
      return /^\p{Script=Han}+$/u.test(value) ? null : 'only Chinese characters';
    case 'enum':
      return enumValues?.includes(value) ? null : 'not in enum values';
  }
}

/**
 * time: a 24-hour time (15:01, 15:01:30), optionally after a date; date: a date, optionally with a
 * time. Dates are 2019年10月1日 or with - / . between the parts. A range joins two with ~.
 */
function isTimeValue(value: string, kind: 'time' | 'date'): boolean {
  const parts = value.split('~');
  if (parts.length > 2) return false;
  return parts.every((part) => isPoint(part.trim(), kind));
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;
/** 2019年10月1日 [15:01] or 2019-10-01 / 2019/10/1 / 2019.10.01 [15:01]. */
const POINTS = [
  new RegExp(String.raw`^(?:(\d{4})年(\d{1,2})月(\d{1,2})日)?\s*(?:${TIME})?$`),
  new RegExp(String.raw`^(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2}))(?:\s+${TIME})?$`),
];

function isPoint(value: string, kind: 'time' | 'date'): boolean {
  if (value === '') return false;
  let date: [string, string, string] | undefined;
  let time: [string, string, string | undefined] | undefined;
  const cjk = POINTS[0].exec(value);
  const dashed = POINTS[1].exec(value);
  if (cjk) {
    if (cjk[1] !== undefined) date = [cjk[1], cjk[2], cjk[3]];
    if (cjk[4] !== undefined) time = [cjk[4], cjk[5], cjk[6]];
  } else if (dashed) {
    date = [dashed[1], dashed[3], dashed[4]];
    if (dashed[5] !== undefined) time = [dashed[5], dashed[6], dashed[7]];
  } else return false;
  if (kind === 'time' ? !time : !date) return false;
  if (date) {
    const [year, month, day] = date.map(Number);
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return false;
  }
  if (time && (Number(time[0]) > 23 || Number(time[1]) > 59 || Number(time[2] ?? 0) > 59)) return false;
  return true;
}
