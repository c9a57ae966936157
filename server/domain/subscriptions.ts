/**
 * F20 subscribe credits: each `accept` in wx.requestSubscribeMessage allows exactly one message to
 * that user with that template (PLATFORM.md). We count them per user and template, spend one per
 * send, and set the count to 0 when WeChat says none is left (43101), which is common, not an alarm.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db';
import { subscribeCredits, users } from '../db/schema';
import { WechatError, type SubscribeMessage, type WechatClient } from '../adapters/wechat';
import { templateIds } from '../notify/templates';
import type { Config } from '../config';
import type { SubscriptionsResponse } from '../../types/accounts';

type TemplateConfig = Pick<Config, 'WECHAT_LOGIN_TEMPLATE_ID' | 'WECHAT_CHANGE_TEMPLATE_ID'>;

/** Adds one credit per accepted template of ours; other results and unknown template ids change nothing. */
export async function recordSubscriptions(
  db: Db,
  config: TemplateConfig,
  userId: string,
  results: Record<string, string>,
): Promise<void> {
  const ours = Object.values(templateIds(config));
  const accepted = Object.entries(results)
    .filter(([id, result]) => result === 'accept' && ours.includes(id))
    .map(([id]) => id);
  for (const templateId of accepted) {
    await db
      .insert(subscribeCredits)
      .values({ userId, templateId, credits: 1 })
      .onConflictDoUpdate({
        target: [subscribeCredits.userId, subscribeCredits.templateId],
        set: { credits: sql`${subscribeCredits.credits} + 1`, updatedAt: new Date() },
      });
  }
}

/** Credits left per template of ours (0 when none were ever given). */
export async function creditsOf(db: Db, config: TemplateConfig, userId: string): Promise<Record<string, number>> {
  const ours = Object.values(templateIds(config));
  const rows = await db
    .select({ templateId: subscribeCredits.templateId, credits: subscribeCredits.credits })
    .from(subscribeCredits)
    .where(and(eq(subscribeCredits.userId, userId), inArray(subscribeCredits.templateId, ours)));
  const credits = Object.fromEntries(ours.map((id) => [id, 0]));
  for (const r of rows) credits[r.templateId] = Number(r.credits);
  return credits;
}

export async function subscriptions(db: Db, config: TemplateConfig, userId: string): Promise<SubscriptionsResponse> {
  return { templates: templateIds(config), credits: await creditsOf(db, config, userId) };
}

export type SendOutcome = 'sent' | 'no_credit' | 'refused' | 'failed';

/**
 * Sends one subscribe message to the user when a credit is left, spending it. WeChat's 43101 sets
 * the count to 0; any other failure gives the credit back (WeChat did not use it). Never throws:
 * a notice that cannot be sent must not undo what was done.
 */
export async function sendWithCredit(
  deps: { db: Db; wechat: WechatClient; config: Pick<Config, 'WECHAT_MINIPROGRAM_STATE'> },
  log: Pick<FastifyBaseLogger, 'warn'>,
  userId: string,
  message: Omit<SubscribeMessage, 'touser'>,
): Promise<SendOutcome> {
  const { db } = deps;
  const key = and(eq(subscribeCredits.userId, userId), eq(subscribeCredits.templateId, message.templateId));
  const spent = await db
    .update(subscribeCredits)
    .set({ credits: sql`${subscribeCredits.credits} - 1`, updatedAt: new Date() })
    .where(and(key, gt(subscribeCredits.credits, 0)))
    .returning({ left: subscribeCredits.credits });
  if (spent.length === 0) return 'no_credit';
  const [user] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, userId));
  try {
    await deps.wechat.sendSubscribeMessage({
      ...message,
      touser: user.openid,
      miniprogramState: deps.config.WECHAT_MINIPROGRAM_STATE,
    });
    return 'sent';
  } catch (err) {
    if (err instanceof WechatError && err.kind === 'no_subscription') {
      await db.update(subscribeCredits).set({ credits: 0, updatedAt: new Date() }).where(key);
      return 'refused';
    }
    await db
      .update(subscribeCredits)
      .set({ credits: sql`${subscribeCredits.credits} + 1`, updatedAt: new Date() })
      .where(key);
    log.warn(
      { kind: err instanceof WechatError ? err.kind : 'unknown', templateId: message.templateId },
      'subscribe message not sent',
    );
    return 'failed';
  }
}
