// $orderby in SQL with OData's null order on both dialects: NULLS FIRST ascending, NULLS LAST
// descending (PostgreSQL's default is the opposite, so it is always spelled out). Each term also
// yields the value the keyset $skiptoken stores (exact integers as text, so BIGINTs survive JS).
import type { Knex } from 'knex';
import type { BoundOrderItem } from '../../odata/query/bound-expr';
import { tokenKind, type TokenKind } from '../../odata/query/skiptoken';
import type { LevelShape } from './level-shape';
import { readsAsText } from './select-columns';
import { castText, columnOf, type CompileContext, type Raw } from './sql-fragment';

export interface OrderTerm {
  readonly expr: Raw;
  readonly direction: 'asc' | 'desc';
  readonly kind: TokenKind;
  /** `expr ASC NULLS FIRST` / `expr DESC NULLS LAST` */
  readonly clause: Raw;
  /** what to SELECT to remember this term's value for the skiptoken */
  readonly tokenValue: Raw;
}

export function orderTerms(cx: CompileContext, items: readonly BoundOrderItem[]): OrderTerm[] {
  return items.map((item) => {
    const expr = cx.value(item.expr);
    const kind = tokenKind(item.expr.type);
    const clause = cx.knex.raw(item.direction === 'asc' ? '? ASC NULLS FIRST' : '? DESC NULLS LAST', [expr]);
    return { expr, direction: item.direction, kind, clause, tokenValue: kind === 'int' ? castText(cx, expr) : expr };
  });
}

/** The comma-separated ORDER BY list (also used inside ROW_NUMBER() OVER (…)). */
export function orderList(cx: CompileContext, terms: readonly OrderTerm[]): Raw {
  return cx.knex.raw(terms.map(() => '?').join(', '), terms.map((t) => t.clause));
}

export function applyOrder(q: Knex.QueryBuilder, terms: readonly OrderTerm[]): Knex.QueryBuilder {
  for (const t of terms) q.orderByRaw(t.clause);
  return q;
}

/**
 * The result column holding each term's token value: the selected column itself when the term is a
 * property of the level's own row read exactly as the token stores it (text for exact integers),
 * else an extra `__o<i>`. A duplicate column cost ~20 µs per 100 rows (one more property per row).
 */
export function tokenColumns(items: readonly BoundOrderItem[], alias: string, shape: LevelShape): string[] {
  return items.map((item, i) => {
    const e = item.expr;
    if (e.kind !== 'property' || e.alias !== alias) return `__o${i}`;
    const name = columnOf(e.set.name, e.path).name;
    const selected = shape.columns.find((c) => c.name === name);
    return selected && (tokenKind(e.type) !== 'int' || readsAsText(selected)) ? name : `__o${i}`;
  });
}

/** Selects the token values that no selected column already holds (tokenColumns) as `__o<i>`. */
export function selectTokenValues(cx: CompileContext, q: Knex.QueryBuilder, terms: readonly OrderTerm[], columns: readonly string[]): Knex.QueryBuilder {
  terms.forEach((t, i) => {
    const name = `__o${i}`;
    if (columns[i] === name) q.select(cx.knex.raw('? AS ??', [t.tokenValue, name]));
  });
  return q;
}
