/**
 * F1 sign-in: a wx.login code becomes an openid (through WeChat's code2Session, server side) and
 * then our own session token. The token is random and stored only as its SHA-256; it expires and
 * can be revoked. code2Session's session_key is not kept: nothing reads it.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { prepared, preparedSql } from '../db/prepared';
import { appSessions, users } from '../db/schema';
import { randomToken, sha256, type SecretBox } from '../crypto/secrets';

export interface Code2Session {
  code2Session(code: string): Promise<{ openid: string; sessionKey: string; unionid?: string }>;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  userId: string;
}

export async function signIn(
  deps: { db: Db; wechat: Code2Session; secrets: SecretBox; sessionTtlMs: number },
  code: string,
): Promise<SignedIn> {
  // session_key is dropped here: nothing reads it, so it is not stored (nor logged, nor answered).
  const { openid, unionid } = await deps.wechat.code2Session(code);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + deps.sessionTtlMs);
  // The user (made on first sign-in) and the session in one statement: one round trip, one commit.
  const statement = preparedSql<{ user_id: string }>(deps.db, 'sign_in', () => {
    const unionid = sql.placeholder('unionid');
    return sql`
      with u as (
        insert into ${users} (openid, unionid) values (${sql.placeholder('openid')}, ${unionid})
        on conflict (openid) do update set unionid = coalesce(excluded.unionid, ${users.unionid})
        returning id
      )
      insert into ${appSessions} (user_id, token_hash, expires_at)
      select id, ${sql.placeholder('tokenHash')}, ${sql.placeholder('expiresAt')} from u
      returning user_id`;
  });
  const {
    rows: [user],
  } = await statement.execute({ openid, unionid: unionid ?? null, tokenHash: sha256(token), expiresAt });
  return { token, expiresAt, userId: user.user_id };
}

/** The user of a live token, or null when unknown, expired or revoked. */
export async function authenticate(db: Db, token: string): Promise<{ userId: string; sessionId: string } | null> {
  // Every app request runs this first: prepared once.
  const statement = prepared(db, 'authenticate', (name) =>
    db
      .select({ userId: appSessions.userId, sessionId: appSessions.id })
      .from(appSessions)
      .where(
        and(
          eq(appSessions.tokenHash, sql.placeholder('tokenHash')),
          gt(appSessions.expiresAt, sql.placeholder('now')),
          isNull(appSessions.revokedAt),
        ),
      )
      .limit(1)
      .prepare(name),
  );
  const [row] = await statement.execute({ tokenHash: sha256(token), now: new Date() });
  return row ?? null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(appSessions).set({ revokedAt: new Date() }).where(eq(appSessions.id, sessionId));
}
