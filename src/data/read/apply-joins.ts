// LEFT JOINs for single-valued navigation paths in $filter/$orderby (`Customer/Name`). Each joined
// row is pinned to the caller's tenant explicitly, on top of the per-tenant foreign key.
import type { Knex } from 'knex';
import type { BoundJoin } from '../../odata/query/bound-expr';
import { TENANT_COLUMN, tableOf } from '../../edm/db-schema';
import { columnOf, type CompileContext } from './sql-fragment';

export function applyJoins(cx: CompileContext, q: Knex.QueryBuilder, joins: readonly BoundJoin[]): Knex.QueryBuilder {
  for (const j of joins) {
    const table = tableOf(j.set.name).table;
    q.leftJoin({ [j.alias]: table }, function on(this: Knex.JoinClause) {
      this.onVal(`${j.alias}.${TENANT_COLUMN}`, '=', cx.scope.tenantId);
      for (const pair of j.nav.on) {
        this.andOn(`${j.alias}.${columnOf(j.set.name, [pair.target]).name}`, '=', `${j.parentAlias}.${columnOf(j.parentSet.name, [pair.source]).name}`);
      }
    });
  }
  return q;
}
