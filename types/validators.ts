/**
 * Identifier and password rules shared by the app, the server and the sandboxes (PLATFORM.md).
 * Pure functions, no dependencies: safe to import anywhere.
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters with a check character. */
export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(value[i]) * USCC_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[check] === value[17];
}

/** Check character for the first 17 characters of a 统一社会信用代码 (used by factories and the demo seed). */
export function unifiedSocialCreditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** A 税号: an 18-character 统一社会信用代码 or a legacy 15-digit 纳税人识别号. */
export function isTaxId(value: string): boolean {
  return isUnifiedSocialCreditCode(value) || /^\d{15}$/.test(value);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECKS = '10X98765432';

/** 居民身份证号码 (GB 11643-1999): 17 digits + check, and a real birth date. */
export function isResidentIdNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const year = Number(v.slice(6, 10));
  const month = Number(v.slice(10, 12));
  const day = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  if (date.getTime() > Date.now()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * ID_WEIGHTS[i];
  return ID_CHECKS[sum % 11] === v[17];
}

/** Check character for the first 17 digits of a resident ID (factories, demo seed). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECKS[sum % 11];
}

/** Mainland mobile number. */
export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** 151****1832 for phones; first 3 and last 4 kept for ID numbers and other long accounts. */
export function maskAccount(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  if (value.length <= 7) return value.slice(0, 1) + '*'.repeat(value.length - 2) + value.slice(-1);
  const head = value.length === 11 ? 3 : Math.min(4, value.length - 7);
  return value.slice(0, head) + '****' + value.slice(-4);
}

export const PASSWORD_SYMBOLS = '.@$%*#_+-&^';

/** Why a password breaks the bureau's policy, or null when it is acceptable (8–16, two kinds). */
export function passwordPolicyError(value: string): string | null {
  if (value.length < 8 || value.length > 16) return '密码长度须为8-16位';
  const allowed = /^[0-9A-Za-z.@$%*#_+\-&^]+$/;
  if (!allowed.test(value)) return `密码只能包含数字、字母和特殊字符 ${PASSWORD_SYMBOLS}`;
  const kinds = [/\d/, /[A-Za-z]/, /[.@$%*#_+\-&^]/].filter((re) => re.test(value)).length;
  if (kinds < 2) return '密码须包含数字、字母、特殊字符中的至少两种';
  return null;
}

/** Why a 证件号码 is not acceptable for the 证件类型, or null. Resident IDs: length, birth date, check digit. */
export function idNumberError(idType: string, value: string): string | null {
  const v = value.trim().toUpperCase();
  if (!v) return '请输入证件号码';
  if (idType === '居民身份证') {
    if (!/^\d{17}[\dX]$/.test(v)) return '身份证号码须为18位，前17位为数字，最后一位为数字或X';
    if (isResidentIdNumber(v)) return null;
    // With a right check digit, what is left to be wrong is the birth date.
    if (residentIdCheckChar(v.slice(0, 17)) === v[17]) return '身份证号码中的出生日期不正确，请核对后重新输入';
    return '身份证号码校验位不正确，请核对后重新输入';
  }
  if (!/^[A-Z0-9]{5,20}$/.test(v)) return '证件号码格式不正确，请核对后重新输入';
  return null;
}
