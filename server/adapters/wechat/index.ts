export { createWechatClient } from './client';
export type {
  Code2SessionResult,
  MiniprogramState,
  SubscribeMessage,
  WechatClient,
  WechatClientOptions,
  WechatLang,
  WechatLogger,
} from './client';
export { WechatError, kindOf } from './errors';
export type { WechatErrorKind } from './errors';
export { createMemoryTokenBacking, createMemoryTokenStore } from './token-store';
export type { AccessTokenStore, MemoryTokenBacking, StoredAccessToken } from './token-store';
export * from './template-values';
