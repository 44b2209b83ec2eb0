// The EntityContainer: entity sets and singletons with their bindings and concurrency tokens,
// and operation imports. A set's ETag properties come from Core.OptimisticConcurrency on the set
// (OData 4 / RESTier) and from ConcurrencyMode="Fixed" properties of its type (EdmLib style).
import { propertyPaths, type AnnotationIndex } from './collect-annotations';
import type { NameResolver } from './name-resolver';
import type { NContainer, NEntitySet, NImport, NStructuredType } from './normal-model';
import { childrenNamed, type XmlNode } from './xml-node';

const OPTIMISTIC_CONCURRENCY = 'Org.OData.Core.V1.OptimisticConcurrency';

export interface ContainerContext {
  readonly names: NameResolver;
  readonly annotations: AnnotationIndex;
  readonly types: ReadonlyMap<string, NStructuredType>;
}

function fixedProperties(typeName: string, types: ReadonlyMap<string, NStructuredType>, seen = new Set<string>()): string[] {
  const t = types.get(typeName);
  if (t === undefined || seen.has(typeName)) return [];
  seen.add(typeName);
  const own = [...t.properties.values()].filter((p) => p.fixedConcurrency).map((p) => p.name);
  return [...(t.baseType !== undefined ? fixedProperties(t.baseType, types, seen) : []), ...own];
}

function entitySet(el: XmlNode, containerName: string, ctx: ContainerContext): NEntitySet {
  const name = el.attrs.Name ?? '';
  const entityType = ctx.names.qualified(el.attrs.EntityType ?? el.attrs.Type ?? '');
  const annotated = (ctx.annotations.get(`${containerName}/${name}`) ?? [])
    .filter((a) => a.term === OPTIMISTIC_CONCURRENCY)
    .flatMap((a) => propertyPaths(a.node));
  const tokens = [...new Set([...annotated, ...fixedProperties(entityType, ctx.types)])].sort();
  const bindings = childrenNamed(el, 'NavigationPropertyBinding')
    .map((b) => [ctx.names.target(b.attrs.Path ?? ''), ctx.names.target(b.attrs.Target ?? '')] as const);
  return { kind: el.name === 'Singleton' ? 'Singleton' : 'EntitySet', name, entityType, bindings: new Map(bindings), concurrency: tokens };
}

function operationImport(el: XmlNode, names: NameResolver): NImport {
  const kind = el.name === 'ActionImport' ? 'ActionImport' : 'FunctionImport';
  const operation = names.qualified(el.attrs[kind === 'ActionImport' ? 'Action' : 'Function'] ?? '');
  return { kind, name: el.attrs.Name ?? '', operation };
}

/** The EntityContainer element of namespace `ns`. */
export function container(el: XmlNode, ns: string, ctx: ContainerContext): NContainer {
  const name = el.attrs.Name ?? '';
  const qname = `${ns}.${name}`;
  const sets = el.children.filter((c) => c.name === 'EntitySet' || c.name === 'Singleton').map((s) => entitySet(s, qname, ctx));
  const imports = el.children.filter((c) => c.name === 'FunctionImport' || c.name === 'ActionImport').map((i) => operationImport(i, ctx.names));
  return { name, namespace: ns, sets: new Map(sets.map((s) => [s.name, s])), imports: new Map(imports.map((i) => [i.name, i])) };
}
