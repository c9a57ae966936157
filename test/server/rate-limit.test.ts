import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { testDatabase } from '../support/server';
import { createDbRateLimiter } from '../../server/adapters/etax/db-rate-limit';
import type { Database } from '../../server/db';

describe('#rateLimit.db', () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => {
    await database.close();
  });

  it('should allow `limit` hits in a window, refuse the next with the wait, and not count refusals', async () => {
    const limiter = createDbRateLimiter(database.db);
    const key = `sms:${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) assert.equal((await limiter.hit(key, 3, 60_000)).allowed, true);
    const refused = await limiter.hit(key, 3, 60_000);
    assert.equal(refused.allowed, false);
    assert.ok(refused.retryAfterMs > 50_000 && refused.retryAfterMs <= 60_000);
    assert.equal(
      (await limiter.hit(`sms:${crypto.randomUUID()}`, 3, 60_000)).allowed,
      true,
      'other keys are independent',
    );
  });

  it('should start a new window once the old one passed', async () => {
    const limiter = createDbRateLimiter(database.db);
    const key = `qr:${crypto.randomUUID()}`;
    assert.equal((await limiter.hit(key, 1, 200)).allowed, true);
    assert.equal((await limiter.hit(key, 1, 200)).allowed, false);
    await new Promise((r) => setTimeout(r, 250));
    assert.equal((await limiter.hit(key, 1, 200)).allowed, true);
  });

  it('should let exactly `limit` of many concurrent hits through', async () => {
    const limiter = createDbRateLimiter(database.db);
    const key = `sms:${crypto.randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => limiter.hit(key, 4, 60_000)));
    assert.equal(results.filter((r) => r.allowed).length, 4);
  });
});
