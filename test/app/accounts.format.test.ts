import { expiresSoon, expiryText, permissionText } from '../../src/packages/accounts/format';
import { defaultChoices, fieldOfError, moreActions } from '../../src/packages/accounts/rules';

describe('#accounts.format', () => {
  const now = new Date(2025, 2, 5, 12, 0).getTime();

  it('should say when a session ends: 今天, 明天, or the date', () => {
    expect(expiryText(new Date(2025, 2, 5, 18, 30).toISOString(), now)).toBe('今天 18:30 到期');
    expect(expiryText(new Date(2025, 2, 6, 9, 0).toISOString(), now)).toBe('明天 09:00 到期');
    expect(expiryText(new Date(2025, 2, 8, 9, 5).toISOString(), now)).toBe('3月8日 09:05 到期');
  });

  it('should call the last 30 minutes 即将到期', () => {
    expect(expiresSoon(new Date(now + 30 * 60_000).toISOString(), now)).toBe(true);
    expect(expiresSoon(new Date(now + 31 * 60_000).toISOString(), now)).toBe(false);
  });

  it('should write permissions as 开票 / 收票 / 开票+收票', () => {
    expect(permissionText(['receive', 'issue'])).toBe('开票+收票');
    expect(permissionText(['receive'])).toBe('收票');
  });
});

describe('#accounts.rules', () => {
  const can = { login: true, edit: true, delete: false, changeWechat: true, unlock: false };

  it('should offer in 更多 only what `can` allows', () => {
    const account = { can } as Parameters<typeof moreActions>[0];
    expect(moreActions(account)).toEqual(['edit', 'changeWechat']);
  });

  it('should offer no default for a missing permission, and only 开票+收票 for a lone account', () => {
    expect(defaultChoices({ permissions: ['receive'], defaults: [], enterpriseAccountCount: 3 })).toEqual({
      choices: [{ label: '收票', channels: ['receive'] }],
      notes: ['该账号没有开票权限，无法设置为默认开票账号'],
    });
    expect(
      defaultChoices({ permissions: ['issue', 'receive'], defaults: ['issue', 'receive'], enterpriseAccountCount: 1 }),
    ).toEqual({
      choices: [
        { label: '开票+收票', channels: ['issue', 'receive'] },
        { label: '取消默认', channels: [] },
      ],
      notes: ['企业只有一个账号时，只能设置为“开票+收票”默认账号'],
    });
  });

  it('should put a refusal under its field', () => {
    expect(fieldOfError('etax_wrong_password')).toBe('password');
    expect(fieldOfError('account_exists')).toBe('account');
    expect(fieldOfError('etax_no_relation')).toBeNull();
  });
});
