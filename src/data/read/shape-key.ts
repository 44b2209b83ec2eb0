// The cache key of one read statement (its "query shape", see statement-shapes.ts): everything that
// decides the SQL text, with the values that are only ever bound — tenant, key values, text literals,
// $search terms, $expand parent keys — left out of the key and collected as numbered slots instead.
// Numeric, boolean and null literals stay in the key: their value can change the SQL (rescaling,
// out-of-range folding, IS NULL), so they are never treated as interchangeable.
import type { BoundExpr, BoundSearch, BoundSource, ScalarType } from '../../odata/query/bound-expr';
import type { SearchExpr } from '../../odata/uri/ast';
import type { LevelPlan, PathStep } from '../../odata/query/plan';
import { selectionKey } from './selection-key';

/** The values a shape binds, slot 0 being the tenant, and the plan node each came from. */
export class ShapeSlots {
  readonly values: unknown[];
  private readonly nodes: Array<object | undefined> = [undefined];
  // node → slot is only needed to compile a template (a first-seen shape), so it is built then
  private index: Map<object, number> | undefined;

  constructor(tenantId: string) {
    this.values = [tenantId];
  }

  /** A value bound without a plan node (an $expand parent key); returns its slot. */
  push(value: unknown): number {
    this.nodes.push(undefined);
    return this.values.push(value) - 1;
  }

  bind(node: object, value: unknown): void {
    this.nodes.push(node);
    this.values.push(value);
  }

  /** The slot whose value came from `node`, if any. */
  slotOf(node: object): number | undefined {
    if (!this.index) {
      this.index = new Map();
      this.nodes.forEach((n, i) => n && this.index?.set(n, i));
    }
    return this.index.get(node);
  }
}

/** Literal kinds compiled as one text parameter of exactly their value (compile-value.ts). */
const TEXT_KINDS = new Set<ScalarType['kind']>(['string', 'date', 'dateTimeOffset', 'timeOfDay']);

const typeKey = (t: ScalarType): string => ('scale' in t ? `${t.kind}${t.scale}` : 'enumType' in t ? `${t.kind}:${t.enumType}` : t.kind);

function sourceKey(s: BoundSource): string {
  let k = `${s.alias}:${s.set.name}`;
  for (const j of s.joins) k += `+${j.alias}=${j.parentAlias}>${j.nav.name}`;
  return k;
}

function literalKey(node: Extract<BoundExpr, { kind: 'literal' }>, slots: ShapeSlots): string {
  if (typeof node.value === 'string' && TEXT_KINDS.has(node.type.kind)) {
    slots.bind(node, node.value);
    return `$${typeKey(node.type)}`;
  }
  return `L${typeKey(node.type)}:${JSON.stringify(node.value)}`;
}

export function exprKey(node: BoundExpr, slots: ShapeSlots): string {
  switch (node.kind) {
    case 'property': return `p${typeKey(node.type)}:${node.alias}.${node.set.name}.${node.path.join('/')}`;
    case 'literal': return literalKey(node, slots);
    case 'compare':
    case 'logical':
    case 'arith': return `(${exprKey(node.left, slots)} ${node.op} ${exprKey(node.right, slots)})`;
    case 'not': return `!(${exprKey(node.operand, slots)})`;
    case 'negate': return `-${typeKey(node.type)}(${exprKey(node.operand, slots)})`;
    case 'in': return `(${exprKey(node.operand, slots)} in [${node.list.map((n) => exprKey(n, slots)).join(',')}])`;
    case 'call': return `${node.name}:${typeKey(node.type)}(${node.args.map((n) => exprKey(n, slots)).join(',')})`;
    case 'lambda':
      return `${node.op}:${node.parentAlias}.${node.parentSet.name}>${node.nav.name}[${sourceKey(node.source)}](${node.predicate ? exprKey(node.predicate, slots) : ''})`;
  }
}

function searchKey(e: SearchExpr, slots: ShapeSlots): string {
  switch (e.kind) {
    case 'term':
    case 'phrase':
      slots.bind(e, e.value);
      return e.kind;
    case 'and':
    case 'or': return `(${searchKey(e.left, slots)} ${e.kind} ${searchKey(e.right, slots)})`;
    case 'not': return `!(${searchKey(e.operand, slots)})`;
  }
}

const searchOf = (s: BoundSearch, slots: ShapeSlots): string =>
  `${s.alias}.${s.set.name}[${s.paths.map((p) => p.join('/')).join(',')}]${searchKey(s.expr, slots)}`;

/** One level's rows, columns and order (not its paging, which the caller adds). */
export function levelKey(level: LevelPlan, slots: ShapeSlots, ordered: boolean): string {
  let k = `${level.set.name}[${sourceKey(level.source)}]`;
  if (level.filter) k += `f${exprKey(level.filter, slots)}`;
  if (level.search) k += `s${searchOf(level.search, slots)}`;
  if (level.count) k += '#';
  k += selectionKey(level.selected);
  for (const e of level.expand) k += `>${e.nav.name}`;
  if (ordered) for (const o of level.orderBy) k += `o${o.direction}${exprKey(o.expr, slots)}`;
  return k;
}

/** The resource path's sets, navigations and key properties; key values become slots. */
export function pathKey(steps: readonly PathStep[], slots: ShapeSlots): string {
  let k = '';
  for (const step of steps) {
    k += `/${step.nav ? `${step.nav.name}:` : ''}${step.set.name}`;
    for (const part of step.key ?? []) {
      slots.bind(part, part.value);
      k += `(${part.property}:${typeof part.value})`;
    }
  }
  return k;
}
