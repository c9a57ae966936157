/**
 * Empties the PostgreSQL test database (TEST_DATABASE_URL) before the server suite runs on it, so a
 * run never depends on what an earlier run left behind. Refuses any database not named like a test one.
 */
import { Client } from 'pg';

async function main() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = new URL(url).pathname.slice(1);
  if (!/test/i.test(name)) throw new Error(`Refusing to reset "${name}": not a test database`);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('SET client_min_messages TO warning');
  await client.query(
    'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE;',
  );
  await client.end();
  console.log(`reset ${name}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
