// The write side's loads: current rows by key or by property values (cascades, dependents),
// read on the command's transaction with an optional row lock, as full model records.
import type { ModelKey, ModelRecord } from '../../edm/model-values';
import { tableOf } from '../../edm/db-schema';
import { tenantRows } from '../tenant-table';
import { keyValues, rowToState, stateColumns, stateToRow } from './row-state';
import { selectByKeySql, selectByKeysSql } from './write-sql';
import { selectRows } from './write-statements';
import { withLock, type RowLock, type WriteTx } from './write-tx';

export interface FindOptions {
  readonly lock?: RowLock;
  readonly limit?: number;
}

/** Rows of `setName` whose properties equal `where` (model values), in key order. */
export async function findRows(tx: WriteTx, setName: string, where: ModelRecord, opts: FindOptions = {}): Promise<ModelRecord[]> {
  const q = tenantRows(tx.knex, tx.scope, setName).select(stateColumns(tx.knex, setName)).where(stateToRow(setName, where));
  for (const c of tableOf(setName).keyColumns) q.orderBy(c.name);
  if (opts.limit !== undefined) q.limit(opts.limit);
  const rows = (await withLock(tx, q, opts.lock)) as Array<Record<string, unknown>>;
  return rows.map((r) => rowToState(setName, r));
}

/** The row with `key`, or undefined (kept SQL text: write-sql.ts). */
export async function findRow(tx: WriteTx, setName: string, key: ModelKey, lock?: RowLock): Promise<ModelRecord | undefined> {
  const [row] = await selectRows(tx, selectByKeySql(setName, tx.dialect, lock), [tx.scope.tenantId, ...keyValues(setName, key)]);
  return row ? rowToState(setName, row) : undefined;
}

/** A row whose text `property` equals `value` ignoring case (lower() as the unique index does), or undefined. */
export async function findCaseInsensitive(tx: WriteTx, setName: string, property: string, value: string): Promise<ModelRecord | undefined> {
  const c = tableOf(setName).byPath.get(property);
  if (!c) throw new Error(`find-rows: no column for ${setName}/${property}`);
  const q = tenantRows(tx.knex, tx.scope, setName).select(stateColumns(tx.knex, setName)).whereRaw('lower(??) = lower(?)', [c.name, value]).limit(1);
  const [row] = (await q) as Array<Record<string, unknown>>;
  return row ? rowToState(setName, row) : undefined;
}

/** values per IN list of findRowsByKeys: far below both bind limits */
const KEYS_PER_SELECT = 500;

/** The rows of `setName` (single-column key) whose key is one of `keys`, in no particular order; missing keys are left out. */
export async function findRowsByKeys(tx: WriteTx, setName: string, keys: ReadonlyArray<string | number>, lock?: RowLock): Promise<ModelRecord[]> {
  const out: ModelRecord[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_SELECT) {
    const chunk = keys.slice(i, i + KEYS_PER_SELECT);
    const rows = await selectRows(tx, selectByKeysSql(setName, tx.dialect, lock, chunk.length), [tx.scope.tenantId, ...chunk]);
    for (const r of rows) out.push(rowToState(setName, r));
  }
  return out;
}
