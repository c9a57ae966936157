import {
  isMobile,
  isResidentIdNumber,
  isTaxId,
  isUnifiedSocialCreditCode,
  maskAccount,
  passwordPolicyError,
  residentIdCheckChar,
  unifiedSocialCreditCheckChar,
} from '../../types/validators';

describe('#validators.taxId', () => {
  it('should accept the 统一社会信用代码 of PLATFORM.md', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
    expect(isTaxId('91350100M000100Y43')).toBe(true);
  });

  it('should reject a wrong check character', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000100Y4A')).toBe(false);
  });

  it('should reject letters outside the code alphabet (I, O, S, V, Z) and wrong lengths', () => {
    expect(isUnifiedSocialCreditCode('91350100I000100Y43')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000100Y4')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100m000100y43')).toBe(false);
  });

  it('should compute the check character that makes a code valid, including 0 for 31', () => {
    expect(unifiedSocialCreditCheckChar('91350100M000100Y4')).toBe('3');
    // Its weighted sum is a multiple of 31: 31 − 0 = 31 wraps to '0'.
    expect(unifiedSocialCreditCheckChar('91350100M000018Y4')).toBe('0');
    expect(isUnifiedSocialCreditCode('91350100M000018Y40')).toBe(true);
    for (const prefix of ['91110000600037341', '12100000400000770', '91440300MA5F00000']) {
      expect(isUnifiedSocialCreditCode(prefix + unifiedSocialCreditCheckChar(prefix))).toBe(true);
    }
  });

  it('should accept a legacy 15-digit 税号 and nothing shorter', () => {
    expect(isTaxId('350100123456789')).toBe(true);
    expect(isTaxId('35010012345678')).toBe(false);
    expect(isTaxId('35010012345678X')).toBe(false);
  });
});

describe('#validators.residentId', () => {
  // 11010519491231002X: the GB 11643 example (check character X).
  it('should accept a number with a right check digit, X in either case', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
  });

  it('should reject a wrong check digit', () => {
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
  });

  it('should reject a birth date that does not exist, even with a right check digit', () => {
    const feb30 = '11010519490230002';
    expect(isResidentIdNumber(feb30 + residentIdCheckChar(feb30))).toBe(false);
    const month13 = '11010519491301002';
    expect(isResidentIdNumber(month13 + residentIdCheckChar(month13))).toBe(false);
  });

  it('should accept 29 February only in a leap year', () => {
    const leap = '11010520000229002';
    const notLeap = '11010519990229002';
    expect(isResidentIdNumber(leap + residentIdCheckChar(leap))).toBe(true);
    expect(isResidentIdNumber(notLeap + residentIdCheckChar(notLeap))).toBe(false);
  });

  it('should reject a birth date in the future', () => {
    const future = '11010520990101002';
    expect(isResidentIdNumber(future + residentIdCheckChar(future))).toBe(false);
  });
});

describe('#validators.mobile', () => {
  it('should accept mainland mobile numbers', () => {
    expect(isMobile('15112341832')).toBe(true);
    expect(isMobile('19912345678')).toBe(true);
  });

  it('should reject other numbers', () => {
    expect(isMobile('12012345678')).toBe(false);
    expect(isMobile('1511234183')).toBe(false);
    expect(isMobile('151123418321')).toBe(false);
    expect(isMobile('+8615112341832')).toBe(false);
  });
});

describe('#validators.mask', () => {
  it('should mask a phone as 151****1832', () => {
    expect(maskAccount('15112341832')).toBe('151****1832');
  });

  it('should keep only the head and last 4 of an ID number', () => {
    const masked = maskAccount('11010519491231002X');
    expect(masked.endsWith('002X')).toBe(true);
    expect(masked).toContain('****');
    expect(masked).not.toContain('19491231');
  });

  it('should hide short accounts almost entirely', () => {
    expect(maskAccount('abcd')).toBe('****');
    expect(maskAccount('abcdef')).toBe('a****f');
  });
});

describe('#validators.passwordPolicy', () => {
  it('should accept 8–16 characters of two kinds', () => {
    expect(passwordPolicyError('abc12345')).toBeNull();
    expect(passwordPolicyError('abcdefg.')).toBeNull();
    expect(passwordPolicyError('1234567890123@#$')).toBeNull();
  });

  it('should say why a password is refused', () => {
    expect(passwordPolicyError('abc1234')).toBe('密码长度须为8-16位');
    expect(passwordPolicyError('abc1234567890abcd')).toBe('密码长度须为8-16位');
    expect(passwordPolicyError('abcdefgh')).toBe('密码须包含数字、字母、特殊字符中的至少两种');
    expect(passwordPolicyError('12345678')).toBe('密码须包含数字、字母、特殊字符中的至少两种');
    expect(passwordPolicyError('abc 12345')).toMatch(/^密码只能包含/);
    expect(passwordPolicyError('abc1234!')).toMatch(/^密码只能包含/);
  });
});
