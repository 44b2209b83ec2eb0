// INSERT many entity rows of one set with multi-row VALUES (insert-values.ts). Constraint
// violations are left to the caller: in a batch they cannot be pinned on one item.
import type { ModelRecord } from '../../edm/model-values';
import { TENANT_COLUMN, tableOf, type Storage } from '../../edm/db-schema';
import type { BulkColumn } from '../seed/bulk-insert';
import { insertValues, type InsertValue } from './insert-values';
import { stateToRow } from './row-state';
import type { WriteTx } from './write-tx';

/** PostgreSQL element type of each storage kind for unnest() arrays (model-ddl.ts PG_TYPE without collations). */
export const PG_ARRAY_TYPE: Readonly<Record<Storage, BulkColumn['pgType']>> = {
  text: 'text', timestamp: 'text', date: 'text', int: 'integer', bigint: 'bigint', scaled: 'bigint', bool: 'smallint', enum: 'smallint',
};

/** INSERTs the full `states` of `setName` for the tenant. */
export async function insertRows(tx: WriteTx, setName: string, states: readonly ModelRecord[]): Promise<void> {
  const t = tableOf(setName);
  // straight to value arrays (a sync inserts thousands of rows; fewer objects, less GC)
  const rows = states.map((s) => {
    const row = stateToRow(setName, s);
    const values: InsertValue[] = [tx.scope.tenantId];
    for (const c of t.columns) values.push(row[c.name] ?? null);
    return values;
  });
  await insertValues(tx, t.table, [TENANT_COLUMN, ...t.columns.map((c) => c.name)], rows);
}
