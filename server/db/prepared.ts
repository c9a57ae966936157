/**
 * Statements of the hot paths (issue 9), built once per database and name and prepared by
 * PostgreSQL once per connection under that name: no query building per call, no parse and plan
 * per execution.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './index';

const built = new WeakMap<Db, Map<string, unknown>>();

/** The statement `name` of `db`, built by `build` the first time it is asked for. */
export function prepared<T>(db: Db, name: string, build: (name: string) => T): T {
  let byName = built.get(db);
  if (!byName) built.set(db, (byName = new Map()));
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) byName.set(name, (statement = build(name)));
  return statement;
}

const dialect = new PgDialect();

/**
 * A hand-written statement (`sql` with `sql.placeholder(…)`s) prepared under `name`, as a query
 * builder's `.prepare(name)` is: for the hot paths whose SQL builds JSON in PostgreSQL.
 */
export function preparedSql<Row>(db: Db, name: string, build: () => SQL) {
  return prepared(db, name, (n) => {
    const statement = db._.session.prepareQuery(dialect.sqlToQuery(build()), undefined, n, false);
    return {
      execute: (values: Record<string, unknown>) => statement.execute(values) as Promise<{ rows: Row[] }>,
    };
  });
}
