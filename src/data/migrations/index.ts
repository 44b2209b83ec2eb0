// Versioned migrations, applied in order by knex from this in-code list (no directory scanning,
// so the compiled dist/ and ts sources behave the same).
import type { Knex } from 'knex';
import * as m0001 from './0001-model';
import * as m0002 from './0002-security';
import * as m0003 from './0003-key-lifecycle';
import * as m0004 from './0004-audit';
import * as m0005 from './0005-outbox';
import * as m0006 from './0006-idempotency';
import * as m0007 from './0007-webhooks';
import * as m0008 from './0008-legacy';
import * as m0009 from './0009-outbox-pending';
import * as m0010 from './0010-outbox-write-indexes';

interface Migration {
  readonly name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010];

/** Names of all migrations, in order (what a fresh database gets applied). */
export const migrationNames = (): string[] => MIGRATIONS.map((m) => m.name);

const source: Knex.MigrationSource<Migration> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m,
};

const config = (): Knex.MigratorConfig => ({ migrationSource: source, tableName: 'gateway_migrations' });

/** Applies pending migrations; returns the names applied. */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(config())) as [number, string[]];
  return applied;
}

/** Names of migrations not yet applied (empty = schema current). */
export async function pendingMigrations(knex: Knex): Promise<string[]> {
  const [, pending] = (await knex.migrate.list(config())) as [unknown, Array<{ name?: string; file?: string } | string>];
  return pending.map((p) => (typeof p === 'string' ? p : (p.name ?? p.file ?? '?')));
}
