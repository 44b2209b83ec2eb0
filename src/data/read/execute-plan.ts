// Executes a QueryPlan: one SELECT for the addressed rows (keyset, order, skip, limit — in the order
// of build-plan.ts), one per $expand level (load-expansions), and one COUNT when $count is asked.
import type { Knex } from 'knex';
import type { QueryPlan, SkipTokenValue } from '../../odata/query/plan';
import type { EntityRecord } from '../../odata/query/read-result';
import { keysetPredicate } from './compile-keyset';
import { applyOrder, orderTerms, selectTokenValues, tokenColumns } from './compile-order';
import { constrainToPath, levelRows } from './level-rows';
import { loadExpansions } from './load-expansions';
import { toFetched } from './row-to-record';
import { selectColumns } from './select-columns';
import { levelShape } from './level-shape';
import { INLINE_NUMBER, type CompileContext } from './sql-fragment';
import { levelKey, pathKey, ShapeSlots } from './shape-key';
import { selectByShape } from './statement-shapes';

export interface Page {
  readonly entities: readonly EntityRecord[];
  /** true when rows beyond `limit` exist (server-driven paging) */
  readonly more: boolean;
  /** the last delivered row's order values (the next $skiptoken), when `more` */
  readonly last?: readonly SkipTokenValue[];
}

export interface PageLimit {
  readonly limit: number;
  /** fetch one row more than `limit` to learn whether another page exists */
  readonly probe: boolean;
}

/** The root SELECT: rows of the path and level, keyset, order, skip and limit. */
function rootQuery(cx: CompileContext, plan: QueryPlan, page: PageLimit, tokens: readonly string[]): Knex.QueryBuilder {
  const level = plan.root;
  const q = constrainToPath(cx, levelRows(cx, level), plan.path.steps, level.source.alias);
  const terms = plan.path.kind === 'collection' ? orderTerms(cx, level.orderBy) : [];
  if (plan.skiptoken) q.where(keysetPredicate(cx, terms, plan.skiptoken));
  selectColumns(cx, q, levelShape(level));
  selectTokenValues(cx, q, terms, tokens);
  applyOrder(q, terms);
  // Literal LIMIT/OFFSET (Int32s from the parser): see INLINE_NUMBER.
  if (level.skip !== undefined && level.skip > 0) q.offset(level.skip, INLINE_NUMBER);
  return q.limit(page.probe ? page.limit + 1 : page.limit, INLINE_NUMBER);
}

/**
 * The root statement's shape key (statement-shapes.ts); none with a $skiptoken, whose keyset values
 * differ on every page and would only fill the cache.
 */
function rootShapeKey(plan: QueryPlan, page: PageLimit, slots: ShapeSlots): string | undefined {
  if (plan.skiptoken) return undefined;
  const ordered = plan.path.kind === 'collection';
  return `root${pathKey(plan.path.steps, slots)}:${plan.path.kind}:${levelKey(plan.root, slots, ordered)}:${plan.root.skip ?? 0}:${page.probe ? page.limit + 1 : page.limit}`;
}

/** Rows of the plan's root level with their expansions. */
export async function readRootPage(cx: CompileContext, plan: QueryPlan, page: PageLimit): Promise<Page> {
  const level = plan.root;
  const shape = levelShape(level);
  // An entity or property path addresses at most one row: nothing to order, no token to remember.
  const tokens = plan.path.kind === 'collection' ? tokenColumns(level.orderBy, level.source.alias, shape) : [];
  const slots = new ShapeSlots(cx.scope.tenantId);
  const rows = await selectByShape(cx, rootShapeKey(plan, page, slots), slots, (c) => rootQuery(c, plan, page, tokens));
  const more = page.probe && rows.length > page.limit;
  const delivered = more ? rows.slice(0, page.limit) : rows;
  const fetched = delivered.map((r) => toFetched(shape, r));
  await loadExpansions(cx, fetched, level);
  const lastRow = delivered[delivered.length - 1];
  const last = more && lastRow ? tokens.map((name) => (lastRow[name] ?? null) as SkipTokenValue) : undefined;
  return { entities: fetched.map((f) => f.record), more, ...(last ? { last } : {}) };
}

/** COUNT(*) of the root rows after path, $filter and $search — ignoring order, skip, top and paging. */
export async function countRoot(cx: CompileContext, plan: QueryPlan): Promise<number> {
  const slots = new ShapeSlots(cx.scope.tenantId);
  const key = `count${pathKey(plan.path.steps, slots)}:${levelKey(plan.root, slots, false)}`;
  const [row] = await selectByShape(cx, key, slots, (c) =>
    constrainToPath(c, levelRows(c, plan.root), plan.path.steps, plan.root.source.alias).count({ n: '*' }));
  return Number(row?.n ?? 0);
}
