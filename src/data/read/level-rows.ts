// The rows of a level before ordering and paging: tenantTable (the only way in), the level's joins,
// $filter and $search — and, for the root, the resource path (key, and EXISTS over each parent
// step, every one of which again starts from tenantTable).
import type { Knex } from 'knex';
import type { LevelPlan, PathStep } from '../../odata/query/plan';
import { tenantTable } from '../tenant-table';
import { applyJoins } from './apply-joins';
import { compileFilter } from './compile-filter';
import { compileSearch } from './compile-search';
import { columnOf, INLINE_NUMBER, type CompileContext } from './sql-fragment';
import { runSelect } from './run-select';

export function levelRows(cx: CompileContext, level: LevelPlan): Knex.QueryBuilder {
  const q = tenantTable(cx.db, cx.scope, level.set.name, level.source.alias);
  applyJoins(cx, q, level.source.joins);
  if (level.filter) q.where(compileFilter(cx, level.filter));
  if (level.search) q.where(compileSearch(cx, level.search));
  return q;
}

function parentRows(cx: CompileContext, steps: readonly PathStep[], childIndex: number, childAlias: string): Knex.QueryBuilder {
  const parent = steps[childIndex - 1];
  const child = steps[childIndex];
  if (!parent || !child?.nav) throw new Error('level-rows: a navigation step without a parent');
  const alias = `p${childIndex - 1}`;
  const sub = tenantTable(cx.db, cx.scope, parent.set.name, alias).select(cx.knex.raw('1'));
  for (const pair of child.nav.on) {
    sub.whereRaw('?? = ??', [`${alias}.${columnOf(parent.set.name, [pair.source]).name}`, `${childAlias}.${columnOf(child.set.name, [pair.target]).name}`]);
  }
  return constrainToPath(cx, sub, steps.slice(0, childIndex), alias);
}

/** Restricts `q` (rows of the last step's set, as `alias`) to what the path addresses. */
export function constrainToPath(cx: CompileContext, q: Knex.QueryBuilder, steps: readonly PathStep[], alias: string): Knex.QueryBuilder {
  const last = steps.length - 1;
  const step = steps[last];
  if (!step) throw new Error('level-rows: empty path');
  for (const part of step.key ?? []) q.where(`${alias}.${columnOf(step.set.name, [part.property]).name}`, cx.slotOf?.(part) ?? part.value);
  if (last > 0) q.whereExists(parentRows(cx, steps, last, alias));
  return q;
}

/** Whether the entity a navigation path starts from exists (else the path is a 404). */
export async function pathExists(cx: CompileContext, steps: readonly PathStep[]): Promise<boolean> {
  const last = steps[steps.length - 1];
  if (!last) return false;
  const q = tenantTable(cx.db, cx.scope, last.set.name, 't0').select(cx.knex.raw('1 AS ??', ['one']));
  const rows = await runSelect(cx.db, constrainToPath(cx, q, steps, 't0').limit(1, INLINE_NUMBER));
  return rows.length > 0;
}
