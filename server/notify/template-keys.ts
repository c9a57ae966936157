/**
 * Our messages' fields → the keys of the account's own templates. Checked at boot against WeChat's
 * list of the account's templates (gettemplate): each field is found by its keyword name (企业名称 …)
 * or by the key an operator named (WECHAT_LOGIN_TEMPLATE_KEYS), must be of the kind our values are
 * written for, and the template may have no field we do not fill. Anything else stops the start,
 * naming the field.
 */
import type { Config } from '../config';
import type { AccountTemplate } from '../adapters/wechat/client';
import { MESSAGE_TEMPLATES, templateIds, type MessageTemplate } from './templates';

/** Template id → our key (thing1 …) → the template's key. */
export type TemplateKeys = Map<string, Record<string, string>>;

type KeysConfig = Pick<
  Config,
  | 'WECHAT_LOGIN_TEMPLATE_ID'
  | 'WECHAT_CHANGE_TEMPLATE_ID'
  | 'WECHAT_LOGIN_TEMPLATE_KEYS'
  | 'WECHAT_CHANGE_TEMPLATE_KEYS'
>;

/** A template's fields in order: keyword name and key. */
export function templateFields(content: string): { keyword: string; key: string }[] {
  return [...content.matchAll(/([^\n:：{}]+?)\s*[:：]\s*\{\{\s*([a-z_]+\d+)\.DATA\s*\}\}/g)].map((m) => ({
    keyword: m[1].trim(),
    key: m[2],
  }));
}

/** thing12 → thing. */
const kindOf = (key: string) => key.replace(/\d+$/, '');

function explicitKeys(setting: string | undefined): Map<string, string> {
  return new Map(
    (setting ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]),
  );
}

function resolveOne(
  message: MessageTemplate,
  id: string,
  setting: string | undefined,
  list: AccountTemplate[],
  problems: string[],
): Record<string, string> | undefined {
  const name = `${message.title}模板 ${id}`;
  const template = list.find((t) => t.priTmplId === id);
  if (!template) {
    problems.push(`${name}: not among the account's templates (${list.map((t) => t.priTmplId).join(', ') || 'none'})`);
    return undefined;
  }
  const theirs = templateFields(template.content);
  const named = explicitKeys(setting);
  const keys: Record<string, string> = {};
  for (const [ours, kind] of Object.entries(message.fields)) {
    const keyword = message.keywords[ours];
    const key = named.get(keyword) ?? theirs.find((f) => f.keyword === keyword)?.key;
    if (!key || !theirs.some((f) => f.key === key)) {
      problems.push(
        `${name}: no field ${keyword}${key ? ` (${key} is not in the template)` : ''}; its fields: ${theirs.map((f) => `${f.keyword} ${f.key}`).join(', ')}`,
      );
      continue;
    }
    if (kindOf(key) !== kind) {
      problems.push(`${name}: field ${keyword} is ${key}, a ${kindOf(key)}; ours is written as ${kind}`);
      continue;
    }
    keys[ours] = key;
  }
  for (const keyword of named.keys()) {
    if (!Object.values(message.keywords).includes(keyword))
      problems.push(`${name}: ${keyword} is not one of our fields`);
  }
  const used = new Set(Object.values(keys));
  for (const field of theirs) {
    if (!used.has(field.key)) problems.push(`${name}: its field ${field.keyword} (${field.key}) would stay empty`);
  }
  return keys;
}

/** The keys of every message, or an error naming every field that does not fit. */
export function resolveTemplateKeys(config: KeysConfig, list: AccountTemplate[]): TemplateKeys {
  const ids = templateIds(config);
  const problems: string[] = [];
  const keys: TemplateKeys = new Map();
  const login = resolveOne(
    MESSAGE_TEMPLATES.loginNotice,
    ids.loginNotice,
    config.WECHAT_LOGIN_TEMPLATE_KEYS,
    list,
    problems,
  );
  const change = resolveOne(
    MESSAGE_TEMPLATES.accountChange,
    ids.accountChange,
    config.WECHAT_CHANGE_TEMPLATE_KEYS,
    list,
    problems,
  );
  if (problems.length) throw new Error(`The WeChat subscribe templates do not fit:\n  ${problems.join('\n  ')}`);
  keys.set(ids.loginNotice, login!);
  keys.set(ids.accountChange, change!);
  return keys;
}

/** A message's data under the template's own keys (unchanged before the boot check). */
export function renameFields(
  keys: TemplateKeys | undefined,
  templateId: string,
  data: Record<string, string>,
): Record<string, string> {
  const map = keys?.get(templateId);
  if (!map) return data;
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [map[key] ?? key, value]));
}
