/**
 * Instances of a new deployment start at the same moment on one empty database: every one opens
 * it, and each migration is applied exactly once (an advisory lock around the migrations).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db';
import { emptyDatabaseUrl } from '../support/server';

const journal = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../server/db/migrations/meta/_journal.json'), 'utf8'),
) as { entries: { tag: string }[] };

describe('#migrations', () => {
  it('should migrate once when three instances open an empty database together', async () => {
    const empty = await emptyDatabaseUrl();
    try {
      const opened = await Promise.allSettled(
        [1, 2, 3].map(() => openDatabase({ databaseUrl: empty.url, poolSize: 2 })),
      );
      const databases = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        assert.deepEqual(
          opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
          [],
          'every instance started',
        );
        const client = new pg.Client({ connectionString: empty.url });
        await client.connect();
        const applied = await client.query<{ n: number }>(
          'select count(*)::int as n from drizzle.__drizzle_migrations',
        );
        await client.end();
        assert.equal(applied.rows[0].n, journal.entries.length, 'each migration recorded once');
        for (const database of databases) assert.equal(await database.ping(), true);
      } finally {
        await Promise.all(databases.map((d) => d.close()));
      }
    } finally {
      await empty.drop();
    }
  });
});
