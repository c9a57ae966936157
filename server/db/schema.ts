/**
 * The product's tables (one schema for PGlite and PostgreSQL; migrations in ./migrations are
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
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A WeChat user of the mini program, known by openid. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  openid: text('openid').notNull().unique(),
  unionid: text('unionid'),
  /** code2Session's session_key, encrypted like passwords; never sent anywhere. */
  sessionKeyEnc: text('session_key_enc'),
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
  (t) => [uniqueIndex('enterprises_tenant_tax_id_uq').on(t.tenantId, t.taxId), index('enterprises_tax_id_idx').on(t.taxId)],
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

/** The one WeChat access token shared by every server instance (PLATFORM.md). */
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
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** Fixed-window counters for rate limits shared by all instances (e.g. SMS/QR requests per account). */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});
