/**
 * The subscribe-message templates the app uses, with the kind of each field (WeChat checks values
 * against these kinds: thing ≤ 20 chars, character_string ≤ 32, phrase ≤ 5 …). The WeChat sandbox
 * is configured from the same definitions, so a field that would be refused in production is
 * refused in tests too.
 *
 * The keys here (thing1 …) are our names for the fields. A real account's template, picked from
 * WeChat's library, numbers its fields its own way: template-keys.ts finds each field there by its
 * keyword name (企业名称 …) or an explicit setting, at boot, and every send is renamed to match.
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

/** The keyword name of each field, as WeChat's template library names them. */
export const loginNoticeKeywords: Record<keyof typeof loginNoticeFields, string> = {
  thing1: '企业名称',
  character_string2: '税号',
  phrase3: '事项',
  time4: '请求时间',
  thing5: '提示',
};

export const accountChangeKeywords: Record<keyof typeof accountChangeFields, string> = {
  thing1: '企业名称',
  character_string2: '登录账号',
  thing3: '变更内容',
  time4: '变更时间',
};

export interface MessageTemplate {
  /** Its title in WeChat (and in error messages). */
  title: string;
  fields: Record<string, FieldKind>;
  keywords: Record<string, string>;
}

export const MESSAGE_TEMPLATES = {
  loginNotice: { title: '登录通知', fields: loginNoticeFields, keywords: loginNoticeKeywords },
  accountChange: { title: '账号变更通知', fields: accountChangeFields, keywords: accountChangeKeywords },
} as const satisfies Record<string, MessageTemplate>;

export function templateIds(config: Pick<Config, 'WECHAT_LOGIN_TEMPLATE_ID' | 'WECHAT_CHANGE_TEMPLATE_ID'>) {
  return { loginNotice: config.WECHAT_LOGIN_TEMPLATE_ID, accountChange: config.WECHAT_CHANGE_TEMPLATE_ID };
}

/** Template id → field kinds, as the WeChat sandbox wants them. */
export function subscribeTemplates(config: Pick<Config, 'WECHAT_LOGIN_TEMPLATE_ID' | 'WECHAT_CHANGE_TEMPLATE_ID'>) {
  const ids = templateIds(config);
  return {
    [ids.loginNotice]: { ...MESSAGE_TEMPLATES.loginNotice },
    [ids.accountChange]: { ...MESSAGE_TEMPLATES.accountChange },
  };
}
