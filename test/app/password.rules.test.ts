import {
  fieldOfError,
  idNumberSubmitError,
  idNumberTypingError,
  newPasswordErrors,
  normalizeIdNumber,
} from '../../src/packages/password/rules';

const RESIDENT = '居民身份证';
// 11010119900307777 + its check digit 4; the same with a wrong one; a 30 February.
const VALID = '110101199003077774';
const WRONG_CHECK = '110101199003077775';
const BAD_DATE = '110101199002301236';

describe('#password.rules idNumberTypingError', () => {
  it('should stay silent while a resident ID can still become right', () => {
    expect(idNumberTypingError(RESIDENT, '')).toBeNull();
    expect(idNumberTypingError(RESIDENT, '1101011990')).toBeNull();
    expect(idNumberTypingError(RESIDENT, '11010119900307')).toBeNull();
    expect(idNumberTypingError(RESIDENT, VALID)).toBeNull();
    expect(idNumberTypingError(RESIDENT, '11010119900307777x')).toBe('身份证号码校验位不正确，请核对后重新输入');
  });

  it('should name a wrong birth date as soon as its 8 digits are typed', () => {
    expect(idNumberTypingError(RESIDENT, '11010119900230')).toBe('身份证号码中的出生日期不正确，请核对后重新输入');
    expect(idNumberTypingError(RESIDENT, BAD_DATE)).toBe('身份证号码中的出生日期不正确，请核对后重新输入');
  });

  it('should name a wrong check digit once all 18 are there', () => {
    expect(idNumberTypingError(RESIDENT, WRONG_CHECK)).toBe('身份证号码校验位不正确，请核对后重新输入');
  });

  it('should say at once when the characters cannot make a resident ID', () => {
    expect(idNumberTypingError(RESIDENT, '1101A')).toBe('身份证号码须为18位，前17位为数字，最后一位为数字或X');
    expect(idNumberTypingError(RESIDENT, `${VALID}1`)).toBe('身份证号码须为18位，前17位为数字，最后一位为数字或X');
  });

  it('should check other 证件 by their format only', () => {
    expect(idNumberTypingError('中国护照', 'E12')).toBeNull();
    expect(idNumberTypingError('中国护照', 'E1234567')).toBeNull();
    expect(idNumberTypingError('中国护照', 'E12-4567')).toBe('证件号码格式不正确，请核对后重新输入');
  });
});

describe('#password.rules idNumberSubmitError', () => {
  it('should require the whole number before 下一步', () => {
    expect(idNumberSubmitError(RESIDENT, '')).toBe('请输入证件号码');
    expect(idNumberSubmitError(RESIDENT, '1101011990')).toBe('身份证号码须为18位，前17位为数字，最后一位为数字或X');
    expect(idNumberSubmitError(RESIDENT, ` ${VALID} `)).toBeNull();
    expect(normalizeIdNumber('3501 0219 8506 1200 3x')).toBe('35010219850612003X');
  });
});

describe('#password.rules newPasswordErrors', () => {
  it('should check the bureau’s policy as the new password is typed', () => {
    expect(newPasswordErrors('', '')).toEqual({});
    expect(newPasswordErrors('Ab1', '')).toEqual({ newPassword: '密码长度须为8-16位' });
    expect(newPasswordErrors('abcdefgh', '')).toEqual({ newPassword: '密码须包含数字、字母、特殊字符中的至少两种' });
    expect(newPasswordErrors('abcd efgh1', '')).toEqual({
      newPassword: '密码只能包含数字、字母和特殊字符 .@$%*#_+-&^',
    });
    expect(newPasswordErrors('New#2025pass', '')).toEqual({});
  });

  it('should call a mismatch only once the confirmation stops following the new password', () => {
    expect(newPasswordErrors('New#2025pass', 'New#')).toEqual({});
    expect(newPasswordErrors('New#2025pass', 'Nex')).toEqual({ confirmPassword: '两次输入的密码不一致' });
    expect(newPasswordErrors('New#2025pass', 'New#2025passX')).toEqual({ confirmPassword: '两次输入的密码不一致' });
    expect(newPasswordErrors('New#2025pass', 'New#2025pass')).toEqual({});
  });

  it('should require both and match exactly on 确定', () => {
    expect(newPasswordErrors('', '', true)).toEqual({
      newPassword: '请输入新密码',
      confirmPassword: '请再次输入新密码',
    });
    expect(newPasswordErrors('New#2025pass', 'New#', true)).toEqual({ confirmPassword: '两次输入的密码不一致' });
  });
});

describe('#password.rules fieldOfError', () => {
  it('should put each refusal under its field', () => {
    expect(fieldOfError('id_mismatch')).toBe('idNumber');
    expect(fieldOfError('etax_sms_code_wrong')).toBe('code');
    expect(fieldOfError('hosted_timeout')).toBe('code');
    expect(fieldOfError('etax_weak_password')).toBe('newPassword');
    expect(fieldOfError('etax_wrong_password')).toBe('password');
    expect(fieldOfError('etax_unavailable')).toBeNull();
  });
});
