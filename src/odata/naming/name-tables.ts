// Lookup tables between canonical and public names (issue #5), built once at start-up by zipping
// the canonical model with its renamed copy (same shape, same order). Members are scoped by the
// CANONICAL name of their entity or complex type, because every walker knows the canonical type.
import type { EdmModel } from '../../../metadata';

export interface NameScope {
  /** public → canonical; a name missing here is unknown to the public */
  readonly toCanonical: ReadonlyMap<string, string>;
  /** canonical → public (total over the scope) */
  readonly toPublic: ReadonlyMap<string, string>;
}

export interface NameTables {
  readonly canonicalNamespace: string;
  readonly publicNamespace: string;
  readonly sets: NameScope;
  /** entity, complex and enum types by simple name */
  readonly types: NameScope;
  /** per canonical entity or complex type: its structural and navigation properties */
  readonly members: ReadonlyMap<string, NameScope>;
}

function scope(pairs: ReadonlyArray<readonly [string, string]>): NameScope {
  return { toPublic: new Map(pairs), toCanonical: new Map(pairs.map(([c, p]) => [p, c])) };
}

function zip<T>(a: readonly T[], b: readonly T[], name: (x: T) => string): Array<readonly [string, string]> {
  return a.map((x, i) => {
    const y = b[i];
    if (y === undefined) throw new Error('name-tables: the public model does not have the canonical shape');
    return [name(x), name(y)] as const;
  });
}

export function buildNameTables(canonical: EdmModel, pub: EdmModel): NameTables {
  const members = new Map<string, NameScope>();
  canonical.entityTypes.forEach((t, i) => {
    const p = pub.entityTypes[i];
    if (!p) throw new Error('name-tables: the public model does not have the canonical shape');
    members.set(t.name, scope([...zip(t.properties, p.properties, (x) => x.name), ...zip(t.navigation, p.navigation, (x) => x.name)]));
  });
  canonical.complexTypes.forEach((t, i) => {
    const p = pub.complexTypes[i];
    if (!p) throw new Error('name-tables: the public model does not have the canonical shape');
    members.set(t.name, scope(zip(t.properties, p.properties, (x) => x.name)));
  });
  const typed = (m: EdmModel) => [...m.entityTypes, ...m.complexTypes, ...m.enumTypes];
  return {
    canonicalNamespace: canonical.namespace,
    publicNamespace: pub.namespace,
    sets: scope(zip(canonical.entitySets, pub.entitySets, (s) => s.name)),
    types: scope(zip(typed(canonical), typed(pub), (t) => t.name)),
    members,
  };
}

/** The public name of a member of canonical `type` (itself when the type is not mapped). */
export function publicMember(t: NameTables, type: string, name: string): string {
  return t.members.get(type)?.toPublic.get(name) ?? name;
}

/** The canonical name of public member `name` of canonical `type`; undefined = not a public name there. */
export function canonicalMember(t: NameTables, type: string, name: string): string | undefined {
  return t.members.get(type)?.toCanonical.get(name);
}

/** `Legacy.Erp.Kunde` for canonical type `Customer`. */
export function publicQualified(t: NameTables, type: string): string {
  return `${t.publicNamespace}.${t.types.toPublic.get(type) ?? type}`;
}

/** Canonical simple type name of a public qualified name, or undefined. */
export function canonicalTypeOf(t: NameTables, qualifiedName: string): string | undefined {
  const dot = qualifiedName.lastIndexOf('.');
  if (dot < 0 || qualifiedName.slice(0, dot) !== t.publicNamespace) return undefined;
  return t.types.toCanonical.get(qualifiedName.slice(dot + 1));
}
