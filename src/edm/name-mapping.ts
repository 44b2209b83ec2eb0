// The operator's name mapping (issue #5): canonical model names → the public names the /odata
// surface speaks, validated against the model so a typo stops the process instead of silently
// publishing a half-renamed service. The file format is documented in load-name-mapping.ts.
import { z } from 'zod';
import { MODEL, type EdmModel } from '../../metadata';

export interface NameMapping {
  readonly namespace: string | null;
  readonly container: string | null;
  /** canonical entity set → public */
  readonly entitySets: Readonly<Record<string, string>>;
  /** canonical entity, complex or enum type (simple name) → public */
  readonly types: Readonly<Record<string, string>>;
  /** canonical entity or complex type → canonical property or navigation → public */
  readonly properties: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const IDENTITY_MAPPING: NameMapping = { namespace: null, container: null, entitySets: {}, types: {}, properties: {} };

// odataIdentifier (OData ABNF §6, CSDL SimpleIdentifier): what our URL parser reads as one name
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127}$/u;
const NAMESPACE = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127}(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127})*$/u;
const RESERVED_NAMESPACES = new Set(['Edm', 'odata', 'System', 'Transient']);

const identifier = z.string().regex(IDENTIFIER, 'is not a valid OData identifier');
const renames = z.record(z.string(), identifier);

const SCHEMA = z.strictObject({
  namespace: z.string().regex(NAMESPACE, 'is not a valid OData namespace').refine((s) => !RESERVED_NAMESPACES.has(s), 'is a reserved namespace').nullable().default(null),
  container: identifier.nullable().default(null),
  entitySets: renames.default({}),
  types: renames.default({}),
  properties: z.record(z.string(), renames).default({}),
});

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is invalid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the mapping';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown key(s) ${issue.keys.join(', ')} (allowed: namespace, container, entitySets, types, properties)`;
  return `${where} ${issue.message}`;
}

function checkKnown(names: readonly string[], known: ReadonlySet<string>, what: string, at: string): void {
  const bad = names.find((n) => !known.has(n));
  if (bad !== undefined) throw new Error(`${at}: '${bad}' is not ${what} of the model`);
}

/** Public names of one scope must be unique: `names` are the canonical names, `renamed` maps some. */
function checkUnique(names: readonly string[], renamed: Readonly<Record<string, string>>, scope: string): void {
  const seen = new Map<string, string>();
  for (const n of names) {
    const pub = renamed[n] ?? n;
    const other = seen.get(pub);
    if (other !== undefined) throw new Error(`${scope}: '${other}' and '${n}' would both be named '${pub}'`);
    seen.set(pub, n);
  }
}

function memberNamesOf(model: EdmModel): Map<string, readonly string[]> {
  return new Map<string, readonly string[]>([
    ...model.entityTypes.map((t) => [t.name, [...t.properties.map((p) => p.name), ...t.navigation.map((n) => n.name)]] as const),
    ...model.complexTypes.map((t) => [t.name, t.properties.map((p) => p.name)] as const),
  ]);
}

function checkAgainstModel(m: NameMapping, model: EdmModel): void {
  const sets = model.entitySets.map((s) => s.name);
  checkKnown(Object.keys(m.entitySets), new Set(sets), 'an entity set', 'entitySets');
  checkUnique(sets, m.entitySets, 'entitySets');
  const types = [...model.entityTypes, ...model.complexTypes, ...model.enumTypes].map((t) => t.name);
  checkKnown(Object.keys(m.types), new Set(types), 'an entity, complex or enum type', 'types');
  // the container is a schema child too: its name may not clash with a type's (CSDL §5)
  checkUnique([...types, model.container], { ...m.types, [model.container]: m.container ?? model.container }, 'types and container');
  const members = memberNamesOf(model);
  checkKnown(Object.keys(m.properties), new Set(members.keys()), 'an entity or complex type', 'properties');
  for (const [type, renamed] of Object.entries(m.properties)) {
    const names = members.get(type) ?? [];
    checkKnown(Object.keys(renamed), new Set(names), `a property or navigation property of ${type}`, `properties.${type}`);
    checkUnique(names, renamed, `properties.${type}`);
  }
  for (const [type, names] of members) checkNotTypeName(type, names, m);
}

/** A member may not be named like its declaring type: generated .NET clients could not compile it. */
function checkNotTypeName(type: string, names: readonly string[], m: NameMapping): void {
  const typeName = m.types[type] ?? type;
  const clash = names.find((n) => (m.properties[type]?.[n] ?? n) === typeName);
  if (clash !== undefined) throw new Error(`properties.${type}: '${clash}' would be named '${typeName}', the name of its own type`);
}

/**
 * Validates a parsed JSON value as a name mapping of `model`; throws an Error whose message is one
 * line naming the offending key (the loader prefixes the file name).
 */
export function parseNameMapping(raw: unknown, model: EdmModel = MODEL): NameMapping {
  const r = SCHEMA.safeParse(raw);
  if (!r.success) throw new Error(zodProblem(r.error));
  checkAgainstModel(r.data, model);
  return r.data;
}

/** True when the mapping renames nothing (the served names are the canonical ones). */
export function isIdentityMapping(m: NameMapping, model: EdmModel = MODEL): boolean {
  const changes = (r: Readonly<Record<string, string>>) => Object.entries(r).some(([k, v]) => k !== v);
  return (
    (m.namespace ?? model.namespace) === model.namespace &&
    (m.container ?? model.container) === model.container &&
    !changes(m.entitySets) && !changes(m.types) &&
    !Object.values(m.properties).some(changes)
  );
}
