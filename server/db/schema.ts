/**
 * The product's tables (PostgreSQL, embedded or a server; migrations in ./migrations are
 * generated from this file with `npm run db:generate`).
 * Tenant-owned tables carry tenant_id so data can later be distributed by tenant (ARCHITECTURE.md).
 */
import { sql } from 'drizzle-orm';
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  primaryKey,
  uniqueIndex,
  index,
  boolean,
  jsonb,
} from 'drizzle-orm/pg-core';
import type { Channel, IdType, LoginType, Role } from '../../types/domain';
import type { FlowState } from '../../types/accounts';
import type { LoginRequestPurpose, LoginRequestStatus } from '../../types/requests';
import type { AuditAction } from '../../types/admin';
import type { BiometricMode, SoterAct } from '../../types/soter';
import type { PasswordChangeKind, PasswordChangeState } from '../../types/passwords';
import type { PasswordItemState } from '../../types/domain';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A WeChat user of the mini program, known by openid. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  openid: text('openid').notNull().unique(),
  unionid: text('unionid'),
  // code2Session's session_key is not kept: nothing reads it (no encrypted data is decrypted).
  createdAt: createdAt(),
});

/** Our own sign-in sessions: the token is random and only its SHA-256 is stored. */
export const appSessions = pgTable(
  'app_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('app_sessions_user_idx').on(t.userId)],
);

/** A customer of the invoice cloud; users join it with its 激活码 (stored hashed). */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  activationCodeHash: text('activation_code_hash').notNull().unique(),
  createdAt: createdAt(),
});

/** A taxpayer under a tenant. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    taxId: text('tax_id').notNull(),
    region: text('region').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('enterprises_tenant_tax_id_uq').on(t.tenantId, t.taxId),
    index('enterprises_tax_id_idx').on(t.taxId),
  ],
);

/** Which WeChat users joined which tenants. */
export const tenantMembers = pgTable(
  'tenant_members',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index('tenant_members_user_idx').on(t.userId)],
);

/** Every 激活码 attempt, for the per-user limit on wrong codes. */
export const activationAttempts = pgTable(
  'activation_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activation_attempts_user_time_idx').on(t.userId, t.attemptedAt)],
);

/** The one WeChat access token shared by every server instance (PLATFORM.md); the tokens encrypted. */
export const wechatAccessToken = pgTable('wechat_access_token', {
  id: text('id').primaryKey(),
  token: text('token'),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  previousToken: text('previous_token'),
  previousValidUntil: timestamp('previous_valid_until', { withTimezone: true }),
  /** The instance handle holding the refresh lock until lock_until; others wait and re-read. */
  lockHolder: text('lock_holder'),
  lockUntil: timestamp('lock_until', { withTimezone: true }),
  forcedRefreshDay: text('forced_refresh_day'),
  forcedRefreshCount: integer('forced_refresh_count').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

/** Fixed-window counters for rate limits shared by all instances (e.g. SMS/QR requests per account). */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});

// ---- E-tax accounts (issue 4: F4–F9, F11, F16, F17, F19, F20) -------------------------------------

/** What a flow is for: 新增账号, 登录, 认证, 更换微信, 申请绑定数电配置管理员 (admin, F10). */
export type FlowPurpose = 'add_account' | 'login' | 'auth' | 'change_wechat' | 'admin';

/** 新增账号: the account as it will be saved once the bureau login succeeds (the password apart, encrypted). */
export interface AccountDraft {
  role: Role;
  personName: string;
  personKey: string;
}

/**
 * An e-tax account (电子税局账号) of an enterprise, saved only after a successful bureau login.
 * The password is AES-256-GCM ciphertext (the key id is also a column, so a key rotation can find
 * the rows still on an old key). person_key identifies the natural person across 税号 of a tenant
 * (F12 updates "the same person's accounts"): the bureau gives no stable id, so it is a hash of what
 * it tells about the person (证件类型, masked 证件号码, 姓名).
 */
