// Comparisons with OData null semantics (URL conventions §5.1.1.1): `eq null` is IS NULL, null eq null
// is true, `ne` is true when exactly one side is null, ordering against null is false. Numbers compare
// exactly: a Decimal literal is rescaled to the column's scale with BigInt, and one with more
// fractional digits than the column becomes the equivalent integer bound (x < 1.005 ⇔ x ≤ 100 at scale 2).
import type { ComparisonOp } from '../../odata/uri/ast';
import type { BoundExpr } from '../../odata/query/bound-expr';
import { INT64_MAX, INT64_MIN, rescaleFloor, type ExactDecimal } from '../../odata/query/exact-decimal';
import { literalDecimal, reprOf, toFloat, toScale } from './compile-numeric';
import { FALSE, TRUE, intParam, sql, type CompileContext, type Raw } from './sql-fragment';

type Compare = Extract<BoundExpr, { kind: 'compare' }>;

const FLIP: Readonly<Record<ComparisonOp, ComparisonOp>> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };
const SQL_OP: Readonly<Record<ComparisonOp, string>> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };

/** Whether the SQL value of a node can be NULL (two-valued predicates never are). */
export function mayBeNull(node: BoundExpr): boolean {
  switch (node.kind) {
    case 'property': return node.nullable;
    case 'literal': return node.value === null;
    case 'arith': return mayBeNull(node.left) || mayBeNull(node.right);
    case 'negate': return mayBeNull(node.operand);
    case 'call': return node.args.some(mayBeNull);
    default: return false;
  }
}

/** `a op b` where `b` is never NULL unless `bNullable`. */
export function compareRaw(cx: CompileContext, op: ComparisonOp, a: Raw, b: Raw, aNullable: boolean, bNullable: boolean): Raw {
  const s = sql(cx);
  if (op === 'eq' && aNullable && bNullable) return s`(${a} IS NOT DISTINCT FROM ${b})`;
  if (op === 'ne' && aNullable && bNullable) return s`(${a} IS DISTINCT FROM ${b})`;
  if (op === 'ne' && (aNullable || bNullable)) return s`(${a} <> ${b} OR ${aNullable ? a : b} IS NULL)`;
  return cx.knex.raw(`(? ${SQL_OP[op]} ?)`, [a, b]);
}

function compareNull(cx: CompileContext, op: ComparisonOp, other: BoundExpr): Raw {
  const otherIsNull = other.kind === 'literal' && other.value === null;
  if (op !== 'eq' && op !== 'ne') return FALSE(cx);
  if (otherIsNull) return op === 'eq' ? TRUE(cx) : FALSE(cx);
  const x = cx.value(other);
  return op === 'eq' ? sql(cx)`(${x} IS NULL)` : sql(cx)`(${x} IS NOT NULL)`;
}

/** `x op literal` for an exact integer x of `scale`, exact for any literal precision and range. */
function compareScaledLiteral(cx: CompileContext, op: ComparisonOp, x: BoundExpr, scale: number, lit: ExactDecimal): Raw {
  const { floor, exact } = rescaleFloor(lit, scale);
  const raw = cx.value(x);
  if (exact && floor >= INT64_MIN && floor <= INT64_MAX) return compareRaw(cx, op, raw, intParam(cx, floor), mayBeNull(x), false);
  // not representable: x can never equal it; order against the nearest representable integers
  const f = floor > INT64_MAX ? INT64_MAX : floor < INT64_MIN ? INT64_MIN - 1n : floor;
  switch (op) {
    case 'eq': return FALSE(cx);
    case 'ne': return TRUE(cx);
    case 'lt':
    case 'le': return f < INT64_MIN ? FALSE(cx) : sql(cx)`(${raw} <= ${intParam(cx, f)})`;
    case 'gt':
    case 'ge': return f >= INT64_MAX ? FALSE(cx) : sql(cx)`(${raw} >= ${intParam(cx, f + 1n)})`;
  }
}

function compareLiterals(cx: CompileContext, op: ComparisonOp, a: ExactDecimal, b: ExactDecimal): Raw {
  const scale = Math.max(a.scale, b.scale);
  const x = a.unscaled * 10n ** BigInt(scale - a.scale);
  const y = b.unscaled * 10n ** BigInt(scale - b.scale);
  const r = { eq: x === y, ne: x !== y, gt: x > y, ge: x >= y, lt: x < y, le: x <= y }[op];
  return r ? TRUE(cx) : FALSE(cx);
}

function compareNumbers(cx: CompileContext, op: ComparisonOp, left: BoundExpr, right: BoundExpr): Raw {
  const litL = literalDecimal(left);
  const litR = literalDecimal(right);
  if (litL && litR) return compareLiterals(cx, op, litL, litR);
  const rl = reprOf(left.type);
  const rr = reprOf(right.type);
  if (rl.kind === 'float' || rr.kind === 'float') {
    return compareRaw(cx, op, toFloat(cx, left), toFloat(cx, right), mayBeNull(left), mayBeNull(right));
  }
  if (litR) return compareScaledLiteral(cx, op, left, rl.scale, litR);
  if (litL) return compareScaledLiteral(cx, FLIP[op], right, rr.scale, litL);
  const scale = Math.max(rl.scale, rr.scale);
  return compareRaw(cx, op, toScale(cx, left, scale), toScale(cx, right, scale), mayBeNull(left), mayBeNull(right));
}

const isNumber = (n: BoundExpr): boolean => ['int', 'decimal', 'double'].includes(n.type.kind);
const isNullLiteral = (n: BoundExpr): boolean => n.kind === 'literal' && n.value === null;

export function compileCompare(cx: CompileContext, node: Compare): Raw {
  const { op, left, right } = node;
  if (isNullLiteral(left)) return compareNull(cx, op, right);
  if (isNullLiteral(right)) return compareNull(cx, op, left);
  if (isNumber(left) && isNumber(right)) return compareNumbers(cx, op, left, right);
  return compareRaw(cx, op, cx.value(left), cx.value(right), mayBeNull(left), mayBeNull(right));
}

/** `x in (l1, l2 …)`: numbers exactly (a literal the column cannot hold never matches), null via IS NULL. */
export function compileIn(cx: CompileContext, node: Extract<BoundExpr, { kind: 'in' }>): Raw {
  const values = node.list.filter((item) => !isNullLiteral(item));
  const withNull = values.length < node.list.length;
  let parts: Raw[];
  if (isNumber(node.operand)) {
    parts = values.map((item) => compileCompare(cx, { kind: 'compare', type: node.type, op: 'eq', left: node.operand, right: item }));
  } else {
    const list = values.map((item) => cx.value(item));
    parts = list.length === 0 ? [] : [cx.knex.raw(`(? IN (${list.map(() => '?').join(', ')}))`, [cx.value(node.operand), ...list])];
  }
  if (withNull) parts.push(sql(cx)`(${cx.value(node.operand)} IS NULL)`);
  if (parts.length === 0) return FALSE(cx);
  return cx.knex.raw(`(${parts.map(() => '?').join(' OR ')})`, parts);
}
