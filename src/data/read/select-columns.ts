// The SELECT list of a level: its shape's columns (level-shape.ts). BIGINT columns (Int64, scaled
// Decimal) are read as text on both dialects — better-sqlite3 would hand back JS numbers, which
// lose digits above 2^53. The list holds identifiers only, so it is rendered to SQL text once per
// shape, dialect and alias instead of as one knex fragment per column and request.
import type { Knex } from 'knex';
import type { LevelPlan } from '../../odata/query/plan';
import type { Column } from '../../edm/db-schema';
import { levelShape, type LevelShape } from './level-shape';
import type { CompileContext } from './sql-fragment';

/** Columns of the level's table to fetch, in table order. */
export function columnsToFetch(level: LevelPlan): readonly Column[] {
  return levelShape(level).columns;
}

/** Whether the column is read as `CAST(… AS TEXT)` (exact integers) rather than as stored. */
export const readsAsText = (c: Column): boolean => c.storage === 'bigint' || c.storage === 'scaled';

function selectList(cx: CompileContext, columns: readonly Column[], alias: string): string {
  return columns
    .map((c) => cx.knex.raw(readsAsText(c) ? 'CAST(?? AS TEXT) AS ??' : '?? AS ??', [`${alias}.${c.name}`, c.name]).toQuery())
    .join(', ');
}

export function selectColumns(cx: CompileContext, q: Knex.QueryBuilder, shape: LevelShape, alias = 't0'): Knex.QueryBuilder {
  const key = `${cx.dialect}:${alias}`;
  let text = shape.selectLists.get(key);
  if (text === undefined) {
    text = selectList(cx, shape.columns, alias);
    shape.selectLists.set(key, text);
  }
  return q.select(cx.knex.raw(text));
}
