// Typed binding of a parsed $filter/$orderby expression against the entity type of a level:
// names resolved, literals coerced, operand types checked (a mismatch is a 400 naming the types).
import type { ArithmeticOp, Expr } from '../uri/ast';
import { BadRequestError } from '../../errors/catalogue';
import { BOOLEAN, edmName, type BoundExpr, type ScalarType } from './bound-expr';
import { bindCall } from './bind-function';
import { bindLiteral, checkComparable, coerceTo, isNumeric } from './bind-literal';
import { bindMember, openLambda, type BindContext } from './bind-member';
import { formatExactDecimal, parseExactDecimal } from './exact-decimal';

function requireBoolean(node: BoundExpr, what: string): BoundExpr {
  if (node.type.kind !== 'boolean') throw new BadRequestError(`${what} must be Edm.Boolean, not ${edmName(node.type)}`);
  return node;
}

const scaleOf = (t: ScalarType): number => (t.kind === 'decimal' ? t.scale : 0);

function arithType(op: ArithmeticOp, a: ScalarType, b: ScalarType): ScalarType {
  if (!isNumeric(a) || !isNumeric(b)) {
    throw new BadRequestError(`The operator '${op}' needs numeric operands, not ${edmName(a)} and ${edmName(b)}`);
  }
  const ints = a.kind === 'int' && b.kind === 'int';
  switch (op) {
    case 'add':
    case 'sub':
      if (ints) return { kind: 'int' };
      if (a.kind === 'double' || b.kind === 'double') return { kind: 'double' };
      return { kind: 'decimal', scale: Math.max(scaleOf(a), scaleOf(b)) };
    case 'mul':
    case 'div':
    case 'mod':
      // exact on integers; Decimal products/quotients fall back to double (documented in compile-numeric)
      return ints ? { kind: 'int' } : { kind: 'double' };
    case 'divby':
      return { kind: 'double' };
  }
}

function bindBinary(e: Extract<Expr, { kind: 'binary' }>, cx: BindContext): BoundExpr {
  let left = bindExpr(e.left, cx);
  let right = bindExpr(e.right, cx);
  switch (e.op) {
    case 'and':
    case 'or':
      return { kind: 'logical', type: BOOLEAN, op: e.op, left: requireBoolean(left, `The left operand of '${e.op}'`), right: requireBoolean(right, `The right operand of '${e.op}'`) };
    case 'eq': case 'ne': case 'gt': case 'ge': case 'lt': case 'le':
      left = coerceTo(left, right.type);
      right = coerceTo(right, left.type);
      checkComparable(e.op, left.type, right.type);
      return { kind: 'compare', type: BOOLEAN, op: e.op, left, right };
    case 'has':
      // the model has no flags enum (ContactRole is a plain enum), so `has` cannot be meaningful
      throw new BadRequestError(`The operator 'has' needs a flags enum; ${edmName(left.type)} is not one — use eq or in`);
    default:
      return { kind: 'arith', type: arithType(e.op, left.type, right.type), op: e.op, left, right };
  }
}

function bindIn(e: Extract<Expr, { kind: 'in' }>, cx: BindContext): BoundExpr {
  const operand = bindExpr(e.left, cx);
  const list = e.list.map((item) => {
    const bound = coerceTo(bindExpr(item, cx), operand.type);
    if (bound.kind !== 'literal') throw new BadRequestError("The list of 'in' may only contain literals");
    checkComparable('in', operand.type, bound.type);
    return bound;
  });
  return { kind: 'in', type: BOOLEAN, operand, list };
}

function bindNegate(e: Extract<Expr, { kind: 'negate' }>, cx: BindContext): BoundExpr {
  const operand = bindExpr(e.operand, cx);
  if (!isNumeric(operand.type)) throw new BadRequestError(`'-' needs a numeric operand, not ${edmName(operand.type)}`);
  if (operand.kind === 'literal') {
    const d = parseExactDecimal(String(operand.value));
    if (d) return { ...operand, value: formatExactDecimal({ unscaled: -d.unscaled, scale: d.scale }) };
  }
  return { kind: 'negate', type: operand.type, operand };
}

function bindLambda(e: Extract<Expr, { kind: 'lambda' }>, cx: BindContext): BoundExpr {
  if (e.op === 'all' && !e.predicate) throw new BadRequestError('all() needs a predicate');
  const { parentAlias, parentSet, nav, inner, cx: innerCx } = openLambda(e.path, e.variable, cx);
  const predicate = e.predicate ? requireBoolean(bindExpr(e.predicate, innerCx), `The predicate of ${e.op}()`) : undefined;
  return { kind: 'lambda', type: BOOLEAN, op: e.op, parentAlias, parentSet, nav, source: inner, ...(predicate ? { predicate } : {}) };
}

/** Binds any expression (a value or a predicate). */
export function bindExpr(e: Expr, cx: BindContext): BoundExpr {
  switch (e.kind) {
    case 'literal': return bindLiteral(e);
    case 'member': return bindMember(e.path, cx);
    case 'lambda': return bindLambda(e, cx);
    case 'binary': return bindBinary(e, cx);
    case 'in': return bindIn(e, cx);
    case 'not': return { kind: 'not', type: BOOLEAN, operand: requireBoolean(bindExpr(e.operand, cx), "The operand of 'not'") };
    case 'negate': return bindNegate(e, cx);
    case 'call': return bindCall(e, cx.now, (arg) => bindExpr(arg, cx));
  }
}

/** Binds a $filter: any expression of type Edm.Boolean. */
export function bindFilter(e: Expr, cx: BindContext): BoundExpr {
  return requireBoolean(bindExpr(e, cx), 'The $filter expression');
}
