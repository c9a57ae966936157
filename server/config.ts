/**
 * Every setting the server reads from the environment, validated at boot with one line of doc each.
 * `loadConfig(process.env)` throws a readable error listing every bad variable.
 */
import { z } from 'zod';

const bool = z.enum(['on', 'off']);
const positiveInt = z.coerce.number().int().positive();
/** "名称=key,名称=key": a template's keyword names → its keys (thing3 …). */
const templateKeys = z
  .string()
  .regex(/^[^=,]+=[a-z_]+\d+(,[^=,]+=[a-z_]+\d+)*$/, 'must be 名称=key pairs, comma-separated, e.g. 企业名称=thing3');

export const envSchema = z.object({
  /** Port the single HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to accept connections from other machines. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The public URL of this server (links in messages, loginUrl); default http://HOST:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** A postgres:// URL selects PostgreSQL; unset runs the embedded PostgreSQL in DATA_DIR/postgres. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Folder for the embedded database, the sandboxes' data and generated demo secrets. */
  DATA_DIR: z.string().min(1).default('./.data'),
  /** Bearer token of the operator API; generated, kept in DATA_DIR and printed when unset. */
  OPS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** on: mount the WeChat and e-tax sandboxes and use them; off: talk to the real services. */
  SANDBOX: bool.default('on'),
  /** Mini program AppID (required when SANDBOX=off). */
  WECHAT_APPID: z.string().min(1).optional(),
  /** Mini program AppSecret (required when SANDBOX=off). Never logged. */
  WECHAT_SECRET: z.string().min(1).optional(),
  /** Base URL of WeChat's server API; default: the mounted WeChat sandbox. */
  WECHAT_API_BASE: z.string().url().optional(),
  /** Template id of the 登录通知 subscribe message. */
  WECHAT_LOGIN_TEMPLATE_ID: z.string().min(1).default('sandbox-login-notice'),
  /** Template id of the 账号变更 notice (binding moved, account deleted by an admin). */
  WECHAT_CHANGE_TEMPLATE_ID: z.string().min(1).default('sandbox-account-change'),
  /**
   * The 登录通知 template's keys where its keyword names differ from ours (企业名称, 税号, 事项, 请求时间,
   * 提示): "企业名称=thing3,提示=thing9". Unnamed fields are found by keyword name; checked at boot.
   */
  WECHAT_LOGIN_TEMPLATE_KEYS: templateKeys.optional(),
  /** The same for the 账号变更通知 template (企业名称, 登录账号, 变更内容, 变更时间). */
  WECHAT_CHANGE_TEMPLATE_KEYS: templateKeys.optional(),
  /** developer | trial | formal: which version of the app a subscribe message opens. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** URL of the real e-tax gateway (required when SANDBOX=off). */
  ETAX_GATEWAY_URL: z.string().url().optional(),
  /** Base URL of the e-tax API the adapter calls; default: ETAX_GATEWAY_URL or the mounted sandbox. */
  ETAX_API_BASE: z.string().url().optional(),
  /** Timeout of one e-tax call, in milliseconds. */
  ETAX_TIMEOUT_MS: positiveInt.default(10000),
  /** 32-byte key, base64, encrypting stored tax-bureau passwords (generated into DATA_DIR in sandbox mode). */
  CREDENTIAL_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  /** Id of CREDENTIAL_KEY, stored with each ciphertext so keys can be rotated. */
  CREDENTIAL_KEY_ID: z.string().min(1).max(32).default('k1'),
  /** Older keys still readable during a rotation: "id:base64key,id2:base64key2". */
  CREDENTIAL_OLD_KEYS: z.string().optional(),
  /** How long an app sign-in lasts, in hours. */
  SESSION_TTL_HOURS: positiveInt.default(24 * 7),
  /** Wrong 激活码 allowed per user within ACTIVATION_WINDOW_MINUTES before refusing. */
  ACTIVATION_MAX_FAILURES: positiveInt.default(5),
  /** The window of the wrong-激活码 limit, in minutes. */
  ACTIVATION_WINDOW_MINUTES: positiveInt.default(10),
  /** How long a login request (登录通知, F15) and its browser link stay open, in seconds. */
  LOGIN_REQUEST_TTL_SECONDS: positiveInt.default(600),
  /** How long an automatic login of a hosted number waits for its SMS code before it counts as a timeout (F14), in seconds. */
  HOSTED_CODE_WAIT_SECONDS: positiveInt.default(120),
  /** How often an automatic login asks the hosted-number provider for the code, in milliseconds. */
  HOSTED_CODE_POLL_MS: positiveInt.default(1000),
  /** Timeout of one webhook delivery to a tenant's invoice system, in milliseconds. */
  WEBHOOK_TIMEOUT_MS: positiveInt.default(5000),
  /** Retries of a failed webhook delivery, with exponential backoff, before it is given up. */
  WEBHOOK_RETRY_LIMIT: z.coerce.number().int().min(0).default(8),
  /** First delay of the webhook backoff, in seconds (then about doubling, at most an hour). */
  WEBHOOK_RETRY_DELAY_SECONDS: positiveInt.default(10),
  /** How often the session watch runs (one run across all instances, on the job queue), in seconds. */
  SESSION_WATCH_TICK_SECONDS: positiveInt.default(60),
  /** Each account's bureau session (per channel) is checked at most once per this many seconds; a drop is seen within it. */
  SESSION_CHECK_INTERVAL_SECONDS: positiveInt.default(900),
  /** At most this many session checks a minute go to one bureau region; the oldest-checked go first, the rest wait. */
  SESSION_CHECKS_PER_REGION_PER_MINUTE: positiveInt.default(60),
  /** How long before a 登录 or 认证 of a bound manual account ends its holder is reminded (once), in minutes. */
  SESSION_REMINDER_LEAD_MINUTES: positiveInt.default(30),
  /** Working hours (Beijing time) in which reminders are sent, HH:MM-HH:MM; outside them none is. */
  SESSION_REMINDER_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM-HH:MM (Beijing time)')
    .default('09:00-18:00'),
  /** Behind a proxy: the proxy addresses (comma-separated, CIDR allowed) whose X-Forwarded-For gives the client's address. */
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/, 'must be addresses, comma-separated')
    .optional(),
  /** On SIGTERM, seconds /readyz fails while connections are still taken, so a proxy or orchestrator stops sending first. */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(5),
  /** On SIGTERM or Ctrl-C, the most seconds requests in flight and running jobs get before the process exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  sandbox: boolean;
  publicUrl: string;
}

export function loadConfig(source: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const sandbox = env.SANDBOX === 'on';
  if (!sandbox) {
    const missing = (['WECHAT_APPID', 'WECHAT_SECRET', 'ETAX_GATEWAY_URL', 'CREDENTIAL_KEY'] as const).filter(
      (k) => !env[k],
    );
    if (missing.length) throw new Error(`Invalid environment:\n  SANDBOX=off requires ${missing.join(', ')}`);
  }
  const shownHost = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
  const publicUrl = (env.PUBLIC_URL ?? `http://${shownHost}:${env.PORT}`).replace(/\/$/, '');
  return { ...env, sandbox, publicUrl };
}

/** One line per variable, for the README and `--help`. */
export function describeEnv(): string[] {
  return Object.keys(envSchema.shape);
}
