// Bulk loads. SQLite: multi-row INSERTs chunked below its 32766 bind-parameter limit. PostgreSQL:
// one array parameter per column, `INSERT … SELECT * FROM unnest($1::text[], …)`, which avoids
// parsing 65535-parameter statements (measured ~2× faster). A row missing a column is a
// generator bug, so it fails loudly instead of inserting NULL.
import type { Knex } from 'knex';
import type { Dialect } from '../db';
import type { SeedRow, SeedValue } from './seed-row';

const MAX_SQLITE_PARAMS = 32766;
const PG_ROWS_PER_STATEMENT = 10_000;

/** A column to load and its PostgreSQL element type for the unnest() arrays. */
export interface BulkColumn {
  readonly name: string;
  readonly pgType: 'text' | 'integer' | 'bigint' | 'smallint';
}

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;

function flatten(rows: readonly SeedRow[], columns: readonly BulkColumn[], out: SeedValue[]): void {
  for (const row of rows) {
    for (const c of columns) out.push(valueOf(row, c));
  }
}

function valueOf(row: SeedRow, column: BulkColumn): SeedValue {
  const v = row[column.name];
  if (v === undefined) throw new Error(`bulk insert: row lacks column ${column.name}`);
  return v;
}

async function insertSqlite(trx: Knex.Transaction, head: string, columns: readonly BulkColumn[], rows: readonly SeedRow[]): Promise<void> {
  const perStatement = Math.floor(MAX_SQLITE_PARAMS / columns.length);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const bindings: SeedValue[] = [];
    flatten(chunk, columns, bindings);
    await trx.raw(`${head} VALUES ${new Array<string>(chunk.length).fill(tuple).join(', ')}`, bindings);
  }
}

async function insertPg(trx: Knex.Transaction, head: string, columns: readonly BulkColumn[], rows: readonly SeedRow[]): Promise<void> {
  const select = `SELECT * FROM unnest(${columns.map((c) => `?::${c.pgType}[]`).join(', ')})`;
  for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
    // each binding is one column's values; pg sends a JS array as a PostgreSQL array literal
    const arrays = columns.map((c) => chunk.map((r) => valueOf(r, c)) as Knex.Value);
    await trx.raw(`${head} ${select}`, arrays);
  }
}

/** INSERTs `rows` (each with every one of `columns`) in as few statements as the dialect allows. */
export async function bulkInsert(
  trx: Knex.Transaction,
  dialect: Dialect,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly SeedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const head = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')})`;
  await (dialect === 'pg' ? insertPg : insertSqlite)(trx, head, columns, rows);
}
