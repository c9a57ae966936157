import type { SubscribeMessageAnswer, SubscribeResult } from './types';

/** WeChat takes at most 3 template ids per requestSubscribeMessage call (PLATFORM.md). */
export const MAX_SUBSCRIBE_TEMPLATES = 3;

const RESULTS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

/** The per-template choices of an answer, for the ids asked about (nothing when WeChat refused the call). */
export function subscribeResultsOf(answer: SubscribeMessageAnswer, tmplIds: string[]): Record<string, SubscribeResult> {
  const results: Record<string, SubscribeResult> = {};
  for (const id of tmplIds) {
    const value = answer[id];
    if (typeof value === 'string' && RESULTS.includes(value)) results[id] = value as SubscribeResult;
  }
  return results;
}

/** What to tell the user when WeChat refused the call itself; null when it did not. */
export function subscribeFailureMessage(answer: SubscribeMessageAnswer): string | null {
  if (answer.errCode === undefined && !answer.errMsg.includes(':fail')) return null;
  // 20004: the user turned off 接收订阅消息 for this mini program in its settings.
  if (answer.errCode === 20004) return '你已关闭订阅消息，可在小程序设置中打开“接收通知”';
  // 10001–10005: empty or bad parameters, network trouble, or the popup could not be shown.
  return '暂时无法开启登录通知，请稍后重试';
}
