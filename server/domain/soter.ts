/**
 * The biometric guard (WeChat SOTER, issue 14 part 5) — the one place that decides it:
 *  - 更换微信, deleting an account bound to someone else (数电配置管理员), becoming 数电配置管理员
 *    and 重置税局密码 are guarded; nothing else is;
 *  - the server issues a random challenge for one user and one act; it serves once and expires
 *    after SOTER_CHALLENGE_TTL_MS; only its SHA-256 is stored;
 *  - a proof is startSoterAuthentication's signed result: its `raw` must be such a challenge, and
 *    WeChat (verify_signature) must find it signed by the user's device; otherwise the act is
 *    refused (403, Chinese words) before anything is written — the challenge is spent all the same;
 *  - a device without 指纹 or 面容 says so (or sends nothing) and the act goes on as before: the
 *    audit log records 'unavailable' instead of the mode that confirmed it.
 * Callers check it right after permissions.ts allowed the act and before they act.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { soterChallenges, users } from '../db/schema';
import { sha256 } from '../crypto/secrets';
import { AppError } from '../http/errors';
import { WechatError } from '../adapters/wechat';
import {
  SOTER_CHALLENGE_TTL_MS,
  SoterErrorCodes,
  type BiometricMode,
  type SoterAct,
  type SoterChallenge,
  type SoterProof,
} from '../../types/soter';

/** Deleting an account is guarded only when it is bound to someone else (the admin's right, F10). */
export function deletionIsGuarded(s: { userId: string; boundUserId: string | null }): boolean {
  return s.boundUserId !== null && s.boundUserId !== s.userId;
}

/** POST /soter/challenges: a fresh challenge for this user and act. */
export async function issueChallenge(db: Db, userId: string, act: SoterAct): Promise<SoterChallenge> {
  const challenge = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SOTER_CHALLENGE_TTL_MS);
  // Spent and expired challenges of the user are of no use any more.
  await db
    .delete(soterChallenges)
    .where(and(eq(soterChallenges.userId, userId), lt(soterChallenges.expiresAt, new Date(Date.now() - 86_400_000))));
  await db.insert(soterChallenges).values({ userId, act, challengeHash: sha256(challenge), expiresAt });
  return { challenge, expiresAt: expiresAt.toISOString() };
}

const refused = (code: string, message: string) => new AppError(403, code, message);

/** The challenge a signed result names (its `raw`), or null when it names none. */
function rawOf(resultJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(resultJSON);
    const raw = parsed && typeof parsed === 'object' ? (parsed as { raw?: unknown }).raw : undefined;
    return typeof raw === 'string' && raw.length > 0 ? raw : null;
  } catch {
    return null;
  }
}

/**
 * How the user confirmed `act`: the SOTER mode, or 'unavailable' when the device has none.
 * Throws 403 for a proof that does not hold; the act must then not go on.
 */
export async function confirmAct(
  deps: Pick<AppContext, 'db' | 'wechat'>,
  userId: string,
  act: SoterAct,
  proof: SoterProof | undefined,
): Promise<BiometricMode> {
  if (!proof || 'unavailable' in proof) return 'unavailable';
  const raw = rawOf(proof.resultJSON);
  const invalid = () => refused(SoterErrorCodes.challengeInvalid, '生物认证结果无效，请重新验证指纹或面容');
  if (!raw) throw invalid();
  const [row] = await deps.db
    .select()
    .from(soterChallenges)
    .where(
      and(
        eq(soterChallenges.challengeHash, sha256(raw)),
        eq(soterChallenges.userId, userId),
        eq(soterChallenges.act, act),
      ),
    );
  if (!row) throw invalid();
  if (row.usedAt) throw refused(SoterErrorCodes.challengeUsed, '该次生物认证已使用过，请重新验证指纹或面容');
  if (row.expiresAt.getTime() <= Date.now()) {
    throw refused(SoterErrorCodes.challengeExpired, '生物认证已过期，请重新验证指纹或面容');
  }
  // Spend it first: two requests racing with one result cannot both pass.
  const spent = await deps.db
    .update(soterChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(soterChallenges.id, row.id), isNull(soterChallenges.usedAt)))
    .returning({ id: soterChallenges.id });
  if (spent.length === 0) throw refused(SoterErrorCodes.challengeUsed, '该次生物认证已使用过，请重新验证指纹或面容');
  const [user] = await deps.db.select({ openid: users.openid }).from(users).where(eq(users.id, userId));
  if (!user) throw invalid();
  let ok: boolean;
  try {
    ok = await deps.wechat.verifySoterSignature({
      openid: user.openid,
      jsonString: proof.resultJSON,
      jsonSignature: proof.resultJSONSignature,
    });
  } catch (err) {
    // WeChat could not answer: not the user's fault, and the act must not go on unverified.
    if (err instanceof WechatError) {
      throw new AppError(503, SoterErrorCodes.unavailable, '暂时无法向微信核验指纹或面容，请稍后重试');
    }
    throw err;
  }
  if (!ok) throw refused(SoterErrorCodes.rejected, '指纹或面容验证未通过，操作未执行');
  return proof.authMode;
}
