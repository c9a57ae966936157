/**
 * The checks of 修改密码 as the user types, and where a refusal of the server shows. The rules
 * themselves are the shared ones (types/: idNumberError, passwordPolicyError), so the page says
 * what the server would answer, before it is asked.
 */
import { ID_TYPES, PASSWORD_ITEM_LABELS, type IdType } from '../../../types/domain';
import { idNumberError, passwordPolicyError, residentIdCheckChar } from '../../../types/validators';

export { ID_TYPES, PASSWORD_ITEM_LABELS, type IdType };

export const RESIDENT_ID: IdType = '居民身份证';

const normalize = (value: string) => value.replace(/\s/g, '').toUpperCase();

/**
 * The 证件号码 as typed: silent while it can still become right; for a resident ID, the birth date
 * is judged as soon as its 8 digits are there, and the check digit once all 18 are.
 */
export function idNumberTypingError(idType: string, value: string): string | null {
  const v = normalize(value);
  if (!v) return null;
  if (idType !== RESIDENT_ID) return /^[A-Z0-9]{1,4}$/.test(v) ? null : idNumberError(idType, v);
  if (/^\d{14,17}$/.test(v)) {
    // Completed with a right check digit, only the birth date can be wrong.
    const first17 = v.slice(0, 14).padEnd(17, '0');
    return idNumberError(idType, first17 + residentIdCheckChar(first17));
  }
  if (/^\d{1,13}$/.test(v)) return null;
  return idNumberError(idType, v);
}

/** The 证件号码 before 下一步: everything must hold. */
export function idNumberSubmitError(idType: string, value: string): string | null {
  return idNumberError(idType, normalize(value));
}

/** What is sent: spaces dropped, x upper-cased (as the server reads it). */
export function normalizeIdNumber(value: string): string {
  return normalize(value);
}

export interface NewPasswordErrors {
  newPassword?: string;
  confirmPassword?: string;
}

/**
 * 新密码 + 确认密码 against the bureau's policy. As typed (`submitting` false), an empty field says
 * nothing and a 确认密码 still being typed (a start of the new one) is not yet a mismatch.
 */
export function newPasswordErrors(newPassword: string, confirmPassword: string, submitting = false): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (newPassword) {
    const policy = passwordPolicyError(newPassword);
    if (policy) errors.newPassword = policy;
  } else if (submitting) errors.newPassword = '请输入新密码';

  const stillTyping =
    !submitting && confirmPassword.length < newPassword.length && newPassword.startsWith(confirmPassword);
  if (confirmPassword && confirmPassword !== newPassword && !stillTyping) {
    errors.confirmPassword = '两次输入的密码不一致';
  } else if (!confirmPassword && submitting) errors.confirmPassword = '请再次输入新密码';
  return errors;
}

export type PasswordField = 'idNumber' | 'code' | 'newPassword' | 'password';

/** Which field a refusal belongs under; null: at the top of the page. */
export function fieldOfError(code: string): PasswordField | null {
  switch (code) {
    case 'id_mismatch':
    case 'etax_not_found':
      return 'idNumber';
    case 'code_not_sent':
    case 'hosted_timeout':
    case 'etax_sms_code_wrong':
    case 'etax_sms_code_expired':
    case 'etax_resend_too_soon':
    case 'etax_rate_limited':
      return 'code';
    case 'etax_weak_password':
      return 'newPassword';
    case 'etax_wrong_password':
    case 'etax_locked':
      return 'password';
    default:
      return null;
  }
}
