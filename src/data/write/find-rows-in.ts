// The batch loads of the write side (customers sync): rows of a set whose property is one of many
// values, or whose lower(text property) is — the very expression of the unique index
// ux_contacts_email, so the lookup uses it. IN lists are chunked well below both bind limits.
import type { Knex } from 'knex';
import type { ModelRecord } from '../../edm/model-values';
import { tableOf } from '../../edm/db-schema';
import { tenantRows } from '../tenant-table';
import { rowToState, stateColumns } from './row-state';
import { withLock, type RowLock, type WriteTx } from './write-tx';

/** values per IN list: one statement per list for a 1,000 × 3 sync, far below both bind limits */
export const IN_CHUNK = 5000;

function columnOf(setName: string, property: string): string {
  const c = tableOf(setName).byPath.get(property);
  if (!c) throw new Error(`find-rows-in: no column for ${setName}/${property}`);
  return c.name;
}

async function inChunks(tx: WriteTx, setName: string, values: readonly (string | number)[], lock: RowLock | undefined, where: (q: Knex.QueryBuilder, chunk: Array<string | number>) => void): Promise<ModelRecord[]> {
  const unique = [...new Set(values)];
  const out: ModelRecord[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    const q = tenantRows(tx.knex, tx.scope, setName).select(stateColumns(tx.knex, setName));
    where(q, unique.slice(i, i + IN_CHUNK));
    const rows = (await withLock(tx, q, lock)) as Array<Record<string, unknown>>;
    out.push(...rows.map((r) => rowToState(setName, r)));
  }
  return out;
}

/** Rows of `setName` whose `property` (a plain column) is one of `values`. */
export function findRowsIn(tx: WriteTx, setName: string, property: string, values: readonly (string | number)[], lock?: RowLock): Promise<ModelRecord[]> {
  const column = columnOf(setName, property);
  return inChunks(tx, setName, values, lock, (q, chunk) => void q.whereIn(column, chunk));
}

/** Rows whose lower(`property`) is one of `lowered` (already lower-cased as SQL lower() does: ASCII only). */
export function findRowsInIgnoringCase(tx: WriteTx, setName: string, property: string, lowered: readonly string[], lock?: RowLock): Promise<ModelRecord[]> {
  const column = columnOf(setName, property);
  return inChunks(tx, setName, lowered, lock, (q, chunk) => void q.whereRaw(`lower(??) in (${chunk.map(() => '?').join(', ')})`, [column, ...chunk]));
}
