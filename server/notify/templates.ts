/**
 * The subscribe-message templates the app uses, with the kind of each field (WeChat checks values
 * against these kinds: thing ≤ 20 chars, character_string ≤ 32, phrase ≤ 5 …). The WeChat sandbox
 * is configured from the same definitions, so a field that would be refused in production is
 * refused in tests too.
 */
import type { Config } from '../config';

export type FieldKind = 'thing' | 'character_string' | 'phrase' | 'name' | 'phone_number' | 'time' | 'date';

/** 登录通知: sent when the invoice system needs a login or 认证 by this user. */
export const loginNoticeFields = {
  /** 企业名称 */
  thing1: 'thing',
  /** 税号 */
  character_string2: 'character_string',
  /** 事项: 开票登录 / 收票登录 / 开票认证 … */
  phrase3: 'phrase',
  /** 请求时间 */
  time4: 'time',
  /** 提示 */
  thing5: 'thing',
} as const satisfies Record<string, FieldKind>;

/** 账号变更通知: the binding moved to another WeChat user, or an admin deleted the account. */
export const accountChangeFields = {
  /** 企业名称 */
  thing1: 'thing',
  /** 电子税局账号 (masked) */
  character_string2: 'character_string',
  /** 变更内容 */
  thing3: 'thing',
  /** 时间 */
  time4: 'time',
} as const satisfies Record<string, FieldKind>;

export function templateIds(config: Pick<Config, 'WECHAT_LOGIN_TEMPLATE_ID' | 'WECHAT_CHANGE_TEMPLATE_ID'>) {
  return { loginNotice: config.WECHAT_LOGIN_TEMPLATE_ID, accountChange: config.WECHAT_CHANGE_TEMPLATE_ID };
}

/** Template id → field kinds, as the WeChat sandbox wants them. */
export function subscribeTemplates(config: Pick<Config, 'WECHAT_LOGIN_TEMPLATE_ID' | 'WECHAT_CHANGE_TEMPLATE_ID'>) {
  const ids = templateIds(config);
  return {
    [ids.loginNotice]: { fields: loginNoticeFields },
    [ids.accountChange]: { fields: accountChangeFields },
  };
}
