// Every vocabulary annotation of a document keyed by its (alias-free) target path, whether it was
// written inline (<Property><Annotation/></Property>) or out of line (<Annotations Target="…">),
// as EdmLib writes annotations added in code out of line by default.
import type { NameResolver } from './name-resolver';
import { childrenNamed, type XmlNode } from './xml-node';

export interface FoundAnnotation {
  /** qualified term, e.g. `Org.OData.Core.V1.Computed` */
  readonly term: string;
  readonly node: XmlNode;
}

export type AnnotationIndex = ReadonlyMap<string, readonly FoundAnnotation[]>;

const MEMBER_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  EntityType: ['Property', 'NavigationProperty'],
  ComplexType: ['Property', 'NavigationProperty'],
  EnumType: ['Member'],
  EntityContainer: ['EntitySet', 'Singleton', 'FunctionImport', 'ActionImport'],
};

function add(index: Map<string, FoundAnnotation[]>, target: string, holder: XmlNode, names: NameResolver): void {
  const found = childrenNamed(holder, 'Annotation')
    .filter((a) => a.attrs.Term !== undefined)
    .map((a) => ({ term: names.qualified(a.attrs.Term ?? ''), node: a }));
  if (found.length > 0) index.set(target, [...(index.get(target) ?? []), ...found]);
}

function addElement(index: Map<string, FoundAnnotation[]>, ns: string, el: XmlNode, names: NameResolver): void {
  const members = MEMBER_ELEMENTS[el.name];
  const name = el.attrs.Name;
  if (members === undefined || name === undefined) return;
  const target = `${ns}.${name}`;
  add(index, target, el, names);
  for (const m of el.children.filter((c) => members.includes(c.name))) add(index, `${target}/${m.attrs.Name ?? ''}`, m, names);
}

/** Collects annotations of all schemas of a document. */
export function collectAnnotations(schemas: readonly XmlNode[], names: NameResolver): AnnotationIndex {
  const index = new Map<string, FoundAnnotation[]>();
  for (const schema of schemas) {
    const ns = schema.attrs.Namespace ?? '';
    for (const el of schema.children) {
      if (el.name === 'Annotations' && el.attrs.Target !== undefined) add(index, names.target(el.attrs.Target), el, names);
      else addElement(index, ns, el, names);
    }
  }
  return index;
}

/** The PropertyPath values of a collection-valued annotation (Core.OptimisticConcurrency). */
export function propertyPaths(node: XmlNode): string[] {
  const inline = node.attrs.PropertyPath !== undefined ? [node.attrs.PropertyPath] : [];
  const listed = childrenNamed(node, 'Collection').flatMap((c) => childrenNamed(c, 'PropertyPath')).map((p) => p.text);
  return [...inline, ...listed].filter((p) => p !== '');
}

/** Bool value of a tagging annotation: absent means true (CSDL §14.3.2 default). */
export const boolValue = (node: XmlNode): boolean => (node.attrs.Bool ?? childrenNamed(node, 'Bool')[0]?.text ?? 'true').toLowerCase() === 'true';
