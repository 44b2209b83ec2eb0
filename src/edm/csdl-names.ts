// Names and literals both CSDL renderings (XML and JSON) must agree on: the Core vocabulary
// reference, its term names, and the namespace-qualified type name of every model element.
import type { EdmModel, EntitySet, EntityType, StructuralProperty } from '../../metadata';

/** Included without an alias, so every term is written with its full namespace. */
export const CORE_NAMESPACE = 'Org.OData.Core.V1';
const CORE_BASE_URI = 'https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1';
/** CSDL XML references the XML twin of the vocabulary, CSDL JSON the JSON twin (as the OASIS examples do). */
export const CORE_XML_URI = `${CORE_BASE_URI}.xml`;
export const CORE_JSON_URI = `${CORE_BASE_URI}.json`;

export const CORE_COMPUTED = `${CORE_NAMESPACE}.Computed`;
export const CORE_OPTIMISTIC_CONCURRENCY = `${CORE_NAMESPACE}.OptimisticConcurrency`;

/** `B2X.Erp.Customer` for the model's own types; primitive names are already qualified. */
export const qualify = (model: EdmModel, simpleName: string): string => `${model.namespace}.${simpleName}`;

/** The qualified type of a structural property, e.g. `Edm.String`, `B2X.Erp.ContactRole`. */
export function propertyTypeName(model: EdmModel, prop: StructuralProperty): string {
  return prop.kind === 'primitive' ? prop.type : qualify(model, prop.type);
}

/**
 * Default value in the form CSDL XML wants (CSDL XML §7.2.7): the ABNF primitive literal for
 * primitives (`false`, `0`), the member name for enums (`Buyer`), the raw text for strings.
 */
export function defaultValueText(prop: StructuralProperty): string | undefined {
  if (prop.kind === 'complex' || prop.defaultValue === undefined) return undefined;
  return String(prop.defaultValue);
}

/** The entity type of a set in `model`; throws only on a model bug. */
export function typeOfSetIn(model: EdmModel, set: EntitySet): EntityType {
  const type = model.entityTypes.find((t) => t.name === set.type);
  if (!type) throw new Error(`model: set ${set.name} has unknown type ${set.type}`);
  return type;
}
