// Numbers in SQL. Int32/Int64 and Decimal (a BIGINT scaled by 10^scale, see edm/db-schema) stay
// exact: add/sub align scales by integer multiplication, round/floor/ceiling use integer division,
// literals are rescaled in JS with BigInt. Decimal mul/div/mod and divby fall back to IEEE double
// (identical on both dialects, but approximate) — integer mul/div/mod stay exact (div truncates).
// Division by zero yields null on both dialects (NULLIF), instead of PostgreSQL's error.
import { BadRequestError } from '../../errors/catalogue';
import type { ArithOp, BoundExpr, ScalarType } from '../../odata/query/bound-expr';
import { INT64_MAX, INT64_MIN, parseExactDecimal, type ExactDecimal } from '../../odata/query/exact-decimal';
import { castFloat, floatParam, intParam, sql, type CompileContext, type Raw } from './sql-fragment';

/** An SQL number: exact integer in units of 10^-scale, or a double. */
export type NumRepr = { readonly kind: 'scaled'; readonly scale: number } | { readonly kind: 'float' };

export interface SqlNumber {
  readonly raw: Raw;
  readonly repr: NumRepr;
}

export const reprOf = (t: ScalarType): NumRepr =>
  t.kind === 'double' ? { kind: 'float' } : { kind: 'scaled', scale: t.kind === 'decimal' ? t.scale : 0 };

export function literalDecimal(node: BoundExpr): ExactDecimal | undefined {
  return node.kind === 'literal' && node.value !== null ? parseExactDecimal(String(node.value)) : undefined;
}

function checkedInt(value: bigint): bigint {
  if (value < INT64_MIN || value > INT64_MAX) throw new BadRequestError('A numeric literal is outside the range of Edm.Int64');
  return value;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** The node as an exact integer of `scale` (≥ its own scale). */
export function toScale(cx: CompileContext, node: BoundExpr, scale: number): Raw {
  const own = reprOf(node.type);
  const d = scale - (own.kind === 'scaled' ? own.scale : 0);
  const lit = literalDecimal(node);
  if (lit) return intParam(cx, checkedInt(lit.unscaled * pow10(scale - lit.scale)));
  const x = cx.value(node);
  return d === 0 ? x : sql(cx)`(${x} * ${intParam(cx, pow10(d))})`;
}

/** The node as a double (exact values divided by their scale factor). */
export function toFloat(cx: CompileContext, node: BoundExpr): Raw {
  const lit = literalDecimal(node);
  if (lit) return floatParam(cx, Number(String(node.kind === 'literal' ? node.value : '')));
  const repr = reprOf(node.type);
  const x = cx.value(node);
  if (repr.kind === 'float') return x;
  const f = castFloat(cx, x);
  return repr.scale === 0 ? f : sql(cx)`(${f} / ${floatParam(cx, 10 ** repr.scale)})`;
}

function exactArith(cx: CompileContext, op: ArithOp, a: Raw, b: Raw): Raw {
  const s = sql(cx);
  switch (op) {
    case 'add': return s`(${a} + ${b})`;
    case 'sub': return s`(${a} - ${b})`;
    case 'mul': return s`(${a} * ${b})`;
    case 'div': return s`(${a} / NULLIF(${b}, 0))`;
    case 'mod': return s`(${a} % NULLIF(${b}, 0))`;
    case 'divby': throw new Error('divby is always float');
  }
}

function floatArith(cx: CompileContext, op: ArithOp, a: Raw, b: Raw): Raw {
  const s = sql(cx);
  switch (op) {
    case 'add': return s`(${a} + ${b})`;
    case 'sub': return s`(${a} - ${b})`;
    case 'mul': return s`(${a} * ${b})`;
    case 'div':
    case 'divby': return s`(${a} / NULLIF(${b}, 0))`;
    // PostgreSQL has no % for double precision: a - b·trunc(a/b) is the same remainder everywhere
    case 'mod': return s`(${a} - ${b} * trunc(${a} / NULLIF(${b}, 0)))`;
  }
}

export function compileArith(cx: CompileContext, node: Extract<BoundExpr, { kind: 'arith' }>): Raw {
  const repr = reprOf(node.type);
  if (repr.kind === 'float') return floatArith(cx, node.op, toFloat(cx, node.left), toFloat(cx, node.right));
  return exactArith(cx, node.op, toScale(cx, node.left, repr.scale), toScale(cx, node.right, repr.scale));
}

export function compileNegate(cx: CompileContext, node: Extract<BoundExpr, { kind: 'negate' }>): Raw {
  return sql(cx)`(- ${cx.value(node.operand)})`;
}

/** round (half away from zero), floor, ceiling: exact on scaled integers, via floor/ceil on doubles. */
export function compileRounding(cx: CompileContext, name: 'round' | 'floor' | 'ceiling', arg: BoundExpr): Raw {
  const s = sql(cx);
  const repr = reprOf(arg.type);
  const x = cx.value(arg);
  if (repr.kind === 'float') {
    if (name === 'floor') return s`floor(${x})`;
    if (name === 'ceiling') return s`ceil(${x})`;
    // PostgreSQL rounds double ties to even; this form rounds half away from zero on both
    const h = floatParam(cx, 0.5);
    return s`(CASE WHEN ${x} >= 0 THEN floor(${x} + ${h}) ELSE ceil(${x} - ${h}) END)`;
  }
  if (repr.scale === 0) return x;
  const f = intParam(cx, pow10(repr.scale));
  // integer division truncates toward zero on both dialects; the remainder's sign corrects it
  if (name === 'floor') return s`((${x} / ${f}) - CASE WHEN (${x} % ${f}) < 0 THEN 1 ELSE 0 END)`;
  if (name === 'ceiling') return s`((${x} / ${f}) + CASE WHEN (${x} % ${f}) > 0 THEN 1 ELSE 0 END)`;
  const h = intParam(cx, pow10(repr.scale) / 2n);
  return s`(CASE WHEN ${x} >= 0 THEN (${x} + ${h}) / ${f} ELSE (${x} - ${h}) / ${f} END)`;
}
