/**
 * The access-token store on the product database: one row shared by every server instance, so one
 * of them refreshes and all read the same token (PLATFORM.md). The lock is a conditional UPDATE.
 * The tokens are encrypted at rest like every other secret (CREDENTIAL_KEY); one that cannot be
 * decrypted (written before, or under a key since dropped) counts as none, and is fetched again.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { wechatAccessToken } from '../../db/schema';
import type { SecretBox } from '../../crypto/secrets';
import type { AccessTokenStore, StoredAccessToken } from './token-store';

const ROW_ID = 'default';

export function createDbTokenStore(db: Db, secrets: SecretBox): AccessTokenStore {
  const me = randomUUID();
  const open = (stored: string): string | null => {
    try {
      return secrets.decrypt(stored);
    } catch {
      return null;
    }
  };
  const ensureRow = () => db.insert(wechatAccessToken).values({ id: ROW_ID }).onConflictDoNothing();
  return {
    async read() {
      const [row] = await db.select().from(wechatAccessToken).where(eq(wechatAccessToken.id, ROW_ID));
      const current = row?.token ? open(row.token) : null;
      if (!current || !row?.expiresAt) return null;
      const token: StoredAccessToken = {
        token: current,
        expiresAt: row.expiresAt.getTime(),
        forced: { day: row.forcedRefreshDay ?? '', count: row.forcedRefreshCount },
      };
      const previous = row.previousToken ? open(row.previousToken) : null;
      if (previous && row.previousValidUntil) {
        token.previous = { token: previous, validUntil: row.previousValidUntil.getTime() };
      }
      return token;
    },
    async tryLock(ttlMs) {
      await ensureRow();
      const now = new Date();
      const taken = await db
        .update(wechatAccessToken)
        .set({ lockHolder: me, lockUntil: new Date(now.getTime() + ttlMs) })
        .where(
          and(
            eq(wechatAccessToken.id, ROW_ID),
            or(
              isNull(wechatAccessToken.lockUntil),
              lt(wechatAccessToken.lockUntil, now),
              eq(wechatAccessToken.lockHolder, me),
            ),
          ),
        )
        .returning({ id: wechatAccessToken.id });
      return taken.length === 1;
    },
    async write(token) {
      await ensureRow();
      await db
        .update(wechatAccessToken)
        .set({
          token: secrets.encrypt(token.token),
          expiresAt: new Date(token.expiresAt),
          previousToken: token.previous ? secrets.encrypt(token.previous.token) : null,
          previousValidUntil: token.previous ? new Date(token.previous.validUntil) : null,
          forcedRefreshDay: token.forced.day,
          forcedRefreshCount: token.forced.count,
          updatedAt: new Date(),
        })
        .where(eq(wechatAccessToken.id, ROW_ID));
    },
    async unlock() {
      await db
        .update(wechatAccessToken)
        .set({ lockHolder: null, lockUntil: null })
        .where(and(eq(wechatAccessToken.id, ROW_ID), eq(wechatAccessToken.lockHolder, me)));
    },
  };
}
