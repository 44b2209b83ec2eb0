// The $skiptoken predicate: rows strictly after the token's row in the level's order (user order +
// keys, so "after" is total). Written as the OR-of-ANDs expansion because the terms mix directions
// and OData null placement (NULLS FIRST asc / LAST desc), which a row-value comparison cannot express.
import type { SkipTokenValue } from '../../odata/query/plan';
import type { OrderTerm } from './compile-order';
import { FALSE, floatParam, intParam, sql, textParam, type CompileContext, type Raw } from './sql-fragment';

function param(cx: CompileContext, term: OrderTerm, v: string | number): Raw {
  switch (term.kind) {
    case 'int': return intParam(cx, String(v));
    case 'float': return floatParam(cx, Number(v));
    case 'text': return textParam(cx, String(v));
  }
}

function equal(cx: CompileContext, t: OrderTerm, v: SkipTokenValue): Raw {
  return v === null ? sql(cx)`(${t.expr} IS NULL)` : sql(cx)`(${t.expr} = ${param(cx, t, v)})`;
}

function after(cx: CompileContext, t: OrderTerm, v: SkipTokenValue): Raw {
  if (t.direction === 'asc') return v === null ? sql(cx)`(${t.expr} IS NOT NULL)` : sql(cx)`(${t.expr} > ${param(cx, t, v)})`;
  // descending, nulls last: after null there is nothing in this term
  return v === null ? FALSE(cx) : sql(cx)`(${t.expr} < ${param(cx, t, v)} OR ${t.expr} IS NULL)`;
}

export function keysetPredicate(cx: CompileContext, terms: readonly OrderTerm[], values: readonly SkipTokenValue[]): Raw {
  const disjuncts = terms.map((t, i) => {
    const parts = [...terms.slice(0, i).map((p, j) => equal(cx, p, values[j] ?? null)), after(cx, t, values[i] ?? null)];
    return cx.knex.raw(`(${parts.map(() => '?').join(' AND ')})`, parts);
  });
  if (disjuncts.length === 0) return FALSE(cx);
  return cx.knex.raw(`(${disjuncts.map(() => '?').join(' OR ')})`, disjuncts);
}
