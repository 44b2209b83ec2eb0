// Member paths and lambdas: `Name`, `Address/City`, `Customer/Name` (a LEFT JOIN per single-valued
// navigation, shared when repeated), `$it/Name`, and `c/Email` inside `Contacts/any(c: …)`.
import {
  complexType, navigation, navigationTarget, property, qualified, typeOfSet,
  type EntitySet, type NavigationProperty, type StructuralProperty,
} from '../../../metadata';
import { BadRequestError, UnknownPropertyError } from '../../errors/catalogue';
import type { BoundExpr, BoundJoin, ScalarType } from './bound-expr';

/** A range of rows an expression can refer to: the level's root ($it) or a lambda variable. */
export interface Scope {
  readonly alias: string;
  readonly set: EntitySet;
  readonly variable?: string;
  readonly parent?: Scope;
  /** joins owned by the statement of this scope (mutated while binding) */
  readonly joins: BoundJoin[];
}

export interface BindContext {
  readonly root: Scope;
  /** innermost scope (the root, or the lambda being bound) */
  readonly scope: Scope;
  readonly aliases: { next: number };
  /** ctx.now as ISO text with ms, the value of now() */
  readonly now: string;
}

/** A fresh context for one statement over `set` (alias t0). */
export function newBindContext(set: EntitySet, now: string): BindContext {
  const root: Scope = { alias: 't0', set, joins: [] };
  return { root, scope: root, aliases: { next: 1 }, now };
}

interface Cursor { scope: Scope; alias: string; set: EntitySet; nullable: boolean }

function start(path: readonly string[], cx: BindContext): { cursor: Cursor; rest: readonly string[] } {
  const [head = ''] = path;
  let scope: Scope | undefined = head === '$it' ? cx.root : undefined;
  for (let s: Scope | undefined = cx.scope; !scope && s; s = s.parent) if (s.variable === head) scope = s;
  const rest = scope ? path.slice(1) : path;
  // OData: a path without a range variable refers to $it, even inside a lambda
  scope ??= cx.root;
  return { cursor: { scope, alias: scope.alias, set: scope.set, nullable: false }, rest };
}

function joinFor(cursor: Cursor, nav: NavigationProperty, cx: BindContext): BoundJoin {
  const existing = cursor.scope.joins.find((j) => j.parentAlias === cursor.alias && j.nav.name === nav.name);
  if (existing) return existing;
  const join: BoundJoin = { alias: `j${cx.aliases.next++}`, parentAlias: cursor.alias, parentSet: cursor.set, nav, set: navigationTarget(cursor.set, nav) };
  cursor.scope.joins.push(join);
  return join;
}

const unknown = (set: EntitySet, name: string) =>
  new UnknownPropertyError(`The type '${qualified(typeOfSet(set).name)}' has no property '${name}'`, { target: name });

function scalarOf(p: StructuralProperty): ScalarType {
  if (p.kind === 'enum') return { kind: 'enum', enumType: p.type };
  if (p.kind === 'complex') throw new Error('scalarOf: complex');
  switch (p.type) {
    case 'Edm.String': return { kind: 'string' };
    case 'Edm.Int32':
    case 'Edm.Int64': return { kind: 'int' };
    case 'Edm.Decimal': return { kind: 'decimal', scale: p.scale ?? 0 };
    case 'Edm.Boolean': return { kind: 'boolean' };
    case 'Edm.DateTimeOffset': return { kind: 'dateTimeOffset' };
    case 'Edm.Date': return { kind: 'date' };
  }
}

function propertyNode(p: StructuralProperty, rest: readonly string[], c: Cursor): BoundExpr {
  let leaf: StructuralProperty = p;
  if (p.kind === 'complex') {
    const [member, ...more] = rest;
    if (member === undefined) throw new BadRequestError(`The complex property '${p.name}' cannot be used as a value; use one of its members, e.g. ${p.name}/City`);
    const m = complexType(p.type)?.properties.find((x) => x.name === member);
    if (!m) throw new UnknownPropertyError(`The type '${qualified(p.type)}' has no property '${member}'`, { target: member });
    if (more.length > 0) throw new BadRequestError(`'${p.name}/${member}' has no members`);
    leaf = m;
  } else if (rest.length > 0) {
    throw new BadRequestError(`'${p.name}' has no members; '${rest.join('/')}' cannot follow it`);
  }
  if (leaf.kind === 'complex') throw new Error('bind-member: nested complex');
  const path = leaf === p ? [p.name] : [p.name, leaf.name];
  const nullable = c.nullable || p.nullable || leaf.nullable;
  return { kind: 'property', type: scalarOf(leaf), alias: c.alias, set: c.set, path, property: leaf, nullable };
}

/** Follows single-valued navigations (joining) up to the first structural property or the end. */
function walk(c: Cursor, rest: readonly string[], cx: BindContext, stopBeforeLast: boolean): { c: Cursor; i: number } {
  for (let i = 0; i < rest.length - (stopBeforeLast ? 1 : 0); i++) {
    const name = rest[i] ?? '';
    const type = typeOfSet(c.set);
    if (property(type, name)) return { c, i };
    const nav = navigation(type, name);
    if (!nav) throw unknown(c.set, name);
    if (nav.collection) throw new BadRequestError(`The collection '${name}' can only be used with any() or all()`);
    const join = joinFor(c, nav, cx);
    c = { ...c, alias: join.alias, set: join.set, nullable: c.nullable || nav.nullable };
  }
  return { c, i: rest.length - (stopBeforeLast ? 1 : 0) };
}

/** Binds a member path to a typed property node (joins recorded on the owning scope). */
export function bindMember(path: readonly string[], cx: BindContext): BoundExpr {
  const { cursor, rest } = start(path, cx);
  const { c, i } = walk(cursor, rest, cx, false);
  const name = rest[i];
  if (name === undefined) throw new BadRequestError(`'${path.join('/')}' is an entity, not a value; use one of its properties`);
  const p = property(typeOfSet(c.set), name);
  if (!p) throw unknown(c.set, name);
  return propertyNode(p, rest.slice(i + 1), c);
}

/** Resolves the collection navigation of a lambda and opens the scope of its variable. */
export function openLambda(path: readonly string[], variable: string | undefined, cx: BindContext) {
  const { cursor, rest } = start(path, cx);
  const { c, i } = walk(cursor, rest, cx, true);
  const name = rest[rest.length - 1] ?? '';
  if (i < rest.length - 1) throw new BadRequestError(`any()/all() need a collection navigation; '${path.join('/')}' is not one`);
  const nav = navigation(typeOfSet(c.set), name);
  if (!nav) throw property(typeOfSet(c.set), name) ? new BadRequestError(`any()/all() need a collection navigation; '${name}' is a property`) : unknown(c.set, name);
  if (!nav.collection) throw new BadRequestError(`any()/all() need a collection; '${name}' is single-valued`);
  const inner: Scope = { alias: `l${cx.aliases.next++}`, set: navigationTarget(c.set, nav), parent: cx.scope, joins: [], ...(variable ? { variable } : {}) };
  const innerCx: BindContext = { ...cx, scope: inner };
  return { parentAlias: c.alias, parentSet: c.set, nav, inner, cx: innerCx };
}
