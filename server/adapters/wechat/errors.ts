/** What a caller can do about a failed WeChat call, independent of the exact errcode. */
export type WechatErrorKind =
  | 'busy' // -1: WeChat is busy, try again later
  | 'invalid_code' // 40029, 40163: wx.login code wrong, expired or already used; log in again
  | 'rate_limited' // 45011: too many calls per minute
  | 'risky_user' // 40226: WeChat blocks this user's login
  | 'no_subscription' // 43101: no acceptance left for that template (common: set credit to 0)
  | 'bad_openid' // 40003
  | 'bad_template' // 40037
  | 'bad_page' // 41030
  | 'bad_data' // 47003: a data value broke the template's limits; `field` names it
  | 'quota' // 45009 or our own forced-refresh budget: daily limit reached
  | 'token' // our credentials were refused: appid, secret, access token
  | 'network' // no usable answer: timeout, connection refused, non-2xx, not JSON
  | 'unknown';

const KIND_BY_ERRCODE: Record<number, WechatErrorKind> = {
  [-1]: 'busy',
  40029: 'invalid_code',
  40163: 'invalid_code',
  45011: 'rate_limited',
  40226: 'risky_user',
  43101: 'no_subscription',
  40003: 'bad_openid',
  40037: 'bad_template',
  41030: 'bad_page',
  47003: 'bad_data',
  45009: 'quota',
  40001: 'token',
  40014: 'token',
  41001: 'token',
  42001: 'token',
  40013: 'token',
  40125: 'token',
  40164: 'token',
};

export function kindOf(errcode: number): WechatErrorKind {
  return KIND_BY_ERRCODE[errcode] ?? 'unknown';
}

export class WechatError extends Error {
  readonly name = 'WechatError';
  /** WeChat's errcode; null when WeChat gave no answer (network) or the limit is our own. */
  readonly errcode: number | null;
  readonly errmsg: string;
  readonly kind: WechatErrorKind;
  /** For bad_data: the template key WeChat named, e.g. "thing1". */
  readonly field?: string;

  constructor(
    init: { errcode: number | null; errmsg: string; kind?: WechatErrorKind; api: string },
    options?: { cause?: unknown },
  ) {
    const kind = init.kind ?? (init.errcode === null ? 'unknown' : kindOf(init.errcode));
    super(`wechat ${init.api}: ${init.errcode ?? kind} ${init.errmsg}`, options);
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.kind = kind;
    if (kind === 'bad_data') this.field = /data\.([\w-]+)/.exec(init.errmsg)?.[1];
  }
}
