// Shared helpers for the URL parser tests: parse a readable expression (percent-encoded here, as a
// client would send it) and print ASTs as compact S-expressions so precedence is visible.
import { parseQueryOptions } from '../../../../src/odata/uri';
import type { Expr, Literal, QueryOptions, SearchExpr } from '../../../../src/odata/uri/ast';
import { DEFAULT_LIMITS, type ODataLimits } from '../../../../src/odata/uri/limits';

/** Parses `name=value` pairs given in clear text; each value is percent-encoded like a client does. */
export function options(pairs: Record<string, string>, limits: ODataLimits = DEFAULT_LIMITS): QueryOptions {
  const query = Object.entries(pairs)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return parseQueryOptions(query, limits);
}

export function filter(text: string, limits: ODataLimits = DEFAULT_LIMITS): Expr {
  const f = options({ $filter: text }, limits).filter;
  if (f === undefined) throw new Error('no $filter parsed');
  return f;
}

export function literal(text: string): Literal {
  const e = filter(text);
  if (e.kind !== 'literal') throw new Error(`not a literal: ${show(e)}`);
  return e;
}

function showLiteral(e: Literal): string {
  if (e.type === 'string') return `'${e.value}'`;
  if (e.type === 'enum') return `${e.typeName}'${e.value.join(',')}'`;
  return String(e.value);
}

export function show(e: Expr): string {
  switch (e.kind) {
    case 'literal': return showLiteral(e);
    case 'member': return e.path.join('/');
    case 'binary': return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'in': return `(in ${show(e.left)} [${e.list.map(show).join(' ')}])`;
    case 'not': return `(not ${show(e.operand)})`;
    case 'negate': return `(- ${show(e.operand)})`;
    case 'call': return `${e.name}(${e.args.map(show).join(' ')})`;
    case 'lambda': return `${e.path.join('/')}/${e.op}(${e.variable ?? ''}${e.predicate ? `: ${show(e.predicate)}` : ''})`;
  }
}

export function showSearch(e: SearchExpr): string {
  switch (e.kind) {
    case 'term': return e.value;
    case 'phrase': return `"${e.value}"`;
    case 'not': return `(NOT ${showSearch(e.operand)})`;
    default: return `(${e.kind.toUpperCase()} ${showSearch(e.left)} ${showSearch(e.right)})`;
  }
}

/** Runs `fn` and returns what it threw, for assertions on class, message and position. */
export function thrown(fn: () => unknown): Error & { position?: number; code?: string; status?: number } {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}
