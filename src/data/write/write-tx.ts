// What every write-side data operation runs on: the command's transaction, its dialect (row
// locks exist only on PostgreSQL; SQLite serialises writers anyway) and the tenant scope.
import type { Knex } from 'knex';
import type { Dialect } from '../db';
import type { TenantScope } from '../tenant-table';

export interface WriteTx {
  readonly knex: Knex.Transaction;
  readonly dialect: Dialect;
  readonly scope: TenantScope;
}

/** Row lock for a SELECT: `update` for the row a command changes, `share` for a row it refers to. */
export type RowLock = 'update' | 'share';

/** Adds FOR UPDATE / FOR KEY SHARE on PostgreSQL; nothing on SQLite (one writer at a time). */
export function withLock(tx: WriteTx, q: Knex.QueryBuilder, lock: RowLock | undefined): Knex.QueryBuilder {
  if (lock === undefined || tx.dialect !== 'pg') return q;
  return lock === 'update' ? q.forUpdate() : q.forKeyShare();
}
