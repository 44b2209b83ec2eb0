// DELETE one entity row, conditioned on the Version the command decided on (as update-row).
import { tableOf } from '../../edm/db-schema';
import type { ModelKey } from '../../edm/model-values';
import { translatingConstraints } from './constraint-error';
import { keyValues } from './row-state';
import { deleteByKeySql } from './write-sql';
import { runWrite } from './write-statements';
import type { WriteTx } from './write-tx';

/** Deletes the row with `key` (still at `expectedVersion`, when given). Returns false when no row matched. */
export async function deleteRow(tx: WriteTx, setName: string, key: ModelKey, expectedVersion?: string): Promise<boolean> {
  const t = tableOf(setName);
  const versionColumn = t.type.concurrency ? t.byPath.get(t.type.concurrency) : undefined;
  const versioned = expectedVersion !== undefined && versionColumn ? versionColumn.name : undefined;
  const bindings = [tx.scope.tenantId, ...keyValues(setName, key), ...(versioned !== undefined ? [expectedVersion] : [])];
  const n = await translatingConstraints(setName, 'delete', () => runWrite(tx, deleteByKeySql(setName, versioned), bindings));
  return n === 1;
}
