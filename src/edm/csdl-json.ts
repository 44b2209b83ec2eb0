// $metadata as CSDL JSON (OData CSDL JSON 4.01, document $Version 4.0), derived from the model.
// Members whose value equals the CSDL JSON default are left out, as the OASIS examples and
// EdmLib do: no $Type means Edm.String, no $Nullable means false (CSDL JSON §7.2, §8.2.2).
import { MODEL } from '../../metadata';
import type { ComplexType, EdmModel, EntitySet, EntityType, EnumType, NavigationProperty, StructuralProperty } from '../../metadata';
import {
  CORE_COMPUTED, CORE_JSON_URI, CORE_NAMESPACE, CORE_OPTIMISTIC_CONCURRENCY,
  propertyTypeName, qualify, typeOfSetIn,
} from './csdl-names';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [member: string]: JsonValue };
export type JsonObject = { [member: string]: JsonValue };

/** Renders the CSDL JSON document of `model` as a plain object (member order is deterministic). */
export function renderCsdlJson(model: EdmModel = MODEL): JsonObject {
  return {
    $Version: '4.0',
    $EntityContainer: qualify(model, model.container),
    // No $Alias: terms are written fully qualified (@Org.OData.Core.V1.Computed).
    $Reference: { [CORE_JSON_URI]: { $Include: [{ $Namespace: CORE_NAMESPACE }] } },
    [model.namespace]: schema(model),
  };
}

/** The CSDL JSON document as text: two-space indented, with a final newline. */
export const renderCsdlJsonText = (model: EdmModel = MODEL): string => `${JSON.stringify(renderCsdlJson(model), null, 2)}\n`;

function schema(model: EdmModel): JsonObject {
  const members: JsonObject = {};
  for (const t of model.enumTypes) members[t.name] = enumType(t);
  for (const t of model.complexTypes) members[t.name] = complexType(model, t);
  for (const t of model.entityTypes) members[t.name] = entityType(model, t);
  members[model.container] = entityContainer(model);
  return members;
}

// No $UnderlyingType: every model enum is Edm.Int32, the default (EdmLib omits it likewise).
function enumType(t: EnumType): JsonObject {
  const members: JsonObject = { $Kind: 'EnumType' };
  for (const m of t.members) members[m.name] = m.value;
  return members;
}

function complexType(model: EdmModel, t: ComplexType): JsonObject {
  const members: JsonObject = { $Kind: 'ComplexType' };
  for (const p of t.properties) members[p.name] = property(model, p);
  return members;
}

function entityType(model: EdmModel, t: EntityType): JsonObject {
  const members: JsonObject = { $Kind: 'EntityType', $Key: [...t.key] };
  for (const p of t.properties) members[p.name] = property(model, p);
  for (const n of t.navigation) members[n.name] = navigationProperty(model, n);
  return members;
}

function property(model: EdmModel, p: StructuralProperty): JsonObject {
  const o: JsonObject = {};
  const type = propertyTypeName(model, p);
  if (type !== 'Edm.String') o.$Type = type;
  if (p.nullable) o.$Nullable = true;
  if (p.kind === 'primitive') {
    if (p.maxLength !== undefined) o.$MaxLength = p.maxLength;
    if (p.precision !== undefined) o.$Precision = p.precision;
    if (p.scale !== undefined) o.$Scale = p.scale;
  }
  const dflt = defaultValueJson(p);
  if (dflt !== undefined) o.$DefaultValue = dflt;
  if (p.kind === 'primitive' && p.computed) o[`@${CORE_COMPUTED}`] = true;
  return o;
}

// $DefaultValue is the type-specific JSON value (CSDL JSON §7.2.7): booleans and numbers as
// JSON literals, enums by member name. Int64/Decimal become numbers only when that is exact;
// otherwise they stay strings, the IEEE754Compatible form.
function defaultValueJson(p: StructuralProperty): JsonValue | undefined {
  if (p.kind === 'complex' || p.defaultValue === undefined) return undefined;
  const v = p.defaultValue;
  if (p.kind === 'enum' || typeof v !== 'string') return v;
  const numeric = p.type === 'Edm.Int32' || p.type === 'Edm.Int64' || p.type === 'Edm.Decimal';
  return numeric && String(Number(v)) === v ? Number(v) : v;
}

function navigationProperty(model: EdmModel, n: NavigationProperty): JsonObject {
  const o: JsonObject = { $Kind: 'NavigationProperty' };
  if (n.collection) o.$Collection = true;
  o.$Type = qualify(model, n.target);
  if (!n.collection && n.nullable) o.$Nullable = true;
  if (n.partner !== undefined) o.$Partner = n.partner;
  // Only the dependent (single-valued) side carries the constraint: dependent → principal.
  if (!n.collection && n.on.length > 0) {
    o.$ReferentialConstraint = Object.fromEntries(n.on.map((pair) => [pair.source, pair.target]));
  }
  return o;
}

function entityContainer(model: EdmModel): JsonObject {
  const members: JsonObject = { $Kind: 'EntityContainer' };
  for (const s of model.entitySets) members[s.name] = entitySet(model, s);
  return members;
}

function entitySet(model: EdmModel, s: EntitySet): JsonObject {
  const o: JsonObject = { $Collection: true, $Type: qualify(model, s.type) };
  if (Object.keys(s.bindings).length > 0) o.$NavigationPropertyBinding = { ...s.bindings };
  const token = typeOfSetIn(model, s).concurrency;
  if (token !== undefined) o[`@${CORE_OPTIMISTIC_CONCURRENCY}`] = [token];
  return o;
}
