// Builds the LevelPlan of one entity-set level (the root or one $expand), binding its options in
// the fixed order documented in build-plan.ts; nested $expand levels recurse up to maxExpandDepth.
import { navigation, qualified, typeOfSet, navigationTarget, type EntitySet, type NavigationProperty } from '../../../metadata';
import { BadRequestError, LimitExceededError, NotImplementedError, UnknownPropertyError } from '../../errors/catalogue';
import type { ExpandItem, QueryOptions } from '../uri/ast';
import type { BoundExpr, BoundOrderItem } from './bound-expr';
import { bindExpr, bindFilter } from './bind-expr';
import { bindMember, newBindContext, type BindContext } from './bind-member';
import { bindSearch, bindSelect } from './bind-select';
import type { ExpandPlan, LevelPlan } from './plan';

export interface LevelOptions {
  readonly maxExpandDepth: number;
  /** ISO text of the request time (now()) */
  readonly now: string;
}

/** Options valid OData but not implemented here: 501 rather than silently ignored. */
export function rejectUnsupported(o: QueryOptions): void {
  if (o.unsupported && o.unsupported.length > 0) throw new NotImplementedError(`Query option(s) not supported: ${o.unsupported.join(', ')}`);
  if (o.levels !== undefined) throw new NotImplementedError('$levels is not supported; nest $expand explicitly (up to the depth limit)');
}

const samePath = (a: BoundExpr, path: readonly string[]): boolean =>
  a.kind === 'property' && a.alias === 't0' && a.path.join('/') === path.join('/');

/** $orderby, then every key property not already ordered on, so paging is deterministic. */
function bindOrderBy(o: QueryOptions, cx: BindContext, set: EntitySet): BoundOrderItem[] {
  const items: BoundOrderItem[] = (o.orderby ?? []).map((item) => {
    const expr = bindExpr(item.expr, cx);
    if (expr.type.kind === 'null') throw new BadRequestError('$orderby needs a value that is not null');
    return { expr, direction: item.direction };
  });
  for (const key of typeOfSet(set).key) {
    if (!items.some((i) => samePath(i.expr, [key]))) items.push({ expr: bindMember([key], cx), direction: 'asc' });
  }
  return items;
}

function expandNavs(set: EntitySet, item: ExpandItem): NavigationProperty[] {
  if (item.ref) throw new NotImplementedError('$expand with /$ref is not supported');
  const type = typeOfSet(set);
  if (item.path.length === 1 && item.path[0] === '*') return [...type.navigation];
  const [name = '', ...rest] = item.path;
  const nav = navigation(type, name);
  if (!nav) throw new UnknownPropertyError(`The type '${qualified(type.name)}' has no navigation property '${name}'`, { target: name });
  if (rest.length > 0) throw new NotImplementedError(`$expand paths with more than one segment are not supported ('${item.path.join('/')}')`);
  return [nav];
}

function checkSingleValued(nav: NavigationProperty, o: QueryOptions): void {
  if (nav.collection) return;
  const bad = (['orderby', 'top', 'skip', 'count', 'search'] as const).filter((k) => o[k] !== undefined);
  if (bad.length > 0) throw new BadRequestError(`$${bad[0]} is not allowed inside $expand of the single-valued '${nav.name}'`);
}

function bindExpand(set: EntitySet, items: readonly ExpandItem[], depth: number, opts: LevelOptions): ExpandPlan[] {
  if (items.length > 0 && depth + 1 > opts.maxExpandDepth) {
    throw new LimitExceededError(`$expand is nested deeper than the limit of ${opts.maxExpandDepth}`);
  }
  const plans: ExpandPlan[] = [];
  for (const item of items) {
    rejectUnsupported(item.options);
    if (item.options.skiptoken !== undefined) throw new BadRequestError('$skiptoken is not allowed inside $expand');
    for (const nav of expandNavs(set, item)) {
      if (plans.some((p) => p.nav.name === nav.name)) throw new BadRequestError(`'${nav.name}' is expanded twice`);
      checkSingleValued(nav, item.options);
      plans.push({ nav, level: buildLevel(navigationTarget(set, nav), item.options, depth + 1, opts) });
    }
  }
  return plans;
}

/**
 * One level, options bound in the fixed order: filter, search, count, orderby (+ keys), select/expand,
 * skip, top. (The skiptoken and the page size belong to the root and are handled by build-plan.)
 */
export function buildLevel(set: EntitySet, o: QueryOptions, depth: number, opts: LevelOptions): LevelPlan {
  const cx = newBindContext(set, opts.now);
  const filter = o.filter ? bindFilter(o.filter, cx) : undefined;
  const search = o.search ? bindSearch(set, o.search, cx.root.alias) : undefined;
  const count = o.count === true;
  const orderBy = bindOrderBy(o, cx, set);
  const selected = bindSelect(set, o.select);
  const expand = bindExpand(set, o.expand ?? [], depth, opts);
  return {
    set,
    source: { alias: cx.root.alias, set, joins: cx.root.joins },
    ...(filter ? { filter } : {}),
    ...(search ? { search } : {}),
    count,
    orderBy,
    selected,
    expand,
    ...(o.skip !== undefined ? { skip: o.skip } : {}),
    ...(o.top !== undefined ? { top: o.top } : {}),
  };
}
