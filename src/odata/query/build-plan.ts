// Turns a parsed ODataUri into a QueryPlan. Query options are applied in ONE fixed order, as
// AspNetCoreOData's ODataQueryOptions.ApplyTo does, and src/data/read executes them in that order:
//   1 $filter  2 $search  3 $count (counts rows after 1–2 only)  4 $orderby + key properties (stable)
//   5 $skiptoken (keyset: rows after the token's row)  6 $select/$expand  7 $skip  8 $top  9 page size
import { BadRequestError } from '../../errors/catalogue';
import type { ODataUri, QueryOptions } from '../uri/ast';
import { bindPath } from './bind-path';
import { buildLevel, rejectUnsupported } from './build-level';
import type { ResourceKind, QueryPlan } from './plan';
import { decodeSkipToken } from './skiptoken';

export interface PlanOptions {
  /** server-driven page size (Prefer odata.maxpagesize); clamped to 1…1000, default 100 */
  readonly pageSize?: number;
  readonly maxExpandDepth: number;
  /** request time: the value of now() */
  readonly now: Date;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export function clampPageSize(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n) || n < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.trunc(n));
}

/** Options that only make sense on a collection. */
const COLLECTION_ONLY = ['filter', 'search', 'orderby', 'top', 'skip', 'count', 'skiptoken'] as const;

function checkApplicable(kind: ResourceKind, o: QueryOptions): QueryOptions {
  if (kind === 'collection') return o;
  if (kind === 'count') {
    // /$count counts what $filter and $search select; the other options do not change a count
    return { ...(o.filter ? { filter: o.filter } : {}), ...(o.search ? { search: o.search } : {}) };
  }
  const bad: string[] = COLLECTION_ONLY.filter((k) => o[k] !== undefined);
  if (kind === 'property') bad.push(...(['select', 'expand'] as const).filter((k) => o[k] !== undefined));
  if (bad.length > 0) throw new BadRequestError(`$${bad[0]} cannot be applied to a single ${kind === 'entity' ? 'entity' : 'property'}`);
  return o;
}

/** Binds the path and every query option; throws the catalogue's 400/404/501 errors. */
export function buildPlan(uri: ODataUri, opts: PlanOptions): QueryPlan {
  rejectUnsupported(uri.options);
  const path = bindPath(uri.segments);
  const options = checkApplicable(path.kind, uri.options);
  const root = buildLevel(path.target, options, 0, { maxExpandDepth: opts.maxExpandDepth, now: opts.now.toISOString() });
  const skiptoken = options.skiptoken !== undefined ? decodeSkipToken(options.skiptoken, root.orderBy) : undefined;
  return { path, root, pageSize: clampPageSize(opts.pageSize), ...(skiptoken ? { skiptoken } : {}) };
}
