// UPDATE many rows of one set in one statement per chunk, each row set to its full new state and
// conditioned on the Version its command decided on: a VALUES (SQLite) or unnest() (PostgreSQL)
// list joined on the key (UPDATE … FROM). Returns how many rows matched, so the caller can tell
// that a concurrent writer got in the way (fewer than asked).
import type { Knex } from 'knex';
import type { ModelRecord } from '../../edm/model-values';
import { TENANT_COLUMN, tableOf } from '../../edm/db-schema';
import type { SeedValue } from '../seed/seed-row';
import { PG_ARRAY_TYPE } from './insert-rows';
import { stateToRow } from './row-state';
import { chunked } from './statement-chunks';
import { runWrite } from './write-statements';
import type { WriteTx } from './write-tx';

export interface RowUpdate {
  /** the whole entity after the change */
  readonly state: ModelRecord;
  /** the Version the row must still have */
  readonly expectedVersion: string;
}

const MAX_SQLITE_PARAMS = 32_000;
const PG_ROWS_PER_STATEMENT = 10_000;
const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

function shape(setName: string) {
  const t = tableOf(setName);
  const [key, more] = t.keyColumns;
  const version = t.type.concurrency ? t.byPath.get(t.type.concurrency) : undefined;
  if (!key || more || !version) throw new Error(`update-rows: ${setName} needs a single-column key and a Version`);
  const set = t.columns.filter((c) => c !== key).map((c) => `${q(c.name)} = v.${q(c.name)}`).join(', ');
  return { t, key, version, set, names: ['_key', '_expected', ...t.columns.filter((c) => c !== key).map((c) => c.name)] };
}

function values(setName: string, keyName: string, u: RowUpdate): SeedValue[] {
  const row = stateToRow(setName, u.state);
  const out: SeedValue[] = [row[keyName] ?? null, u.expectedVersion];
  for (const c of tableOf(setName).columns) if (c.name !== keyName) out.push(row[c.name] ?? null);
  return out;
}

/** Applies `updates` (distinct keys) to `setName`; returns the number of rows that matched. */
export async function updateRows(tx: WriteTx, setName: string, updates: readonly RowUpdate[]): Promise<number> {
  if (updates.length === 0) return 0;
  const s = shape(setName);
  const where = `${q(s.t.table)}.${q(TENANT_COLUMN)} = ? AND ${q(s.t.table)}.${q(s.key.name)} = v."_key" AND ${q(s.t.table)}.${q(s.version.name)} = v."_expected"`;
  const perStatement = tx.dialect === 'pg' ? PG_ROWS_PER_STATEMENT : Math.floor(MAX_SQLITE_PARAMS / s.names.length);
  let matched = 0;
  for (const chunk of chunked(tx.dialect, updates, perStatement)) {
    const rows = chunk.map((u) => values(setName, s.key.name, u));
    if (tx.dialect === 'pg') {
      const types = [PG_ARRAY_TYPE[s.key.storage], 'bigint', ...s.t.columns.filter((c) => c !== s.key).map((c) => PG_ARRAY_TYPE[c.storage])];
      const from = `unnest(${types.map((ty) => `?::${ty}[]`).join(', ')}) AS v(${s.names.map(q).join(', ')})`;
      // each binding is one column's values; pg sends a JS array as a PostgreSQL array (as bulk-insert.ts)
      const arrays = s.names.map((_, col) => rows.map((r) => r[col] ?? null) as Knex.Value);
      matched += await runWrite(tx, `UPDATE ${q(s.t.table)} SET ${s.set} FROM ${from} WHERE ${where}`, [...arrays, tx.scope.tenantId]);
    } else {
      const tuple = `(${s.names.map(() => '?').join(', ')})`;
      const sql = `WITH v(${s.names.map(q).join(', ')}) AS (VALUES ${rows.map(() => tuple).join(', ')}) UPDATE ${q(s.t.table)} SET ${s.set} FROM v WHERE ${where}`;
      matched += await runWrite(tx, sql, [...rows.flat(), tx.scope.tenantId]);
    }
  }
  return matched;
}
