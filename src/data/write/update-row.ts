// UPDATE one entity row, atomically conditioned on the Version the command decided on
// (`WHERE version = ?`): a concurrent writer makes it match no row, so no update is ever lost.
import { tableOf } from '../../edm/db-schema';
import type { ModelKey, ModelRecord } from '../../edm/model-values';
import { translatingConstraints } from './constraint-error';
import { keyValues, stateToRow } from './row-state';
import { updateByKeySql } from './write-sql';
import { runWrite } from './write-statements';
import type { WriteTx } from './write-tx';

/**
 * Sets the properties in `changes` on the row with `key`. With `expectedVersion` (types with a
 * concurrency token) only a row still at that version is changed. Returns false when no row matched.
 */
export async function updateRow(tx: WriteTx, setName: string, key: ModelKey, changes: ModelRecord, expectedVersion?: string): Promise<boolean> {
  const t = tableOf(setName);
  const versionColumn = t.type.concurrency ? t.byPath.get(t.type.concurrency) : undefined;
  const row = stateToRow(setName, changes);
  const columns = Object.keys(row);
  // nothing to set: the row only has to exist (as knex's empty update would have counted it)
  if (columns.length === 0) throw new Error(`update-row: no columns to set on ${setName}`);
  const versioned = expectedVersion !== undefined && versionColumn ? versionColumn.name : undefined;
  const sql = updateByKeySql(setName, columns, versioned);
  const bindings = [...columns.map((c) => row[c] ?? null), tx.scope.tenantId, ...keyValues(setName, key), ...(versioned !== undefined ? [expectedVersion] : [])];
  const n = await translatingConstraints(setName, 'update', () => runWrite(tx, sql, bindings));
  return n === 1;
}
