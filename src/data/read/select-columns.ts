// Which columns a level fetches and how: the selected properties, plus the key and Version (ids and
// ETags) and the columns $expand links by. BIGINT columns (Int64, scaled Decimal) are read as text
// on both dialects — better-sqlite3 would hand back JS numbers, which lose digits above 2^53.
import type { Knex } from 'knex';
import { complexType, property, typeOfSet } from '../../../metadata';
import type { LevelPlan } from '../../odata/query/plan';
import { tableOf, type Column } from '../../edm/db-schema';
import type { CompileContext } from './sql-fragment';

function selectedPaths(level: LevelPlan): string[] {
  const type = typeOfSet(level.set);
  return level.selected.flatMap((sp) => {
    const p = property(type, sp.name);
    if (p?.kind !== 'complex') return [sp.name];
    const members = sp.members ?? (complexType(p.type)?.properties ?? []).map((m) => m.name);
    return members.map((m) => `${sp.name}/${m}`);
  });
}

/** Columns of the level's table to fetch, in table order; `extra` are more model paths (link columns). */
export function columnsToFetch(level: LevelPlan, extra: readonly string[] = []): Column[] {
  const type = typeOfSet(level.set);
  const paths = new Set<string>([
    ...selectedPaths(level),
    ...type.key,
    ...(type.concurrency ? [type.concurrency] : []),
    ...level.expand.flatMap((e) => e.nav.on.map((pair) => pair.source)),
    ...extra,
  ]);
  return tableOf(level.set.name).columns.filter((c) => paths.has(c.path.join('/')));
}

export function selectColumns(cx: CompileContext, q: Knex.QueryBuilder, columns: readonly Column[], alias = 't0'): Knex.QueryBuilder {
  for (const c of columns) {
    const exactText = c.storage === 'bigint' || c.storage === 'scaled';
    q.select(cx.knex.raw(exactText ? 'CAST(?? AS TEXT) AS ??' : '?? AS ??', [`${alias}.${c.name}`, c.name]));
  }
  return q;
}
