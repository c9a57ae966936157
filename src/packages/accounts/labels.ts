/**
 * The domain words of types/domain.ts, for the pages. Taro's build compiles only src/, so the app
 * cannot import values from types/; these copies are checked against its types by tsc (a missing
 * or extra 身份, 登录类型 or app fails the build) and against its values by the jest tests.
 */
import type { Channel, LoginType, QrApp, Role } from '../../../types/domain';

export const CHANNELS = ['issue', 'receive'] as const satisfies readonly Channel[];
export const CHANNEL_LABELS: Record<Channel, string> = { issue: '开票业务', receive: '收票业务' };
export const CHANNEL_SHORT: Record<Channel, string> = { issue: '开票', receive: '收票' };

export const ROLES = [
  '法定代表人',
  '财务负责人',
  '管理员',
  '办税员',
  '开票员',
  '领票人',
] as const satisfies readonly Role[];

export const LOGIN_TYPES = ['manual', 'huameng', 'qixiangyun'] as const satisfies readonly LoginType[];
export const LOGIN_TYPE_LABELS: Record<LoginType, string> = {
  manual: '人工登录',
  huameng: '华盟托管号码',
  qixiangyun: '企享云办税小号',
};
/** Withdrawn: shown as 已下架, never chosen. */
export const WITHDRAWN_LOGIN_TYPE_LABEL = '发票云登录App';

export const QR_APPS = ['tax', 'iit'] as const satisfies readonly QrApp[];
export const QR_APP_LABELS: Record<QrApp, string> = { tax: '税务APP', iit: '个人所得税APP' };

// Every value of each union is listed: these fail to compile when types/domain.ts gains one.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export const LISTS_ARE_COMPLETE: [
  Missing<Channel, (typeof CHANNELS)[number]>,
  Missing<Role, (typeof ROLES)[number]>,
  Missing<LoginType, (typeof LOGIN_TYPES)[number]>,
  Missing<QrApp, (typeof QR_APPS)[number]>,
] = [true, true, true, true];