export const etaxAccounts = pgTable(
  'etax_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** 电子税局账号 as the bureau knows it (phone, 证件号码 or 用户名); shown masked only. */
    account: text('account').notNull(),
    passwordEnc: text('password_enc').notNull(),
    passwordKeyId: text('password_key_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    permissions: text('permissions').array().$type<Channel[]>().notNull(),
    loginType: text('login_type').$type<LoginType>().notNull(),
    personName: text('person_name').notNull(),
    personKey: text('person_key').notNull(),
    /** 默认开票 / 默认收票 (F8): at most one of each per enterprise, by the partial unique indexes below. */
    defaultIssue: boolean('default_issue').notNull().default(false),
    defaultReceive: boolean('default_receive').notNull().default(false),
    /** 已认证 until. */
    authValidUntil: timestamp('auth_valid_until', { withTimezone: true }),
    /** 已锁定 (F14): set by automatic logins of hosted accounts, cleared by 解锁. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockReason: text('lock_reason'),
    lockedByPassword: boolean('locked_by_password').notNull().default(false),
    /**
     * Automatic logins of hosted accounts (F14) in a row whose code never came, or came wrong; kept
     * across attempts and requests, back to 0 on a successful login or when they lock the account.
     */
    autoLoginTimeouts: integer('auto_login_timeouts').notNull().default(0),
    autoLoginWrongCodes: integer('auto_login_wrong_codes').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('etax_accounts_enterprise_account_uq').on(t.enterpriseId, t.account),
    uniqueIndex('etax_accounts_default_issue_uq')
      .on(t.enterpriseId)
      .where(sql`default_issue`),
    uniqueIndex('etax_accounts_default_receive_uq')
      .on(t.enterpriseId)
      .where(sql`default_receive`),
    index('etax_accounts_tenant_person_idx').on(t.tenantId, t.personKey),
  ],
);

/** 绑定微信 (F6): the primary key on account_id is what makes "one account, one WeChat" hold under races. */
export const accountBindings = pgTable(
  'account_bindings',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => etaxAccounts.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_bindings_user_idx').on(t.userId)],
);

/** Our record of the bureau session of an account per channel (已登录 until expires_at). */
export const etaxSessions = pgTable(
  'etax_sessions',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => etaxAccounts.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<Channel>().notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** The bureau's sessionId, encrypted: whoever holds it acts as the taxpayer. */
    sessionIdEnc: text('session_id_enc').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    loggedInAt: timestamp('logged_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.channel] })],
);

/**
 * A bureau interaction in progress (新增账号, 登录, 认证, 更换微信), kept here so any server instance
 * can continue it. `state` is the FlowState last shown to the user; secrets (the draft password,
 * the gateway's flow id) are encrypted and wiped when the flow ends. busy_until is a short lease so
 * two concurrent calls never drive the same bureau flow twice.
 */
export const loginFlows = pgTable(
  'login_flows',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** The WeChat user driving the flow; null for a login request's browser link or automatic login (F18, F14). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The login request (F15) the flow answers, if any. */
    loginRequestId: uuid('login_request_id').references(() => loginRequests.id, { onDelete: 'cascade' }),
    /** The account concerned; for 新增账号 set once it is saved. */
    accountId: uuid('account_id').references(() => etaxAccounts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<FlowPurpose>().notNull(),
    channel: text('channel').$type<Channel>(),
    method: text('method').$type<'password' | 'qr'>().notNull(),
    loginType: text('login_type').$type<LoginType>().notNull(),
    /** The account name the bureau is asked about (a hosted number's phone). */
    account: text('account').notNull(),
    /** 新增账号: what is saved once the login succeeds. */
    draft: jsonb('draft').$type<AccountDraft>(),
    passwordEnc: text('password_enc'),
    gatewayFlowEnc: text('gateway_flow_enc'),
    /** 认证: the face-check ticket. */
    gatewayTicket: text('gateway_ticket'),
    /** Hosted numbers: when the bureau sent the code (its clock) and how long we wait for it. */
    smsSentAt: timestamp('sms_sent_at', { withTimezone: true }),
    hostedDeadline: timestamp('hosted_deadline', { withTimezone: true }),
    state: jsonb('state').$type<FlowState>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    busyUntil: timestamp('busy_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_flows_user_idx').on(t.userId, t.createdAt),
    index('login_flows_login_request_idx').on(t.loginRequestId),
  ],
);

/** F19: the user's last successful logins, one row per account, at most RECENT_LOGINS_KEPT per user. */
export const recentLogins = pgTable(
  'recent_logins',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => etaxAccounts.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    loggedInAt: timestamp('logged_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.accountId] }),
    index('recent_logins_user_time_idx').on(t.userId, t.loggedInAt),
  ],
);

/** F20: one-time subscribe acceptances left per user and template (each allows one send). */
export const subscribeCredits = pgTable(
  'subscribe_credits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    credits: integer('credits').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.templateId] })],
);

/** 数电配置管理员 (F10) of an enterprise; read here (F7: an admin may delete accounts bound to others). */
export const enterpriseAdmins = pgTable(
  'enterprise_admins',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** The 法定代表人 / 财务负责人 who proved it, shown masked on the home page. */
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.userId] }), index('enterprise_admins_user_idx').on(t.userId)],
);

