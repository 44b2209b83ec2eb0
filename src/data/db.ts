// knex factory for the two supported dialects and their connection-level settings.
// `sqlite:<file>` → better-sqlite3 (WAL, foreign keys on); `postgres://…[?schema=S]` → pg, where
// the optional `schema` parameter sets the search_path (tests give each run its own schema).
import knexFactory, { type Knex } from 'knex';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sqliteReader, type SqliteReader } from './read/sqlite-reader';

export type Dialect = 'sqlite' | 'pg';

export interface Database {
  readonly knex: Knex;
  readonly dialect: Dialect;
  /** PostgreSQL schema in use (undefined on SQLite) */
  readonly schema: string | undefined;
  /** SQLite only: runs reads through prepared statements kept on knex's connection (read/sqlite-reader.ts) */
  readonly sqliteReader?: SqliteReader;
  close(): Promise<void>;
}

export class DatabaseUrlError extends Error {}

/**
 * WAL pages after which a commit checkpoints (SQLite's default: 1000, 4 MiB). The checkpoint runs
 * inline on the event loop, and its fsyncs grow with the WAL: at 4 MiB they stalled every request
 * for 3–6 ms about once a second under load (the audit trail commits every ~20 ms). At 1 MiB each
 * stall is ~1 ms; four times the checkpoints cost ~0.2 % more blocked time under load.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 256;

function sqliteConfig(file: string): Knex.Config {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return {
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(s: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        // 4 MiB page cache instead of better-sqlite3's 16 MiB: it counts in RSS, and the bench reads
        // (including a 17 MiB table scan) ran no slower with it — the OS file cache serves the rest.
        conn.pragma('cache_size = -4000');
        conn.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
        done(null, conn);
      },
    },
  };
}

function pgConfig(url: URL): { config: Knex.Config; schema: string } {
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new DatabaseUrlError(`invalid schema name in DATABASE_URL: ${schema}`);
  url.searchParams.delete('schema');
  return {
    schema,
    config: {
      client: 'pg',
      connection: { connectionString: url.toString() },
      searchPath: [schema],
      pool: { min: 0, max: 10 },
    },
  };
}

/** Opens (lazily connects) a database from a DATABASE_URL. Throws DatabaseUrlError on a bad URL. */
export function openDatabase(databaseUrl: string): Database {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new DatabaseUrlError('DATABASE_URL sqlite: needs a file name, e.g. sqlite:./data/gateway.db');
    const knex = knexFactory(sqliteConfig(file));
    return { knex, dialect: 'sqlite', schema: undefined, sqliteReader: sqliteReader(knex), close: () => knex.destroy() };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new DatabaseUrlError('DATABASE_URL is not a valid postgres:// URL');
    }
    const { config, schema } = pgConfig(url);
    const knex = knexFactory(config);
    return { knex, dialect: 'pg', schema, close: () => knex.destroy() };
  }
  throw new DatabaseUrlError('DATABASE_URL must start with sqlite: or postgres://');
}
