// The batch loads of the write side (customers sync): rows of a set whose property is one of many
// values, or whose lower(text property) is — the very expression of the unique index
// ux_contacts_email, so the lookup uses it. IN lists are chunked well below both bind limits.
import type { ModelRecord } from '../../edm/model-values';
import { tableOf } from '../../edm/db-schema';
import { rowToState } from './row-state';
import { selectInSql } from './write-sql';
import { inLists } from './statement-chunks';
import { selectRows } from './write-statements';
import type { RowLock, WriteTx } from './write-tx';

/** values per IN list at most (PostgreSQL: one statement per list for a 1,000 × 3 sync; SQLite: statement-chunks.ts) */
export const IN_CHUNK = 5000;

function columnOf(setName: string, property: string): string {
  const c = tableOf(setName).byPath.get(property);
  if (!c) throw new Error(`find-rows-in: no column for ${setName}/${property}`);
  return c.name;
}

async function inChunks(tx: WriteTx, setName: string, column: string, values: readonly (string | number)[], lock: RowLock | undefined, ignoringCase: boolean): Promise<ModelRecord[]> {
  const unique = [...new Set(values)];
  const out: ModelRecord[] = [];
  for (const chunk of inLists(tx.dialect, unique, IN_CHUNK)) {
    const rows = await selectRows(tx, selectInSql(setName, tx.dialect, lock, column, chunk.length, ignoringCase), [tx.scope.tenantId, ...chunk]);
    for (const r of rows) out.push(rowToState(setName, r));
  }
  return out;
}

/** Rows of `setName` whose `property` (a plain column) is one of `values`. */
export function findRowsIn(tx: WriteTx, setName: string, property: string, values: readonly (string | number)[], lock?: RowLock): Promise<ModelRecord[]> {
  return inChunks(tx, setName, columnOf(setName, property), values, lock, false);
}

/** Rows whose lower(`property`) is one of `lowered` (already lower-cased as SQL lower() does: ASCII only). */
export function findRowsInIgnoringCase(tx: WriteTx, setName: string, property: string, lowered: readonly string[], lock?: RowLock): Promise<ModelRecord[]> {
  return inChunks(tx, setName, columnOf(setName, property), lowered, lock, true);
}
