// $filter / $orderby expressions, public → canonical names (issue #5): member paths walked from
// $it or a lambda variable with the canonical model, lambda paths opening the variable's type,
// enum literals `Namespace.EnumType'Member'` with the public qualified type name.
import type { Expr, Literal } from '../uri/ast';
import { renamePath, type PathPosition } from './member-step';
import type { NameTables } from './name-tables';
import { unknownEnumType } from './unknown-name';

/** $it and the lambda variables in scope, each with the canonical entity type it ranges over. */
export interface ExprScope {
  readonly root: PathPosition;
  readonly variables: ReadonlyMap<string, PathPosition>;
}

/** Where a member path starts: $it, a lambda variable (kept as written), or implicitly $it. */
function startOf(path: readonly string[], s: ExprScope): { head: string[]; at: PathPosition; rest: readonly string[] } {
  const [first = ''] = path;
  if (first === '$it') return { head: [first], at: s.root, rest: path.slice(1) };
  const v = s.variables.get(first);
  if (v) return { head: [first], at: v, rest: path.slice(1) };
  return { head: [], at: s.root, rest: path };
}

function renameMember(t: NameTables, path: readonly string[], s: ExprScope): { path: string[]; end: PathPosition } {
  const { head, at, rest } = startOf(path, s);
  const r = renamePath(t, at, rest);
  return { path: [...head, ...r.path], end: r.end };
}

function renameEnumLiteral(t: NameTables, l: Extract<Literal, { type: 'enum' }>): Literal {
  const prefix = `${t.publicNamespace}.`;
  const simple = l.typeName.startsWith(prefix) ? l.typeName.slice(prefix.length) : l.typeName;
  const canonical = t.types.toCanonical.get(simple);
  if (canonical === undefined) throw unknownEnumType(l.typeName);
  return { ...l, typeName: `${t.canonicalNamespace}.${canonical}` };
}

export function renameExpr(t: NameTables, e: Expr, s: ExprScope): Expr {
  switch (e.kind) {
    case 'literal':
      return e.type === 'enum' ? renameEnumLiteral(t, e) : e;
    case 'member':
      return { ...e, path: renameMember(t, e.path, s).path };
    case 'lambda': {
      const { path, end } = renameMember(t, e.path, s);
      if (e.predicate === undefined) return { ...e, path };
      const variables = new Map(s.variables);
      if (e.variable !== undefined) variables.set(e.variable, end);
      return { ...e, path, predicate: renameExpr(t, e.predicate, { root: s.root, variables }) };
    }
    case 'binary':
      return { ...e, left: renameExpr(t, e.left, s), right: renameExpr(t, e.right, s) };
    case 'in':
      return { ...e, left: renameExpr(t, e.left, s), list: e.list.map((x) => renameExpr(t, x, s)) };
    case 'not':
    case 'negate':
      return { ...e, operand: renameExpr(t, e.operand, s) };
    case 'call':
      return { ...e, args: e.args.map((x) => renameExpr(t, x, s)) };
  }
}
