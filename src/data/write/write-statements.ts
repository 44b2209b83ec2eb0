// The write side's hot statements as plain parameterised SQL, run on the command's transaction: on
// SQLite through prepared statements kept per connection (knex compiles and re-prepares every query:
// ~9% + ~7% of a $batch change set's CPU in the profile), on PostgreSQL through knex.raw as before.
// SQL texts are built once per shape by the callers (write-sql.ts), never with values in them.
import type BetterSqlite3 from 'better-sqlite3';
import type { Knex } from 'knex';
import type { WriteTx } from './write-tx';

export type Row = Readonly<Record<string, unknown>>;

/** Distinct write SQL texts kept prepared per connection (shapes × multi-row counts). */
const STATEMENT_CACHE_SIZE = 300;
/**
 * Longer texts are prepared for the one use: kept, arbitrary ones could hold megabytes. Bulk
 * statements come in a few fixed row counts (statement-chunks.ts), the widest (a 256-row UPDATE of
 * Customers) ~16.5 KB, so they stay under this and are kept.
 */
const MAX_KEPT_SQL_LENGTH = 32_768;

// First in, first out rather than LRU: a hit costs one Map lookup (the LRU's delete + re-insert on
// every hit showed in profiles), and the hot shapes are re-prepared at once if ever evicted.
const caches = new WeakMap<object, Map<string, BetterSqlite3.Statement>>();

/** The better-sqlite3 connection the transaction holds (knex's transaction client hands out only that one). */
async function connectionOf(tx: WriteTx): Promise<BetterSqlite3.Database> {
  const client = tx.knex.client as { acquireConnection(): Promise<unknown> };
  return (await client.acquireConnection()) as BetterSqlite3.Database;
}

async function statement(tx: WriteTx, sql: string): Promise<BetterSqlite3.Statement> {
  const conn = await connectionOf(tx);
  if (sql.length > MAX_KEPT_SQL_LENGTH) return conn.prepare(sql);
  let cache = caches.get(conn);
  if (!cache) caches.set(conn, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(sql, (stmt = conn.prepare(sql)));
  }
  return stmt;
}

/** knex's own 'query' event, so listeners (logging, tests counting statements) still see these. */
function announce(tx: WriteTx, method: string, sql: string, bindings: readonly unknown[]): void {
  const root = tx.knex.client as unknown as { emit(e: string, q: unknown): void; listenerCount(e: string): number };
  if (root.listenerCount('query') > 0) root.emit('query', { method, sql, bindings });
}

/** Runs an INSERT/UPDATE/DELETE (`?` placeholders); returns the number of rows it changed. */
export async function runWrite(tx: WriteTx, sql: string, bindings: readonly unknown[]): Promise<number> {
  if (tx.dialect !== 'sqlite') {
    const r = (await tx.knex.raw(sql, bindings as Knex.RawBinding[])) as { rowCount?: number | null };
    return Number(r.rowCount ?? 0);
  }
  announce(tx, 'raw', sql, bindings);
  return (await statement(tx, sql)).run(...bindings).changes;
}

/** Runs a SELECT (or a statement with RETURNING) and returns its rows. */
export async function selectRows(tx: WriteTx, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  if (tx.dialect !== 'sqlite') return ((await tx.knex.raw(sql, bindings as Knex.RawBinding[])) as { rows: Row[] }).rows;
  announce(tx, 'select', sql, bindings);
  return (await statement(tx, sql)).all(...bindings) as Row[];
}

/**
 * SQLite: takes the database's write lock as the transaction's first statement (waiting up to
 * busy_timeout). A deferred transaction that reads first and then writes fails at once with
 * SQLITE_BUSY when another process (a CLI command, a second server) committed in between.
 * Any UPDATE takes the lock, even one that matches no row (as fan-out-outbox.ts does).
 */
export async function takeWriteLock(tx: WriteTx): Promise<void> {
  if (tx.dialect === 'sqlite') await runWrite(tx, 'UPDATE "outbox" SET "status" = "status" WHERE "id" < 0', []);
}
