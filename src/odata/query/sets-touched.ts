// Every entity set a read exposes data of, for authorization (contract: "each entity set touched by
// a path, $expand …"): the path's sets, every $expand level, and — stricter than asked, because a
// filter on another set's rows reveals them — sets reached by navigation paths in $filter/$orderby.
import { navigation, navigationTarget, typeOfSet, type EntitySet } from '../../../metadata';
import type { Expr, ODataUri, QueryOptions } from '../uri/ast';
import { bindPath } from './bind-path';

type Vars = ReadonlyMap<string, EntitySet>;

/** Follows navigation names along a member path, recording each target set; stops at anything else. */
function followPath(set: EntitySet, path: readonly string[], vars: Vars, out: Set<string>): EntitySet | undefined {
  const [head = ''] = path;
  let current: EntitySet = vars.get(head) ?? set;
  const rest = vars.has(head) || head === '$it' ? path.slice(1) : path;
  for (const name of rest) {
    const nav = navigation(typeOfSet(current), name);
    if (!nav) return undefined;
    current = navigationTarget(current, nav);
    out.add(current.name);
  }
  return current;
}

function walkExpr(set: EntitySet, e: Expr, vars: Vars, out: Set<string>): void {
  switch (e.kind) {
    case 'literal': return;
    case 'member': return void followPath(set, e.path, vars, out);
    case 'lambda': {
      const target = followPath(set, e.path, vars, out);
      if (target && e.predicate) walkExpr(set, e.predicate, e.variable ? new Map([...vars, [e.variable, target]]) : vars, out);
      return;
    }
    case 'binary': walkExpr(set, e.left, vars, out); return walkExpr(set, e.right, vars, out);
    case 'in': walkExpr(set, e.left, vars, out); return e.list.forEach((x) => walkExpr(set, x, vars, out));
    case 'not':
    case 'negate': return walkExpr(set, e.operand, vars, out);
    case 'call': return e.args.forEach((x) => walkExpr(set, x, vars, out));
  }
}

function walkOptions(set: EntitySet, o: QueryOptions, out: Set<string>): void {
  if (o.filter) walkExpr(set, o.filter, new Map(), out);
  for (const item of o.orderby ?? []) walkExpr(set, item.expr, new Map(), out);
  for (const item of o.expand ?? []) {
    const type = typeOfSet(set);
    const navs = item.path[0] === '*' ? type.navigation : [navigation(type, item.path[0] ?? '')].filter((n) => n !== undefined);
    for (const nav of navs) {
      const target = navigationTarget(set, nav);
      out.add(target.name);
      walkOptions(target, item.options, out);
    }
  }
}

/** Names of the entity sets a read touches; throws like bindPath for a bad path (404/400). */
export function setsTouched(uri: ODataUri): string[] {
  const path = bindPath(uri.segments);
  const out = new Set(path.steps.map((s) => s.set.name));
  walkOptions(path.target, uri.options, out);
  return [...out];
}
