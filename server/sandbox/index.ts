/**
 * Mounts the two stand-in services (sandbox on only): the WeChat server API under /sandbox/wechat
 * and the e-tax bureau under /sandbox/etax. Their data lives apart from the product's: JSON files
 * in DATA_DIR, or memory when no folder is given (tests).
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { wechatSandbox } from './wechat';
import { APP_PAGES } from './wechat/app-pages';
import { etaxSandbox, createEtaxStore, type EtaxStore } from './etax';
import { subscribeTemplates } from '../notify/templates';

/** The sandbox's own AppID and secret, used when WECHAT_APPID/WECHAT_SECRET are unset. */
export const SANDBOX_APPID = 'wx0000sandbox0000';
export const SANDBOX_SECRET = 'sandbox-app-secret';

export interface MountedSandboxes {
  etaxStore: EtaxStore;
}

export async function mountSandboxes(
  app: FastifyInstance,
  config: Config,
  dataDir?: string,
): Promise<MountedSandboxes> {
  const dataFile = (name: string) => (dataDir ? path.join(dataDir, name) : undefined);
  await app.register(wechatSandbox, {
    prefix: '/sandbox/wechat',
    appid: config.WECHAT_APPID ?? SANDBOX_APPID,
    secret: config.WECHAT_SECRET ?? SANDBOX_SECRET,
    templates: subscribeTemplates(config),
    // WeChat refuses a page the app does not have (41030): the app's own list, without a build.
    pages: [...APP_PAGES],
    dataFile: dataFile('wechat-sandbox.json'),
  });
  const etaxStore = createEtaxStore({ dataFile: dataFile('etax-sandbox.json') });
  await app.register(etaxSandbox, { prefix: '/sandbox/etax', store: etaxStore });
  return { etaxStore };
}
