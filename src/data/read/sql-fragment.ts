// Building blocks of the read SQL: typed parameters (every value is a `?` binding, never SQL text),
// model identifiers, and the compile context shared by the compilers. PostgreSQL parameters get an
// explicit type — and text ones COLLATE "C" — so both dialects compare and fold case the same way.
import type { Knex } from 'knex';
import type { Database, Dialect } from '../db';
import type { TenantScope } from '../tenant-table';
import type { BoundExpr } from '../../odata/query/bound-expr';
import { tableOf, type Column } from '../../edm/db-schema';

export type Raw = Knex.Raw;

/**
 * For knex's limit()/offset(): the number as a literal. SQLite re-plans a statement whose LIMIT is
 * a bound parameter on every run (~15 µs for a point read, ~50 µs for W4's 100-key IN list), which
 * would defeat the kept prepared statements. Only for numbers the server chose or parsed as Int32.
 */
export const INLINE_NUMBER = { skipBinding: true } as const;
/** What may be spliced into a fragment: other fragments and sub-selects, never plain values. */
export type Part = Knex.Raw | Knex.QueryBuilder;

/** Compiler state for one request; `value`/`predicate` dispatch back into the node switches. */
export interface CompileContext {
  readonly db: Database;
  readonly knex: Knex;
  readonly dialect: Dialect;
  readonly scope: TenantScope;
  value(node: BoundExpr): Raw;
  predicate(node: BoundExpr): Raw;
  /** only while compiling a statement template (statement-shapes.ts): the placeholder bound for a slotted plan node */
  readonly slotOf?: (node: object) => string | undefined;
}

/** `sql(cx)\`(${a} AND ${b})\`` — joins fragments; each `${…}` becomes a nested binding. */
export function sql(cx: { readonly knex: Knex }) {
  return (strings: TemplateStringsArray, ...parts: Part[]): Raw => cx.knex.raw(strings.join('?'), parts);
}

/** A quoted `alias.column` identifier; names come from the model only. */
export function ident(cx: { readonly knex: Knex }, alias: string, column: string): Raw {
  return cx.knex.raw('??', [`${alias}.${column}`]);
}

/** The column of a model property path in a set's table. */
export function columnOf(setName: string, path: readonly string[]): Column {
  const c = tableOf(setName).byPath.get(path.join('/'));
  if (!c) throw new Error(`read: no column for ${setName}/${path.join('/')}`);
  return c;
}

export function textParam(cx: CompileContext, value: string): Raw {
  return cx.dialect === 'pg' ? cx.knex.raw('(CAST(? AS TEXT) COLLATE "C")', [value]) : cx.knex.raw('?', [value]);
}

/** An exact integer (Int32/Int64, scaled Decimal, enum, boolean 0/1), bound as decimal text. */
export function intParam(cx: CompileContext, value: bigint | number | string): Raw {
  return cx.knex.raw(cx.dialect === 'pg' ? 'CAST(? AS BIGINT)' : 'CAST(? AS INTEGER)', [String(value)]);
}

export function floatParam(cx: CompileContext, value: number): Raw {
  return cx.knex.raw(cx.dialect === 'pg' ? 'CAST(? AS DOUBLE PRECISION)' : 'CAST(? AS REAL)', [value]);
}

export function castFloat(cx: CompileContext, x: Raw): Raw {
  return cx.dialect === 'pg' ? sql(cx)`CAST(${x} AS DOUBLE PRECISION)` : sql(cx)`CAST(${x} AS REAL)`;
}

export function castText(cx: { readonly knex: Knex }, x: Part): Raw {
  return sql(cx)`CAST(${x} AS TEXT)`;
}

export const TRUE = (cx: { readonly knex: Knex }): Raw => cx.knex.raw('(1 = 1)');
export const FALSE = (cx: { readonly knex: Knex }): Raw => cx.knex.raw('(1 = 0)');
export const NULL = (cx: { readonly knex: Knex }): Raw => cx.knex.raw('NULL');

/** OData two-valued logic: an unknown (SQL NULL) condition counts as false before negation. */
export function not(cx: { readonly knex: Knex }, p: Raw): Raw {
  return sql(cx)`NOT COALESCE(${p}, FALSE)`;
}
