// SQLite reads through kept prepared statements: knex prepares every query anew, which cost ~6% of a
// point read. Reads use a dedicated read-only connection on the same file: in WAL mode each statement
// sees everything committed when it starts, it never queues behind a write transaction holding
// knex's single pooled connection, and it cannot write. A `:memory:` database exists only inside
// its one connection, so there reads borrow knex's connection instead.
import BetterSqlite3 from 'better-sqlite3';
import type { Knex } from 'knex';
import { LruCache } from './lru-cache';

export type Row = Readonly<Record<string, unknown>>;

export interface SqliteReader {
  /** Runs one SELECT (native `?` SQL) and returns all its rows. */
  all(sql: string, bindings: readonly unknown[]): Promise<Row[]>;
  close(): void;
}

/** Distinct SQL texts kept prepared per connection; the least recently used is finalized beyond this. */
export const STATEMENT_CACHE_SIZE = 200;

interface Pool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(conn: unknown): Promise<unknown>;
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

/** Borrows knex's connection once so that it exists and has put the file into WAL mode. */
async function touchPool(pool: Pool): Promise<void> {
  const conn = await pool.acquireConnection();
  await pool.releaseConnection(conn);
}

function fileReader(file: string, knex: Knex): SqliteReader {
  let opened: Promise<StatementCache> | undefined;
  let conn: BetterSqlite3.Database | undefined;
  const open = async (): Promise<StatementCache> => {
    await touchPool(knex.client as Pool);
    conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    conn.pragma('busy_timeout = 5000');
    return new StatementCache(conn);
  };
  return {
    async all(sql, bindings) {
      opened ??= open().catch((err: unknown) => {
        opened = undefined;
        throw err;
      });
      return (await opened).all(sql, bindings);
    },
    close() {
      conn?.close();
      conn = undefined;
      opened = undefined;
    },
  };
}

function pooledReader(knex: Knex): SqliteReader {
  const pool = knex.client as Pool;
  const caches = new WeakMap<object, StatementCache>();
  return {
    async all(sql, bindings) {
      const conn = (await pool.acquireConnection()) as BetterSqlite3.Database;
      try {
        let cache = caches.get(conn);
        if (!cache) caches.set(conn, (cache = new StatementCache(conn)));
        return cache.all(sql, bindings);
      } finally {
        await pool.releaseConnection(conn);
      }
    },
    close() {},
  };
}

/** The reader for a SQLite file (or `:memory:`) that `knex` also has open. */
export function sqliteReader(file: string, knex: Knex): SqliteReader {
  return file === ':memory:' ? pooledReader(knex) : fileReader(file, knex);
}
