/** The parts of co-wechat-api (no types of its own) the contract test uses. */
declare module 'co-wechat-api' {
  export default class WechatAPI {
    constructor(appid: string, appsecret: string);
    prefix: string;
    snsPrefix: string;
    wxaPrefix: string;
    code2Session(jsCode: string): Promise<{ openid: string; session_key: string; unionid?: string }>;
    getAccessToken(): Promise<{ accessToken: string; expireTime: number }>;
    sendSubscribeMessage(
      openid: string,
      templateId: string,
      page: string | undefined,
      data: Record<string, { value: string }>,
    ): Promise<{ errcode: number; errmsg: string; msgid: unknown }>;
    getIndustry(): Promise<unknown>;
  }
}