// ---- 数电配置管理员 and 修改密码 (issue 6: F10, F12, F13) ------------------------------------------

/**
 * What a 数电配置管理员 did with the rights of the role (F10): who (user id, the admin's name, the
 * WeChat openid acting), what (action, the account masked, the enterprise as named then), when.
 * No secret is ever written here. Ids are kept without foreign keys: the account is gone by then,
 * and a record must outlive the users and enterprise it names.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    taxId: text('tax_id').notNull(),
    action: text('action').$type<AuditAction>().notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorOpenid: text('actor_openid').notNull(),
    accountId: uuid('account_id'),
    maskedAccount: text('masked_account').notNull(),
    /** The WeChat user the account was bound to, who is told. */
    affectedUserId: uuid('affected_user_id'),
    /** SOTER-guarded acts (soter.ts): confirmed by 指纹 / 面容, or the device had none; null otherwise. */
    biometric: text('biometric').$type<BiometricMode>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_enterprise_time_idx').on(t.enterpriseId, t.createdAt)],
);

/**
 * SOTER challenges (server/domain/soter.ts): issued to one user for one act, used once (used_at),
 * refused after expires_at. Only the challenge's SHA-256 is kept, like our sign-in tokens.
 */
export const soterChallenges = pgTable(
  'soter_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    act: text('act').$type<SoterAct>().notNull(),
    challengeHash: text('challenge_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('soter_challenges_user_idx').on(t.userId, t.createdAt)],
);

/** A password change as last shown to the user; the items live in password_change_items. */
export type PasswordChangeHead = Omit<PasswordChangeState, 'items'>;

/**
 * 重置税局密码 (kind reset) or 仅更新发票云 (kind sync) of an account, kept here so any server instance
 * can continue it and answer the progress page. Secrets are encrypted and kept only while needed:
 * the 证件号码 until the code is sent, the bureau's flow id until the bureau took the new password,
 * the new password until every related account has it (or the change expires). password_set_at
 * orders the changes of one person, so a late retry of an older change never overwrites a newer
 * password. busy_until is a short lease so two concurrent calls never drive the bureau flow twice.
 */
export const passwordChanges = pgTable(
  'password_changes',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The account 修改密码 was started from (null once deleted: the others' progress stays). */
    accountId: uuid('account_id').references(() => etaxAccounts.id, { onDelete: 'set null' }),
    /** The natural person whose accounts in the tenant are updated (etax_accounts.person_key). */
    personKey: text('person_key').notNull(),
    kind: text('kind').$type<PasswordChangeKind>().notNull(),
    loginType: text('login_type').$type<LoginType>().notNull(),
    /** The account name (a hosted number's phone, where the provider delivers the code). */
    account: text('account').notNull(),
    idType: text('id_type').$type<IdType>(),
    idNumberEnc: text('id_number_enc'),
    gatewayFlowEnc: text('gateway_flow_enc'),
    /** Hosted numbers: when the bureau sent the code (its clock) and how long we wait for it. */
    smsSentAt: timestamp('sms_sent_at', { withTimezone: true }),
    hostedDeadline: timestamp('hosted_deadline', { withTimezone: true }),
    passwordEnc: text('password_enc'),
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
    state: jsonb('state').$type<PasswordChangeHead>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    busyUntil: timestamp('busy_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('password_changes_user_idx').on(t.userId, t.createdAt)],
);

/**
 * One related account of a password change and where its update stands. lease_until: an item
 * 'updating' past it was left by an instance that stopped, and may be taken again.
 */
export const passwordChangeItems = pgTable(
  'password_change_items',
  {
    changeId: uuid('change_id')
      .notNull()
      .references(() => passwordChanges.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => etaxAccounts.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    state: text('state').$type<PasswordItemState>().notNull().default('pending'),
    error: text('error'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.changeId, t.accountId] }),
    index('password_change_items_account_idx').on(t.accountId, t.state),
  ],
);

// ---- 登录通知 and the browser link (issue 5: F14, F15, F18, F20) ----------------------------------

/** How the holder of a login request was reached: being decided, a subscribe message, the browser link, nobody (a hosted account logs in by itself). */
export type RequestNotice = 'sending' | 'wechat' | 'link' | 'auto';

/**
 * A login request (F15): the invoice system asked for a live session of an account and a person
 * (or, for a hosted account, the automatic login) must act. At most one is pending per account,
 * channel and purpose — the partial unique index makes a second ask join it, also under races.
 * The browser link's token (F18) is random; its SHA-256 finds the request, and an encrypted copy
 * answers a second ask with the same loginUrl. announced_at: the webhook of its end was queued.
 */
export const loginRequests = pgTable(
  'login_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** Null once the account was deleted: the request then fails, and its caller is told. */
    accountId: uuid('account_id').references(() => etaxAccounts.id, { onDelete: 'set null' }),
    channel: text('channel').$type<Channel>().notNull(),
    purpose: text('purpose').$type<LoginRequestPurpose>().notNull(),
    status: text('status').$type<LoginRequestStatus>().notNull().default('pending'),
    reason: text('reason'),
    notice: text('notice').$type<RequestNotice>().notNull(),
    linkTokenHash: text('link_token_hash').unique(),
    linkTokenEnc: text('link_token_enc'),
    linkUsedAt: timestamp('link_used_at', { withTimezone: true }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('login_requests_pending_uq')
      .on(t.accountId, t.channel, t.purpose)
      .where(sql`status = 'pending'`),
    index('login_requests_account_idx').on(t.accountId, t.createdAt),
  ],
);

/** Where a tenant's invoice system wants to hear that its login requests ended (signed, retried). */
export const tenantWebhooks = pgTable('tenant_webhooks', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  /** The HMAC key, encrypted: we need it back to sign. */
  secretEnc: text('secret_enc').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---- Ahead of the failure: the session watch and expiry reminders (issue 14) ----------------------

/** What the watch keeps a record of per account: the session of a channel, or the account's 认证. */
export type WatchSubject = Channel | 'auth';
/** Why a session ended before anyone used it up: 另一处登录 (dropped by the bureau) or 到期. */
export type DropCause = 'elsewhere' | 'expired';

/**
 * The session watch's record of an account's bureau session per channel (and of its 认证): when
 * the bureau was last asked, the last drop seen (已掉线: when, the likely cause, the bureau's words)
 * and which end (expires_at / auth_valid_until) was announced as nearing (webhook) and reminded
 * (the holder), so each end is announced and reminded once. A drop stands (已掉线) while no
 * session of the channel is held again.
 */
export const sessionWatch = pgTable(
  'session_watch',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => etaxAccounts.id, { onDelete: 'cascade' }),
    subject: text('subject').$type<WatchSubject>().notNull(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    droppedAt: timestamp('dropped_at', { withTimezone: true }),
    dropCause: text('drop_cause').$type<DropCause>(),
    dropReason: text('drop_reason'),
    expiringNotedFor: timestamp('expiring_noted_for', { withTimezone: true }),
    remindedFor: timestamp('reminded_for', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.subject] }), index('session_watch_checked_idx').on(t.checkedAt)],
);

// ---- Abuse limits (issue 10) ---------------------------------------------------------------------

/**
 * Repeated failures at the edge (wrong operator tokens, browser-link tokens, 激活码, sign-ins) that
 * reached their limit: one row per limit reached, so an operator sees the attack, not only the
 * access log. The key is hashed (it may name a user); no secret is written.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which limit: sign_in, ops_token, link_token, activation_code. */
    kind: text('kind').notNull(),
    /** The caller's address as the server saw it (behind TRUST_PROXY: the forwarded one). */
    ip: text('ip').notNull(),
    /** SHA-256 of the limit's key. */
    keyHash: text('key_hash').notNull(),
    failures: integer('failures').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('security_events_time_idx').on(t.createdAt)],
);
