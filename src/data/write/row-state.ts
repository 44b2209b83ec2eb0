// Model records ↔ storage rows for the write side: the same column mapping as reads (db-schema)
// and the same exact conversions (storage-values one way, row-to-record's convertColumn back).
import type { Knex } from 'knex';
import { tableOf } from '../../edm/db-schema';
import type { ComplexModelValue, ModelKey, ModelRecord, ModelValue } from '../../edm/model-values';
import { convertColumn } from '../read/row-to-record';
import { toStorageValue, type StorageValue } from './storage-values';

/** The properties present in `record` as storage columns; a complex value sets only the members it has. */
export function stateToRow(setName: string, record: ModelRecord): Record<string, StorageValue> {
  const out: Record<string, StorageValue> = {};
  for (const c of tableOf(setName).columns) {
    const [name = '', member] = c.path;
    if (!Object.prototype.hasOwnProperty.call(record, name)) continue;
    const value = record[name] ?? null;
    if (member === undefined) out[c.name] = toStorageValue(c, value);
    else if (value === null) out[c.name] = null;
    else if (Object.prototype.hasOwnProperty.call(value, member)) out[c.name] = toStorageValue(c, (value as ComplexModelValue)[member] ?? null);
  }
  return out;
}

/** A full storage row (as selected by stateColumns) → the full model record. */
export function rowToState(setName: string, row: Readonly<Record<string, unknown>>): ModelRecord {
  const out: Record<string, ModelValue> = {};
  for (const c of tableOf(setName).columns) {
    const [name = '', member] = c.path;
    const v = convertColumn(c, row[c.name]);
    if (member === undefined) out[name] = v;
    else out[name] = { ...(out[name] as ComplexModelValue | undefined), [member]: v };
  }
  return out;
}

/** Every column of the set; BIGINT (Int64, scaled Decimal) as text so no digit is lost on SQLite. */
export function stateColumns(knex: Knex, setName: string): Knex.Raw[] {
  return tableOf(setName).columns.map((c) =>
    c.storage === 'bigint' || c.storage === 'scaled' ? knex.raw('CAST(?? AS TEXT) AS ??', [c.name, c.name]) : knex.raw('??', [c.name]),
  );
}

/** `{column: value}` of the key, for WHERE clauses. */
export function keyWhere(setName: string, key: ModelKey): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const c of tableOf(setName).keyColumns) {
    const v = key[c.path.join('/')];
    if (v === undefined) throw new Error(`row-state: key of ${setName} misses ${c.path.join('/')}`);
    out[c.name] = v;
  }
  return out;
}

/** The key's values in key-column order (the binding order of write-sql.ts key predicates). */
export function keyValues(setName: string, key: ModelKey): Array<string | number> {
  return tableOf(setName).keyColumns.map((c) => {
    const v = key[c.path.join('/')];
    if (v === undefined) throw new Error(`row-state: key of ${setName} misses ${c.path.join('/')}`);
    return v;
  });
}
