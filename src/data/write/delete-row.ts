// DELETE one entity row, conditioned on the Version the command decided on (as update-row).
import { tableOf } from '../../edm/db-schema';
import type { ModelKey } from '../../edm/model-values';
import { tenantRows } from '../tenant-table';
import { translatingConstraints } from './constraint-error';
import { keyWhere } from './row-state';
import type { WriteTx } from './write-tx';

/** Deletes the row with `key` (still at `expectedVersion`, when given). Returns false when no row matched. */
export async function deleteRow(tx: WriteTx, setName: string, key: ModelKey, expectedVersion?: string): Promise<boolean> {
  const q = tenantRows(tx.knex, tx.scope, setName).where(keyWhere(setName, key));
  const t = tableOf(setName);
  const versionColumn = t.type.concurrency ? t.byPath.get(t.type.concurrency) : undefined;
  if (expectedVersion !== undefined && versionColumn) q.where(versionColumn.name, expectedVersion);
  const n = await translatingConstraints(setName, 'delete', () => q.delete());
  return Number(n) === 1;
}
