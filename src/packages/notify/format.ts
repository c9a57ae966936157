/** How 登录通知 read on screen: time left, outcomes, and why a request cannot be shown. */
import dayjs from 'dayjs';
import { REQUEST_CLOSED, REQUEST_EXPIRED } from './codes';
import type { RequestProblem } from './stores/OpenRequest';

/** "10分钟内有效" while a minute or more is left, then "即将过期". */
export function timeLeftText(msLeft: number): string {
  if (msLeft <= 0) return '已过期';
  if (msLeft < 60_000) return '即将过期';
  return `${Math.ceil(msLeft / 60_000)}分钟内有效`;
}

/** "18:40" today, else "3月5日 18:40". */
export function clockText(iso: string, now: number = Date.now()): string {
  const at = dayjs(iso);
  return at.isSame(dayjs(now), 'day') ? at.format('HH:mm') : at.format('M月D日 HH:mm');
}

/** The screen of a request that cannot be shown: a title, what happened and what to do. */
export function problemText(problem: RequestProblem, via: 'app' | 'link'): { title: string; detail: string } {
  if (problem.status === 404) {
    return via === 'app'
      ? { title: '该登录通知不存在或不属于您', detail: '登录通知只对账号绑定的微信用户显示' }
      : { title: '链接无效', detail: '请核对链接是否完整，或在发票云小程序中处理登录通知' };
  }
  if (problem.status === 410) {
    if (problem.code === REQUEST_EXPIRED) return { title: '登录请求已过期', detail: problem.message };
    if (problem.code === REQUEST_CLOSED) return { title: '登录请求已结束', detail: problem.message };
    return {
      title: '该链接已使用或已过期',
      detail: '请在发票云小程序中处理登录通知，或在开票系统中重新发起登录',
    };
  }
  // Any other refusal of a link (a token cut short, mistyped): trying again cannot help (issue 12).
  if (via === 'link' && problem.status >= 400 && problem.status < 500 && problem.status !== 429) {
    return { title: '链接无效', detail: '请核对链接是否完整，或回到开票系统重新发起登录' };
  }
  return { title: '加载失败', detail: problem.message };
}

/** Whether 重试 can help: the answer did not come, or the server had trouble — not a refusal. */
export function retryable(problem: RequestProblem): boolean {
  return problem.status === 0 || problem.status === 429 || problem.status >= 500;
}
