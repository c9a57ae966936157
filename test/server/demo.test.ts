/**
 * `npm start`'s demo tenant on a new deployment: instances starting at the same moment on one empty
 * database seed it once between them, and the one that seeded it shows its activation code.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db';
import { seedDemo, DEMO_ENTERPRISES } from '../../server/demo';
import { emptyDatabaseUrl } from '../support/server';

describe('#demo', () => {
  it('should seed one demo tenant when four instances start together on an empty database', async () => {
    const empty = await emptyDatabaseUrl();
    const dirs = [1, 2, 3, 4].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'fapiaoyun-demo-')));
    const databases = await Promise.all(dirs.map(() => openDatabase({ databaseUrl: empty.url, poolSize: 2 })));
    try {
      const shown = await Promise.all(databases.map((d, i) => seedDemo(d.db, dirs[i])));

      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const tenants = await client.query<{ name: string }>('select name from tenants');
      const enterprises = await client.query<{ n: number }>('select count(*)::int as n from enterprises');
      await client.end();
      assert.deepEqual(
        tenants.rows.map((r) => r.name),
        ['演示租户'],
      );
      assert.equal(enterprises.rows[0].n, DEMO_ENTERPRISES.length);
      // The instance that seeded it prints the code (and keeps it in its DATA_DIR); the others have none to show.
      const seeded = shown.filter((info) => info !== null);
      assert.equal(seeded.length, 1);
      assert.match(seeded[0]!.activationCode, /^[A-Z0-9]+$/);
      assert.equal(dirs.filter((dir) => fs.existsSync(path.join(dir, 'demo.json'))).length, 1);
    } finally {
      await Promise.all(databases.map((d) => d.close()));
      await empty.drop();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
