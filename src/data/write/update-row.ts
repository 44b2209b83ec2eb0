// UPDATE one entity row, atomically conditioned on the Version the command decided on
// (`WHERE version = ?`): a concurrent writer makes it match no row, so no update is ever lost.
import { tableOf } from '../../edm/db-schema';
import type { ModelKey, ModelRecord } from '../../edm/model-values';
import { tenantRows } from '../tenant-table';
import { translatingConstraints } from './constraint-error';
import { keyWhere, stateToRow } from './row-state';
import type { WriteTx } from './write-tx';

/**
 * Sets the properties in `changes` on the row with `key`. With `expectedVersion` (types with a
 * concurrency token) only a row still at that version is changed. Returns false when no row matched.
 */
export async function updateRow(tx: WriteTx, setName: string, key: ModelKey, changes: ModelRecord, expectedVersion?: string): Promise<boolean> {
  const q = tenantRows(tx.knex, tx.scope, setName).where(keyWhere(setName, key));
  const t = tableOf(setName);
  const versionColumn = t.type.concurrency ? t.byPath.get(t.type.concurrency) : undefined;
  if (expectedVersion !== undefined && versionColumn) q.where(versionColumn.name, expectedVersion);
  const n = await translatingConstraints(setName, 'update', () => q.update(stateToRow(setName, changes)));
  return Number(n) === 1;
}
