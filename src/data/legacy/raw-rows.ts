// The rows of a knex.raw result on either dialect (pg wraps them in { rows }).
import type { Database } from '../db';

export async function rawRows(db: Database, sql: string, bindings: ReadonlyArray<string | number>): Promise<Array<Record<string, unknown>>> {
  const result = (await db.knex.raw(sql, bindings)) as unknown;
  return (db.dialect === 'pg' ? (result as { rows: unknown[] }).rows : result) as Array<Record<string, unknown>>;
}
