// Executes a read query built with knex: on SQLite through the reader's kept prepared statements
// (the builder is only compiled to SQL text + bindings), on PostgreSQL through knex as before.
import type { Knex } from 'knex';
import type { Database } from '../db';
import type { Row } from './sqlite-reader';

export async function runSelect(db: Database, q: Knex.QueryBuilder): Promise<Row[]> {
  const reader = db.sqliteReader;
  if (!reader) return (await q) as Row[];
  const { sql, bindings } = q.toSQL().toNative();
  // knex's own 'query' event, so query listeners (logging, tests counting queries) still see reads
  if (db.knex.listenerCount('query') > 0) db.knex.emit('query', { method: 'select', sql, bindings });
  return reader.all(sql, bindings);
}
