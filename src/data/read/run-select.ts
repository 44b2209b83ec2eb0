// Executes a read query built with knex: on SQLite through the reader's kept prepared statements
// (the builder is only compiled to SQL text + bindings), on PostgreSQL through knex as before.
// runCompiled runs SQL text already compiled from a builder (statement-shapes.ts).
import type { Knex } from 'knex';
import type { Database } from '../db';
import type { Row } from './sqlite-reader';

export async function runSelect(db: Database, q: Knex.QueryBuilder): Promise<Row[]> {
  if (!db.sqliteReader) return (await q) as Row[];
  const { sql, bindings } = q.toSQL().toNative();
  return runCompiled(db, sql, bindings);
}

/**
 * `sql` as compiled by knex for this dialect: native `?` SQL on SQLite, knex's `?` form (toSQL().sql)
 * on PostgreSQL, which knex.raw numbers and binds exactly as the builder would have. Without a
 * reader (PostgreSQL, or a write's transaction on SQLite) it runs through knex.raw on `db.knex`.
 */
export async function runCompiled(db: Database, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const reader = db.sqliteReader;
  if (!reader) {
    // pg answers a raw query with its result object, better-sqlite3 with the rows themselves
    const result = (await db.knex.raw(sql, bindings as Knex.RawBinding[])) as Row[] | { rows: Row[] };
    return Array.isArray(result) ? result : result.rows;
  }
  // knex's own 'query' event, so query listeners (logging, tests counting queries) still see reads
  if (db.knex.listenerCount('query') > 0) db.knex.emit('query', { method: 'select', sql, bindings });
  return reader.all(sql, bindings);
}
