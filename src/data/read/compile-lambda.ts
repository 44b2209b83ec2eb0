// any()/all() over a collection navigation as a correlated EXISTS whose sub-select starts from
// tenantTable, so the tenant predicate holds inside lambdas too.
import type { BoundExpr } from '../../odata/query/bound-expr';
import { tenantTable } from '../tenant-table';
import { applyJoins } from './apply-joins';
import { columnOf, not, sql, type CompileContext, type Raw } from './sql-fragment';

type Lambda = Extract<BoundExpr, { kind: 'lambda' }>;

export function compileLambda(cx: CompileContext, node: Lambda): Raw {
  const { source, nav } = node;
  const sub = tenantTable(cx.db, cx.scope, source.set.name, source.alias).select(cx.knex.raw('1'));
  applyJoins(cx, sub, source.joins);
  for (const pair of nav.on) {
    // pair.source is on the parent, pair.target on the collection's rows (metadata/edm-types)
    sub.whereRaw('?? = ??', [`${source.alias}.${columnOf(source.set.name, [pair.target]).name}`, `${node.parentAlias}.${columnOf(node.parentSet.name, [pair.source]).name}`]);
  }
  if (node.op === 'any') {
    if (node.predicate) sub.where(cx.predicate(node.predicate));
    return sql(cx)`(EXISTS ${sub})`;
  }
  // all(p) ⇔ no member for which p is not true
  if (node.predicate) sub.where(not(cx, cx.predicate(node.predicate)));
  return sql(cx)`(NOT EXISTS ${sub})`;
}
