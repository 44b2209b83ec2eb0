// Real databases for tests: a fresh SQLite file and a fresh PostgreSQL schema per call, migrated.
// PostgreSQL comes from TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test); when it is
// unreachable the PG variants skip — unless REQUIRE_PG=1 (CI), where they fail loudly instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '../../src/data/db';
import { migrateLatest } from '../../src/data/migrations';

export const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REQUIRE_PG = process.env.REQUIRE_PG === '1';

let pgReachable: Promise<boolean> | undefined;
export function isPgReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

export interface TestDatabase {
  readonly db: Database;
  /** DATABASE_URL that opens the same database (for a second app instance or a child process) */
  readonly url: string;
  dispose(): Promise<void>;
}

async function sqliteDb(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'b2x-test-'));
  const url = `sqlite:${join(dir, 'gateway.db')}`;
  const db = openDatabase(url);
  await migrateLatest(db.knex);
  return { db, url, dispose: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function pgDb(): Promise<TestDatabase> {
  if (!(await isPgReachable())) throw new Error(`PostgreSQL not reachable at ${PG_URL} (REQUIRE_PG=1)`);
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const db = openDatabase(url);
  await migrateLatest(db.knex);
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** A fresh, migrated database of the given dialect. */
export function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  return dialect === 'sqlite' ? sqliteDb() : pgDb();
}

/**
 * Dialects to run integration tests on: both, PG left out only when unreachable and not required.
 * Reachability is probed once per run by test/helpers/global-setup.ts (TEST_PG_AVAILABLE).
 */
export function testDialects(): Dialect[] {
  if (REQUIRE_PG || process.env.TEST_PG_AVAILABLE === '1') return ['sqlite', 'pg'];
  return ['sqlite'];
}
