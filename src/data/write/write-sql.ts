// SQL texts of the per-entity write statements (select by key, update, delete, insert), built once
// per shape — set, columns, lock, dialect — and kept, so a write compiles no query builder. Only
// identifiers from the model schema go into the text; every value is a `?` binding.
import { TENANT_COLUMN, tableOf } from '../../edm/db-schema';
import type { Dialect } from '../db';
import type { RowLock } from './write-tx';

export const quoteId = (id: string): string => `"${id.replace(/"/g, '""')}"`;

/** bounded (first in, first out): the column subsets of PATCHes are the client's choice */
const texts = new Map<string, string>();
const MAX_TEXTS = 1000;

/** The text for `shape`, built by `build` the first time. */
function kept(shape: string, build: () => string): string {
  let sql = texts.get(shape);
  if (sql === undefined) {
    if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value as string);
    texts.set(shape, (sql = build()));
  }
  return sql;
}

/** Every column of the set; BIGINT (Int64, scaled Decimal) as text so no digit is lost on SQLite (as row-state.ts). */
function stateList(setName: string): string {
  return tableOf(setName).columns
    .map((c) => (c.storage === 'bigint' || c.storage === 'scaled' ? `CAST(${quoteId(c.name)} AS TEXT) AS ${quoteId(c.name)}` : quoteId(c.name)))
    .join(', ');
}

/** `tenant_id = ? AND <key columns> = ?` in key-column order (bind the tenant, then keyValues()). */
function keyPredicate(setName: string): string {
  return [TENANT_COLUMN, ...tableOf(setName).keyColumns.map((c) => c.name)].map((n) => `${quoteId(n)} = ?`).join(' AND ');
}

const LOCK_CLAUSE: Readonly<Record<RowLock, string>> = { update: ' FOR UPDATE', share: ' FOR KEY SHARE' };

/** SELECT the full state of one row by key, locked on PostgreSQL (SQLite has one writer at a time). */
export function selectByKeySql(setName: string, dialect: Dialect, lock: RowLock | undefined): string {
  return kept(`sel|${setName}|${dialect}|${lock ?? ''}`, () => {
    const lockClause = lock !== undefined && dialect === 'pg' ? LOCK_CLAUSE[lock] : '';
    return `SELECT ${stateList(setName)} FROM ${quoteId(tableOf(setName).table)} WHERE ${keyPredicate(setName)} LIMIT 1${lockClause}`;
  });
}

/**
 * SELECT the full state of rows whose `column` (lower(column) with `ignoringCase`) is one of
 * `count` values (bind the tenant, then the values).
 */
export function selectInSql(setName: string, dialect: Dialect, lock: RowLock | undefined, column: string, count: number, ignoringCase = false): string {
  const lockClause = lock !== undefined && dialect === 'pg' ? LOCK_CLAUSE[lock] : '';
  const list = new Array<string>(count).fill('?').join(', ');
  const target = ignoringCase ? `lower(${quoteId(column)})` : quoteId(column);
  return `SELECT ${stateList(setName)} FROM ${quoteId(tableOf(setName).table)} WHERE ${quoteId(TENANT_COLUMN)} = ? AND ${target} IN (${list})${lockClause}`;
}

/** SELECT the full state of rows whose single-column key is one of `count` values (bind the tenant, then the keys). */
export function selectByKeysSql(setName: string, dialect: Dialect, lock: RowLock | undefined, count: number): string {
  const [key, more] = tableOf(setName).keyColumns;
  if (!key || more) throw new Error(`write-sql: ${setName} has no single-column key`);
  return selectInSql(setName, dialect, lock, key.name, count);
}

/** UPDATE `columns` of one row by key, and still at the expected Version when `versioned` (bind the values, tenant, key, version). */
export function updateByKeySql(setName: string, columns: readonly string[], versionColumn: string | undefined): string {
  return kept(`upd|${setName}|${columns.join(',')}|${versionColumn ?? ''}`, () => {
    const set = columns.map((c) => `${quoteId(c)} = ?`).join(', ');
    const version = versionColumn !== undefined ? ` AND ${quoteId(versionColumn)} = ?` : '';
    return `UPDATE ${quoteId(tableOf(setName).table)} SET ${set} WHERE ${keyPredicate(setName)}${version}`;
  });
}

/** DELETE one row by key, still at the expected Version when `versionColumn` is given. */
export function deleteByKeySql(setName: string, versionColumn: string | undefined): string {
  return kept(`del|${setName}|${versionColumn ?? ''}`, () => {
    const version = versionColumn !== undefined ? ` AND ${quoteId(versionColumn)} = ?` : '';
    return `DELETE FROM ${quoteId(tableOf(setName).table)} WHERE ${keyPredicate(setName)}${version}`;
  });
}

/** INSERT one row of the given columns (tenant first). */
export function insertRowSql(table: string, columns: readonly string[]): string {
  return kept(`ins|${table}|${columns.join(',')}`, () =>
    `INSERT INTO ${quoteId(table)} (${columns.map(quoteId).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
}
