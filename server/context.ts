/**
 * What every route and job needs, built once per server instance: settings, the database, the
 * secret box and the adapters of the outside systems.
 */
import type { Config } from './config';
import type { Database, Db } from './db';
import type { SecretBox } from './crypto/secrets';
import type { WechatClient } from './adapters/wechat';
import type { EtaxGateway } from './adapters/etax/types';
import type { Jobs } from './jobs';

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  secrets: SecretBox;
  wechat: WechatClient;
  etax: EtaxGateway;
  opsToken: string;
  /** The job queue (pg-boss on the same database): request expiry, automatic logins, webhooks. */
  jobs: Jobs;
}
