// Bound expression → SQL value in storage form: exact integers for Int32/Int64/Decimal(scaled)/enum/
// Boolean (0/1), text for strings and ISO dates. Predicates used as values become 1/0.
import { BadRequestError } from '../../errors/catalogue';
import { assertNever, type BoundExpr } from '../../odata/query/bound-expr';
import { INT64_MAX, INT64_MIN, parseExactDecimal } from '../../odata/query/exact-decimal';
import { compileCall } from './compile-function';
import { compileArith, compileNegate } from './compile-numeric';
import { NULL, columnOf, ident, intParam, sql, textParam, type CompileContext, type Raw } from './sql-fragment';

type Literal = Extract<BoundExpr, { kind: 'literal' }>;

function compileLiteral(cx: CompileContext, node: Literal): Raw {
  const t = node.type;
  if (node.value === null) return NULL(cx);
  switch (t.kind) {
    case 'string':
    case 'date':
    case 'dateTimeOffset':
    case 'timeOfDay': return textParam(cx, cx.slotOf?.(node) ?? String(node.value));
    case 'boolean': return intParam(cx, node.value === true ? 1 : 0);
    case 'int':
    case 'decimal':
    case 'enum': {
      const d = parseExactDecimal(String(node.value));
      if (!d) throw new BadRequestError(`'${String(node.value)}' is not a number`);
      // comparisons rescale out-of-range literals themselves; anywhere else BIGINT is the limit
      if (d.unscaled < INT64_MIN || d.unscaled > INT64_MAX) throw new BadRequestError(`The literal '${String(node.value)}' is out of range`);
      return intParam(cx, d.unscaled);
    }
    case 'double': throw new BadRequestError('A non-finite Edm.Double literal cannot be compared with stored numbers');
    case 'null': return NULL(cx);
    default: return assertNever(t, 'literal type');
  }
}

/** Value of any bound node (exhaustive over node kinds). */
export function compileValue(cx: CompileContext, node: BoundExpr): Raw {
  switch (node.kind) {
    case 'property': return ident(cx, node.alias, columnOf(node.set.name, node.path).name);
    case 'literal': return compileLiteral(cx, node);
    case 'arith': return compileArith(cx, node);
    case 'negate': return compileNegate(cx, node);
    case 'call': return compileCall(cx, node);
    case 'compare':
    case 'logical':
    case 'not':
    case 'in':
    case 'lambda': return sql(cx)`(CASE WHEN ${cx.predicate(node)} THEN 1 ELSE 0 END)`;
    default: return assertNever(node);
  }
}
