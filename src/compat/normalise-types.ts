// Structured types (entity, complex) and enum types of one Schema, normalised: CSDL defaults made
// explicit (Nullable=true, enum values counted from 0, UnderlyingType Edm.Int32).
import { boolValue, type AnnotationIndex } from './collect-annotations';
import type { NameResolver } from './name-resolver';
import type { NEnumType, NFacets, NNavigation, NProperty, NStructuredType } from './normal-model';
import { childrenNamed, firstChild, type XmlNode } from './xml-node';

const CORE_COMPUTED = 'Org.OData.Core.V1.Computed';

export interface TypeContext {
  readonly names: NameResolver;
  readonly annotations: AnnotationIndex;
}

const isTrue = (v: string | undefined): boolean => v?.toLowerCase() === 'true';
const isFalse = (v: string | undefined): boolean => v?.toLowerCase() === 'false';
const integer = (v: string | undefined): number | undefined => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined);

function facets(a: Readonly<Record<string, string>>): NFacets {
  const maxLength = a.MaxLength?.toLowerCase() === 'max' ? 'max' : integer(a.MaxLength);
  const scaleWord = a.Scale?.toLowerCase();
  const scale = scaleWord === 'variable' || scaleWord === 'floating' ? scaleWord : integer(a.Scale);
  const precision = integer(a.Precision);
  return {
    ...(maxLength !== undefined ? { maxLength } : {}),
    ...(precision !== undefined ? { precision } : {}),
    ...(scale !== undefined ? { scale } : {}),
    ...(a.SRID !== undefined ? { srid: a.SRID.toLowerCase() } : {}),
  };
}

function property(el: XmlNode, target: string, ctx: TypeContext): NProperty {
  const found = ctx.annotations.get(target) ?? [];
  return {
    name: el.attrs.Name ?? '',
    ...ctx.names.typeRef(el.attrs.Type ?? ''),
    nullable: !isFalse(el.attrs.Nullable),
    ...facets(el.attrs),
    fixedConcurrency: el.attrs.ConcurrencyMode?.toLowerCase() === 'fixed',
    computed: found.some((a) => a.term === CORE_COMPUTED && boolValue(a.node)),
    terms: new Set(found.map((a) => a.term)),
  };
}

function navigation(el: XmlNode, ctx: TypeContext): NNavigation {
  const ref = ctx.names.typeRef(el.attrs.Type ?? '');
  const constraints = childrenNamed(el, 'ReferentialConstraint')
    .map((c) => ({ property: c.attrs.Property ?? '', referenced: c.attrs.ReferencedProperty ?? '' }));
  return {
    name: el.attrs.Name ?? '',
    ...ref,
    // a collection-valued navigation always exists (CSDL §8.2.2); only single-valued ones can be null
    nullable: ref.collection ? false : !isFalse(el.attrs.Nullable),
    ...(el.attrs.Partner !== undefined ? { partner: el.attrs.Partner } : {}),
    containsTarget: isTrue(el.attrs.ContainsTarget),
    constraints,
  };
}

/** An EntityType or ComplexType element of namespace `ns`. */
export function structuredType(el: XmlNode, ns: string, ctx: TypeContext): NStructuredType {
  const qname = `${ns}.${el.attrs.Name ?? ''}`;
  const key = firstChild(el, 'Key');
  const props = childrenNamed(el, 'Property').map((p) => property(p, `${qname}/${p.attrs.Name ?? ''}`, ctx));
  const navs = childrenNamed(el, 'NavigationProperty').map((n) => navigation(n, ctx));
  return {
    kind: el.name === 'ComplexType' ? 'ComplexType' : 'EntityType',
    qname,
    ...(el.attrs.BaseType !== undefined ? { baseType: ctx.names.qualified(el.attrs.BaseType) } : {}),
    abstract: isTrue(el.attrs.Abstract),
    openType: isTrue(el.attrs.OpenType),
    hasStream: isTrue(el.attrs.HasStream),
    key: key ? childrenNamed(key, 'PropertyRef').map((r) => r.attrs.Name ?? '') : [],
    properties: new Map(props.map((p) => [p.name, p])),
    navigation: new Map(navs.map((n) => [n.name, n])),
  };
}

/** An EnumType element; members without Value count on from the previous one (CSDL §10.2.2). */
export function enumType(el: XmlNode, ns: string, ctx: TypeContext): NEnumType {
  let next = 0n;
  const members = new Map<string, string>();
  for (const m of childrenNamed(el, 'Member')) {
    const raw = m.attrs.Value?.trim();
    const value = raw !== undefined && /^-?\d+$/.test(raw) ? BigInt(raw) : next;
    members.set(m.attrs.Name ?? '', value.toString());
    next = value + 1n;
  }
  return {
    qname: `${ns}.${el.attrs.Name ?? ''}`,
    underlying: ctx.names.qualified(el.attrs.UnderlyingType ?? 'Edm.Int32'),
    isFlags: isTrue(el.attrs.IsFlags),
    members,
  };
}
