// A request body in public names → the same body in canonical names (issue #5), before the
// payload is split and becomes a command: property and navigation names per type, complex
// members, deep-inserted entities (by the navigation's target set), `Nav@odata.bind` keys and
// `@odata.type`. Public names the mapping does not know are refused like unknown properties are.
import { complexType, navigation, navigationTarget, property, typeOfSet, type EntitySet } from '../../metadata';
import { isJsonObject, type JsonValue } from '../../src/edm/exact-json';
import { BadRequestError, UnknownPropertyError } from '../../src/errors/catalogue';
import { canonicalMember, publicQualified, type NameTables } from '../../src/odata/naming/name-tables';

// written as is: the command refuses a tenant in the body with its own 400 (input-schema.ts)
const TENANT = /^tenant_?id$/i;

function unknownProperties(t: NameTables, type: string, unknown: readonly string[]): UnknownPropertyError {
  const q = publicQualified(t, type);
  const details = unknown.map((n) => ({ code: 'UnknownProperty', message: `The type '${q}' has no property '${n}'`, target: n }));
  return new UnknownPropertyError(`Unknown propert${unknown.length > 1 ? 'ies' : 'y'} for ${q}: ${unknown.join(', ')}`, { target: unknown[0] as string, details });
}

function canonicalType(t: NameTables, set: EntitySet, value: JsonValue): JsonValue {
  const expected = publicQualified(t, set.type);
  if (typeof value === 'string' && value.replace(/^#/, '') === expected) return `#${t.canonicalNamespace}.${set.type}`;
  const setName = t.sets.toPublic.get(set.name) ?? set.name;
  throw new BadRequestError(`@odata.type ${JSON.stringify(value)} is not the type of ${setName} (#${expected}).`, { target: '@odata.type' });
}

function canonicalComplex(t: NameTables, type: string, name: string, value: JsonValue, unknown: string[]): JsonValue {
  if (!isJsonObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [m, v] of Object.entries(value)) {
    const c = canonicalMember(t, type, m);
    if (c === undefined) unknown.push(`${name}/${m}`);
    else out[c] = v;
  }
  return out;
}

/** `Name@odata.bind`, `Name@odata.type` …: the property part renamed; unknown binds are refused. */
function annotated(t: NameTables, set: EntitySet, name: string, at: number): string {
  const prop = name.slice(0, at);
  const canonical = canonicalMember(t, set.type, prop);
  if (canonical !== undefined) return `${canonical}${name.slice(at)}`;
  const annotation = name.slice(at + 1);
  if (annotation === 'odata.bind' || annotation === 'bind') {
    throw new BadRequestError(`'${prop}' is not a navigation property of ${publicQualified(t, set.type)}; it cannot be bound.`, { target: name });
  }
  return name; // other property annotations are ignored downstream
}

/** The value of member `canonical` (sent as `name`): nested entities and complex members renamed too. */
function member(t: NameTables, set: EntitySet, name: string, canonical: string, value: JsonValue, unknown: string[]): JsonValue {
  const type = typeOfSet(set);
  const nav = navigation(type, canonical);
  if (nav) return Array.isArray(value) ? value.map((item) => canonicalEntity(t, navigationTarget(set, nav), item)) : value;
  const p = property(type, canonical);
  if (p?.kind === 'complex' && complexType(p.type)) return canonicalComplex(t, p.type, name, value, unknown);
  return value;
}

/** `body` (an entity of `set` in public names) in canonical names; other values are returned as they are. */
export function canonicalPayload(t: NameTables, set: EntitySet, body: JsonValue | undefined): JsonValue | undefined {
  return body === undefined ? undefined : canonicalEntity(t, set, body);
}

function canonicalEntity(t: NameTables, set: EntitySet, body: JsonValue): JsonValue {
  if (!isJsonObject(body)) return body;
  const out: Record<string, JsonValue> = {};
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    const at = name.indexOf('@');
    if (at === 0) out[name] = name === '@odata.type' || name === '@type' ? canonicalType(t, set, value) : value;
    else if (at > 0) out[annotated(t, set, name, at)] = value;
    else {
      const canonical = canonicalMember(t, set.type, name);
      if (canonical !== undefined) out[canonical] = member(t, set, name, canonical, value, unknown);
      else if (TENANT.test(name)) out[name] = value;
      else unknown.push(name);
    }
  }
  if (unknown.length > 0) throw unknownProperties(t, set.type, unknown);
  return out;
}
