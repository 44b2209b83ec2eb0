// INSERT many entity rows of one set with multi-row VALUES (insert-values.ts). Constraint
// violations are left to the caller: in a batch they cannot be pinned on one item.
import type { ModelRecord } from '../../edm/model-values';
import { TENANT_COLUMN, tableOf, type Storage } from '../../edm/db-schema';
import type { BulkColumn } from '../seed/bulk-insert';
import type { SeedRow } from '../seed/seed-row';
import { insertValues } from './insert-values';
import { stateToRow } from './row-state';
import type { WriteTx } from './write-tx';

/** PostgreSQL element type of each storage kind for unnest() arrays (model-ddl.ts PG_TYPE without collations). */
export const PG_ARRAY_TYPE: Readonly<Record<Storage, BulkColumn['pgType']>> = {
  text: 'text', timestamp: 'text', date: 'text', int: 'integer', bigint: 'bigint', scaled: 'bigint', bool: 'smallint', enum: 'smallint',
};

/** One full storage row of `state`; a column the record does not set is NULL (as a single INSERT leaves it). */
export function fullRow(setName: string, state: ModelRecord): SeedRow {
  const row = stateToRow(setName, state);
  return Object.fromEntries(tableOf(setName).columns.map((c) => [c.name, row[c.name] ?? null]));
}

/** INSERTs the full `states` of `setName` for the tenant. */
export async function insertRows(tx: WriteTx, setName: string, states: readonly ModelRecord[]): Promise<void> {
  const t = tableOf(setName);
  const rows = states.map((s) => {
    const row = fullRow(setName, s);
    return [tx.scope.tenantId, ...t.columns.map((c) => row[c.name] ?? null)];
  });
  await insertValues(tx.knex, t.table, [TENANT_COLUMN, ...t.columns.map((c) => c.name)], rows);
}
