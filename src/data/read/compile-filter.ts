// The one binder from bound $filter nodes to SQL (AspNetCoreOData's QueryBinder idea): an exhaustive
// switch over node kinds, each compiled to a knex.raw fragment whose values are all `?` bindings.
// Logic is OData's two-valued one: a comparison with null is false, and `not` treats unknown as false.
import type { Knex } from 'knex';
import type { Database } from '../db';
import type { TenantScope } from '../tenant-table';
import { assertNever, type BoundExpr } from '../../odata/query/bound-expr';
import { compileCompare, compileIn } from './compile-compare';
import { compileStringTest } from './compile-function';
import { compileLambda } from './compile-lambda';
import { compileValue } from './compile-value';
import { FALSE, TRUE, not, sql, type CompileContext, type Raw } from './sql-fragment';

function compilePredicate(cx: CompileContext, node: BoundExpr): Raw {
  switch (node.kind) {
    case 'compare': return compileCompare(cx, node);
    case 'logical': return node.op === 'and'
      ? sql(cx)`(${compilePredicate(cx, node.left)} AND ${compilePredicate(cx, node.right)})`
      : sql(cx)`(${compilePredicate(cx, node.left)} OR ${compilePredicate(cx, node.right)})`;
    case 'not': return not(cx, compilePredicate(cx, node.operand));
    case 'in': return compileIn(cx, node);
    case 'lambda': return compileLambda(cx, node);
    case 'call': return node.type.kind === 'boolean'
      ? compileStringTest(cx, node)
      : notPredicate(node);
    // a Boolean column is stored as 0/1
    case 'property': return node.type.kind === 'boolean' ? sql(cx)`(${compileValue(cx, node)} = 1)` : notPredicate(node);
    case 'literal': return node.value === true ? TRUE(cx) : FALSE(cx);
    case 'arith':
    case 'negate': return notPredicate(node);
    default: return assertNever(node);
  }
}

function notPredicate(node: BoundExpr): never {
  throw new Error(`compile-filter: a ${node.kind} of type ${node.type.kind} is not a predicate (binder bug)`);
}

/** A compile context for one request (dialect from the database, tenant for sub-selects; slotOf: statement-shapes.ts). */
export function createCompileContext(db: Database, scope: TenantScope, slotOf?: CompileContext['slotOf']): CompileContext {
  const cx: CompileContext = {
    db,
    knex: db.knex,
    dialect: db.dialect,
    scope,
    value: (node) => compileValue(cx, node),
    predicate: (node) => compilePredicate(cx, node),
    ...(slotOf ? { slotOf } : {}),
  };
  return cx;
}

/** Compiles a bound $filter into a WHERE fragment. */
export function compileFilter(cx: CompileContext, node: BoundExpr): Knex.Raw {
  return compilePredicate(cx, node);
}
