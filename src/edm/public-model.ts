// The public EdmModel: a renamed copy of MODEL under the operator's name mapping, same shape and
// order, so the CSDL writers and the service document render it unchanged (issue #5).
import { MODEL } from '../../metadata';
import type { EdmModel, EntitySet, EntityType, NavigationProperty, StructuralProperty } from '../../metadata';
import type { NameMapping } from './name-mapping';

interface Rename {
  type(name: string): string;
  set(name: string): string;
  member(type: string, name: string): string;
}

function renamer(m: NameMapping): Rename {
  return {
    type: (name) => m.types[name] ?? name,
    set: (name) => m.entitySets[name] ?? name,
    member: (type, name) => m.properties[type]?.[name] ?? name,
  };
}

function structural(r: Rename, owner: string, p: StructuralProperty): StructuralProperty {
  const name = r.member(owner, p.name);
  return p.kind === 'primitive' ? { ...p, name } : { ...p, name, type: r.type(p.type) };
}

function navigationOf(r: Rename, owner: string, n: NavigationProperty): NavigationProperty {
  return {
    ...n,
    name: r.member(owner, n.name),
    target: r.type(n.target),
    ...(n.partner !== undefined ? { partner: r.member(n.target, n.partner) } : {}),
    on: n.on.map((p) => ({ source: r.member(owner, p.source), target: r.member(n.target, p.target) })),
  };
}

/** `Address/City` → `Adresse/Ort`: the first step names a property of `owner`, the next a member of its complex type. */
function propertyPath(r: Rename, owner: EntityType, path: string): string {
  const [head = '', ...rest] = path.split('/');
  const p = owner.properties.find((x) => x.name === head);
  const complex = p?.kind === 'complex' ? p.type : undefined;
  return [r.member(owner.name, head), ...rest.map((m) => (complex ? r.member(complex, m) : m))].join('/');
}

function entityType(r: Rename, t: EntityType): EntityType {
  return {
    ...t,
    name: r.type(t.name),
    key: t.key.map((k) => r.member(t.name, k)),
    properties: t.properties.map((p) => structural(r, t.name, p)),
    navigation: t.navigation.map((n) => navigationOf(r, t.name, n)),
    ...(t.concurrency !== undefined ? { concurrency: r.member(t.name, t.concurrency) } : {}),
    ...(t.searchable !== undefined ? { searchable: t.searchable.map((s) => propertyPath(r, t, s)) } : {}),
  };
}

function entitySet(r: Rename, s: EntitySet): EntitySet {
  const bindings = Object.fromEntries(Object.entries(s.bindings).map(([nav, target]) => [r.member(s.type, nav), r.set(target)]));
  return { ...s, name: r.set(s.name), type: r.type(s.type), bindings };
}

/** The model as the public sees it; table and grant names stay canonical (they never leave the gateway). */
export function publicModel(m: NameMapping, model: EdmModel = MODEL): EdmModel {
  const r = renamer(m);
  return {
    namespace: m.namespace ?? model.namespace,
    container: m.container ?? model.container,
    enumTypes: model.enumTypes.map((t) => ({ ...t, name: r.type(t.name) })),
    complexTypes: model.complexTypes.map((t) => ({ ...t, name: r.type(t.name), properties: t.properties.map((p) => ({ ...p, name: r.member(t.name, p.name) })) })),
    entityTypes: model.entityTypes.map((t) => entityType(r, t)),
    entitySets: model.entitySets.map((s) => entitySet(r, s)),
  };
}
