// Parsed CSDL → NormalModel. Both the legacy document and ours go through here (ours from the
// XML we serve, not from MODEL), so the comparison is symmetric and tests what clients read.
import { collectAnnotations } from './collect-annotations';
import { nameResolver } from './name-resolver';
import { container, type ContainerContext } from './normalise-container';
import { operation } from './normalise-operations';
import { enumType, structuredType, type TypeContext } from './normalise-types';
import type { NContainer, NEnumType, NOperation, NormalModel, NStructuredType } from './normal-model';
import type { CsdlDocument } from './parse-csdl';
import type { XmlNode } from './xml-node';

const TYPE_ELEMENTS = new Set(['EntityType', 'ComplexType', 'EnumType', 'Function', 'Action', 'TypeDefinition', 'Term']);

/** Normalises a parsed CSDL document. */
export function normalise(doc: CsdlDocument): NormalModel {
  const names = nameResolver(doc);
  const ctx: TypeContext = { names, annotations: collectAnnotations(doc.schemas, names) };
  const structuredTypes = new Map<string, NStructuredType>();
  const enumTypes = new Map<string, NEnumType>();
  const operations = new Map<string, NOperation>();
  const namespaces: string[] = [];
  const addElement = (el: XmlNode, ns: string): void => {
    if (el.name === 'EntityType' || el.name === 'ComplexType') {
      const t = structuredType(el, ns, ctx);
      structuredTypes.set(t.qname, t);
    } else if (el.name === 'EnumType') {
      const e = enumType(el, ns, ctx);
      enumTypes.set(e.qname, e);
    } else if (el.name === 'Function' || el.name === 'Action') {
      const o = operation(el, ns, names);
      operations.set(o.key, o);
    }
  };
  for (const schema of doc.schemas) {
    const ns = schema.attrs.Namespace ?? '';
    if (schema.children.some((c) => TYPE_ELEMENTS.has(c.name)) && !namespaces.includes(ns)) namespaces.push(ns);
    for (const el of schema.children) addElement(el, ns);
  }
  const found = firstContainer(doc, { ...ctx, types: structuredTypes });
  return { version: doc.version, namespaces, ...(found ? { container: found } : {}), structuredTypes, enumTypes, operations };
}

// A service has one entity container (CSDL §13); it may sit in a schema of its own.
function firstContainer(doc: CsdlDocument, ctx: ContainerContext): NContainer | undefined {
  for (const schema of doc.schemas) {
    const el = schema.children.find((c) => c.name === 'EntityContainer');
    if (el) return container(el, schema.attrs.Namespace ?? '', ctx);
  }
  return undefined;
}
