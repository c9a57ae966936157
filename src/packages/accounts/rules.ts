/**
 * What the accounts pages offer, from what the server says the user may do (`can`) and the F8
 * rules (mirrored here so the screen offers only what the server will accept, and says why).
 */
import type { AccountDetail, AccountView } from '../../../types/accounts';
import type { Channel } from '../../../types/domain';
import { CHANNEL_LABELS, CHANNEL_SHORT } from './labels';

export type MoreAction = 'edit' | 'delete' | 'changeWechat';

export const MORE_ACTION_LABELS: Record<MoreAction, string> = {
  edit: '编辑',
  delete: '删除',
  changeWechat: '更换微信',
};

/** 更多 → 编辑, 删除, 更换微信: each only when allowed (F7). */
export function moreActions(account: AccountView): MoreAction[] {
  const actions: MoreAction[] = [];
  if (account.can.edit) actions.push('edit');
  if (account.can.delete) actions.push('delete');
  if (account.can.changeWechat) actions.push('changeWechat');
  return actions;
}

/** 登录 and 认证 are offered to whoever may log in, unless the account is locked (解锁 first). */
export function canLogIn(account: AccountView): boolean {
  return account.can.login && !account.locked;
}

/** The businesses 登录 asks about: both → 开票业务/收票业务, one → no question. */
export function loginChannels(account: AccountView): Channel[] {
  return (['issue', 'receive'] as Channel[]).filter((c) => account.permissions.includes(c));
}

export const BUSINESS_CHOICES: { channel: Channel; label: string }[] = [
  { channel: 'issue', label: CHANNEL_LABELS.issue },
  { channel: 'receive', label: CHANNEL_LABELS.receive },
];

export interface DefaultChoice {
  label: string;
  channels: Channel[];
}

/**
 * 设置默认账号 (F8): the choices the server will accept for this account, and why others are not
 * offered. An account lacking a permission cannot be its default; a lone account can only be the
 * 开票+收票 default; 取消默认 when it is one.
 */
export function defaultChoices(account: Pick<AccountDetail, 'permissions' | 'defaults' | 'enterpriseAccountCount'>): {
  choices: DefaultChoice[];
  notes: string[];
} {
  const notes: string[] = [];
  const lacking = (['issue', 'receive'] as Channel[]).filter((c) => !account.permissions.includes(c));
  for (const channel of lacking) {
    const word = CHANNEL_SHORT[channel];
    notes.push(`该账号没有${word}权限，无法设置为默认${word}账号`);
  }
  let candidates: DefaultChoice[] = [
    { label: '开票', channels: ['issue'] },
    { label: '收票', channels: ['receive'] },
    { label: '开票+收票', channels: ['issue', 'receive'] },
  ];
  if (account.enterpriseAccountCount <= 1) {
    notes.push('企业只有一个账号时，只能设置为“开票+收票”默认账号');
    candidates = candidates.filter((c) => c.channels.length === 2);
  }
  const choices = candidates.filter((c) => c.channels.every((ch) => account.permissions.includes(ch)));
  if (account.defaults.length > 0) choices.push({ label: '取消默认', channels: [] });
  return { choices, notes };
}

export type AddField = 'account' | 'password' | 'role' | 'loginType';

/** Which field of 新增账号 a refusal belongs under; null: at the top of the form. */
export function fieldOfError(code: string): AddField | null {
  switch (code) {
    case 'etax_wrong_password':
    case 'etax_weak_password':
      return 'password';
    case 'account_exists':
    case 'etax_not_found':
    case 'hosted_needs_phone':
      return 'account';
    default:
      return null;
  }
}

export interface AddFormValues {
  account: string;
  password: string;
  role: string;
  loginType: string;
}

/** What must be filled in before 新增账号 asks the bureau (the server checks the same). */
export function validateAddForm(values: AddFormValues): Partial<Record<AddField, string>> {
  const errors: Partial<Record<AddField, string>> = {};
  if (!values.account.trim()) errors.account = '请输入电子税局账号';
  if (!values.password) errors.password = '请输入密码';
  if (!values.role) errors.role = '请选择身份';
  return errors;
}
