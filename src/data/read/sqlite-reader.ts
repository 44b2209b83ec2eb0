// SQLite reads through kept prepared statements: knex prepares every query anew, which cost ~6% of a
// point read. The statements live on knex's own (single) pooled connection, borrowed per query, not
// on a second read connection: under load the audit trail commits every ~20 ms, and each commit by
// another connection would empty a reader's page cache (W2 measured ~25% slower in SQLite), besides
// a second 16 MB page cache. Reads see every committed write and wait for open write transactions,
// exactly as knex reads did.
import type BetterSqlite3 from 'better-sqlite3';
import type { Knex } from 'knex';
import { LruCache } from './lru-cache';

export type Row = Readonly<Record<string, unknown>>;

export interface SqliteReader {
  /** Runs one SELECT (native `?` SQL) and returns all its rows. */
  all(sql: string, bindings: readonly unknown[]): Promise<Row[]>;
}

/** Distinct SQL texts kept prepared per connection; the least recently used is dropped beyond this. */
export const STATEMENT_CACHE_SIZE = 200;

interface Pool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(conn: unknown): Promise<unknown>;
  /** knex's tarn pool (the parts read here) */
  readonly pool?: {
    numUsed(): number;
    numPendingAcquires(): number;
    numPendingValidations(): number;
    readonly free: ReadonlyArray<{ readonly resource: unknown }>;
  };
}

type Connection = BetterSqlite3.Database & { __knex__disposed?: unknown };

/**
 * The pooled connection when nobody holds or awaits it. Reads are synchronous in better-sqlite3, so
 * using it without the acquire/release round trip cannot interleave with anyone — in particular
 * not with a write transaction, which holds the connection (then this is undefined and the read
 * waits for it through the pool as before). The round trip cost a W1 read two promise hops and ~3.7 KB.
 */
function idleConnection(pool: Pool): Connection | undefined {
  const p = pool.pool;
  if (!p || p.numUsed() !== 0 || p.numPendingAcquires() !== 0 || p.numPendingValidations() !== 0) return undefined;
  const conn = p.free[0]?.resource as Connection | undefined;
  // as knex's pool validation would: never a closed or disposed connection
  return conn?.open === true && conn.__knex__disposed === undefined ? conn : undefined;
}

/** As knex's better-sqlite3 client binds values. */
function nativeBinding(v: unknown): unknown {
  if (v instanceof Date) return v.valueOf();
  if (typeof v === 'boolean') return Number(v);
  return v;
}

class StatementCache {
  private readonly statements = new LruCache<string, BetterSqlite3.Statement>(STATEMENT_CACHE_SIZE);

  constructor(private readonly conn: BetterSqlite3.Database) {}

  all(sql: string, bindings: readonly unknown[]): Row[] {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.conn.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt.all(...bindings.map(nativeBinding)) as Row[];
  }
}

/** The reader for the better-sqlite3 database `knex` has open (a file or `:memory:`). */
export function sqliteReader(knex: Knex): SqliteReader {
  const pool = knex.client as Pool;
  // per connection: the pool may replace a broken one, whose statements go with it
  const caches = new WeakMap<object, StatementCache>();
  const run = (conn: BetterSqlite3.Database, sql: string, bindings: readonly unknown[]): Row[] => {
    let cache = caches.get(conn);
    if (!cache) caches.set(conn, (cache = new StatementCache(conn)));
    return cache.all(sql, bindings);
  };
  return {
    async all(sql, bindings) {
      const idle = idleConnection(pool);
      if (idle) return run(idle, sql, bindings);
      const conn = (await pool.acquireConnection()) as BetterSqlite3.Database;
      try {
        return run(conn, sql, bindings);
      } finally {
        await pool.releaseConnection(conn);
      }
    },
  };
}
