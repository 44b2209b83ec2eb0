// $metadata as CSDL XML (OData CSDL XML 4.01, document Version 4.0), derived from the model.
// Attribute order and omitted defaults follow what EdmLib/RESTier writes, so existing clients
// and generated proxies see the document they are used to.
import { MODEL } from '../../metadata';
import type { EdmModel, EntitySet, EntityType, EnumType, ComplexType, NavigationProperty, StructuralProperty } from '../../metadata';
import {
  CORE_COMPUTED, CORE_NAMESPACE, CORE_OPTIMISTIC_CONCURRENCY, CORE_XML_URI,
  defaultValueText, propertyTypeName, qualify, typeOfSetIn,
} from './csdl-names';
import { el, serializeXml, textEl, type XmlElement } from './xml-element';

const EDMX_NS = 'http://docs.oasis-open.org/odata/ns/edmx';
const EDM_NS = 'http://docs.oasis-open.org/odata/ns/edm';

/** Renders the CSDL XML document of `model` (deterministic: same model, same bytes). */
export function renderCsdlXml(model: EdmModel = MODEL): string {
  const root = el('edmx:Edmx', [['Version', '4.0'], ['xmlns:edmx', EDMX_NS]], [
    coreReference(),
    el('edmx:DataServices', [], [schema(model)]),
  ]);
  return `<?xml version="1.0" encoding="utf-8"?>\n${serializeXml(root)}`;
}

// No Alias: terms are written fully qualified everywhere (Org.OData.Core.V1.Computed).
const coreReference = (): XmlElement =>
  el('edmx:Reference', [['Uri', CORE_XML_URI]], [el('edmx:Include', [['Namespace', CORE_NAMESPACE]])]);

function schema(model: EdmModel): XmlElement {
  return el('Schema', [['Namespace', model.namespace], ['xmlns', EDM_NS]], [
    ...model.enumTypes.map(enumType),
    ...model.complexTypes.map((t) => complexType(model, t)),
    ...model.entityTypes.map((t) => entityType(model, t)),
    entityContainer(model),
  ]);
}

// UnderlyingType is omitted: every model enum is Edm.Int32, the CSDL default, and EdmLib
// writes the attribute only for other underlying types.
const enumType = (t: EnumType): XmlElement =>
  el('EnumType', [['Name', t.name]], t.members.map((m) => el('Member', [['Name', m.name], ['Value', m.value]])));

const complexType = (model: EdmModel, t: ComplexType): XmlElement =>
  el('ComplexType', [['Name', t.name]], t.properties.map((p) => property(model, p)));

function entityType(model: EdmModel, t: EntityType): XmlElement {
  const key = el('Key', [], t.key.map((k) => el('PropertyRef', [['Name', k]])));
  return el('EntityType', [['Name', t.name]], [
    key,
    ...t.properties.map((p) => property(model, p)),
    ...t.navigation.map((n) => navigationProperty(model, n)),
  ]);
}

function property(model: EdmModel, p: StructuralProperty): XmlElement {
  const facets = p.kind === 'primitive' ? p : undefined;
  const annotations = facets?.computed ? [el('Annotation', [['Term', CORE_COMPUTED], ['Bool', true]])] : [];
  return el('Property', [
    ['Name', p.name],
    ['Type', propertyTypeName(model, p)],
    ['Nullable', p.nullable ? undefined : false],
    ['MaxLength', facets?.maxLength],
    ['Precision', facets?.precision],
    ['Scale', facets?.scale],
    ['DefaultValue', defaultValueText(p)],
  ], annotations);
}

// Nullable is written only for single-valued navigation (CSDL XML §8.2.2: a collection always
// exists); ReferentialConstraint only on the dependent, single-valued side that holds the foreign key.
function navigationProperty(model: EdmModel, n: NavigationProperty): XmlElement {
  const target = qualify(model, n.target);
  const constraints = n.collection
    ? []
    : n.on.map((pair) => el('ReferentialConstraint', [['Property', pair.source], ['ReferencedProperty', pair.target]]));
  return el('NavigationProperty', [
    ['Name', n.name],
    ['Type', n.collection ? `Collection(${target})` : target],
    ['Nullable', n.collection || n.nullable ? undefined : false],
    ['Partner', n.partner],
  ], constraints);
}

const entityContainer = (model: EdmModel): XmlElement =>
  el('EntityContainer', [['Name', model.container]], model.entitySets.map((s) => entitySet(model, s)));

function entitySet(model: EdmModel, s: EntitySet): XmlElement {
  const bindings = Object.entries(s.bindings).map(([path, target]) =>
    el('NavigationPropertyBinding', [['Path', path], ['Target', target]]));
  return el('EntitySet', [['Name', s.name], ['EntityType', qualify(model, s.type)]], [
    ...bindings,
    ...concurrencyAnnotation(model, s),
  ]);
}

// Core.OptimisticConcurrency applies to EntitySet (not to the type or property), with the
// properties the ETag is computed from — as ODL/RESTier declare it.
function concurrencyAnnotation(model: EdmModel, s: EntitySet): XmlElement[] {
  const token = typeOfSetIn(model, s).concurrency;
  if (token === undefined) return [];
  return [el('Annotation', [['Term', CORE_OPTIMISTIC_CONCURRENCY]], [el('Collection', [], [textEl('PropertyPath', token)])])];
}
