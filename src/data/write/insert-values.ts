// One multi-row INSERT … VALUES per chunk, on both dialects, for the write side's bulk appends
// (a sync's entities, its events and outbox rows). Chunks stay under SQLite's 32,766 bind
// parameters (PostgreSQL allows 65,535). Raw SQL: knex's builder writes SELECT … UNION ALL on
// SQLite (capped at 500 terms) and is slow to compile for thousands of rows; and unlike unnest()
// arrays, VALUES needs no array-literal escaping of long JSON payloads.
import { chunked } from './statement-chunks';
import { quoteId } from './write-sql';
import { runWrite } from './write-statements';
import type { WriteTx } from './write-tx';

export type InsertValue = string | number | null;

const MAX_PARAMS = 32_000;

/** The INSERT of `count` rows of `columns` into `table` (bind the rows' values in column order). */
export function insertValuesSql(table: string, columns: readonly string[], count: number): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${quoteId(table)} (${columns.map(quoteId).join(', ')}) VALUES ${new Array<string>(count).fill(tuple).join(', ')}`;
}

/** INSERTs `rows` into `table`, each row's values in the order of `columns`, in row order. */
export async function insertValues(tx: WriteTx, table: string, columns: readonly string[], rows: ReadonlyArray<readonly InsertValue[]>): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (const chunk of chunked(tx.dialect, rows, perStatement)) {
    await runWrite(tx, insertValuesSql(table, columns, chunk.length), chunk.flat());
  }
}
