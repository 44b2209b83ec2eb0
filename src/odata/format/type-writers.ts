// Per-type property writers, built once at start-up from the model, so serialising a row is a
// loop of map lookups and string appends — no per-request model walking.
import { MODEL, complexType, enumType, qualified } from '../../../metadata';
import type { EntityType, StructuralProperty } from '../../../metadata';
import type { ComplexValue, PropertyValue } from '../query/read-result';
import { primitiveKind, writePrimitive } from './primitive';
import { complexTexts, primitiveTexts, type ValueTexts } from './value-texts';
import type { ResponseFormat } from './response-format';

export interface PropertyWriter {
  /** `"Name":` */
  readonly jsonKey: string;
  /** full-metadata annotation written before the value, e.g. `"CreditLimit@odata.type":"#Decimal",` ('' if none) */
  readonly typeAnnotation: string;
  write(value: PropertyValue, fmt: ResponseFormat): string;
  /** the same notation chosen once per format: no `fmt` argument, no dispatch (write-entity.ts) */
  readonly texts: ValueTexts;
}

export interface TypeWriter {
  readonly type: EntityType;
  /** `#B2X.Erp.Customer` */
  readonly odataType: string;
  /** by canonical property name; keys and annotations written with the served names */
  readonly properties: ReadonlyMap<string, PropertyWriter>;
  /** canonical navigation property name → its served name */
  readonly navigationNames: ReadonlyMap<string, string>;
}

/** The names a response is written with: canonical, or the public names of a name mapping (issue #5). */
export interface WriterNames {
  /** `B2X.Erp.Customer` for a simple type name */
  qualified(type: string): string;
  /** the served name of a property or navigation property of a canonical type */
  member(type: string, name: string): string;
}

export const CANONICAL_WRITER_NAMES: WriterNames = { qualified, member: (_type, name) => name };

// OData JSON §4.5.3: types a client cannot infer from the JSON value need @odata.type in full metadata.
const NEEDS_TYPE = new Set(['Edm.Int64', 'Edm.Decimal', 'Edm.DateTimeOffset', 'Edm.Date']);

function annotation(name: string, typeName: string): string {
  return `"${name}@odata.type":"#${typeName}",`;
}

// Strings are most values; they skip writePrimitive's dispatch (same notation: a JSON string).
// Text with nothing JSON.stringify would escape (quote, backslash, controls, surrogates) is quoted
// as is, which is twice as fast as JSON.stringify on typical names and e-mail addresses.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
function writeString(v: PropertyValue): string {
  if (v === null) return 'null';
  const s = String(v);
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function primitiveWriter(name: string, edmType: string): PropertyWriter {
  const kind = primitiveKind(edmType);
  return {
    jsonKey: `${JSON.stringify(name)}:`,
    typeAnnotation: NEEDS_TYPE.has(edmType) ? annotation(name, edmType.slice(4)) : '',
    write: kind === 'string' ? writeString : (v, fmt) => (v === null ? 'null' : writePrimitive(kind, v as string | number | boolean, fmt.ieee754)),
    texts: primitiveTexts(kind),
  };
}

function complexWriter(name: string, typeName: string, names: WriterNames): PropertyWriter {
  const ct = complexType(typeName);
  if (!ct) throw new Error(`model: unknown complex type ${typeName}`);
  const members = ct.properties.map((p) => [p.name, primitiveWriter(names.member(ct.name, p.name), p.type)] as const);
  return {
    jsonKey: `${JSON.stringify(name)}:`,
    typeAnnotation: '',
    write(v, fmt) {
      if (v === null) return 'null';
      const obj = v as ComplexValue;
      const parts = members.map(([m, w]) => `${w.jsonKey}${w.write(obj[m] ?? null, fmt)}`);
      return `{${parts.join(',')}}`;
    },
    texts: complexTexts(members.map(([m, w]) => ({ name: m, jsonKey: w.jsonKey, texts: w.texts }))),
  };
}

function writerFor(p: StructuralProperty, owner: EntityType, names: WriterNames): PropertyWriter {
  const name = names.member(owner.name, p.name);
  switch (p.kind) {
    case 'primitive':
      return primitiveWriter(name, p.type);
    case 'complex':
      return complexWriter(name, p.type, names);
    case 'enum': {
      if (!enumType(p.type)) throw new Error(`model: unknown enum ${p.type}`);
      const w = primitiveWriter(name, 'Edm.String');
      return { ...w, typeAnnotation: annotation(name, names.qualified(p.type)) };
    }
  }
}

/** The writers of every entity type, keyed by canonical type name; built once per set of names. */
export function buildTypeWriters(names: WriterNames): ReadonlyMap<string, TypeWriter> {
  return new Map<string, TypeWriter>(
    MODEL.entityTypes.map((t) => [
      t.name,
      {
        type: t,
        odataType: `#${names.qualified(t.name)}`,
        properties: new Map(t.properties.map((p) => [p.name, writerFor(p, t, names)])),
        navigationNames: new Map(t.navigation.map((n) => [n.name, names.member(t.name, n.name)])),
      },
    ]),
  );
}

const WRITERS = buildTypeWriters(CANONICAL_WRITER_NAMES);

export function typeWriter(typeName: string): TypeWriter {
  const w = WRITERS.get(typeName);
  if (!w) throw new Error(`model: unknown entity type ${typeName}`);
  return w;
}

/** Writer for a single property value outside an entity (GET …/Name, …/Address). */
export function propertyWriter(typeName: string, propertyName: string): PropertyWriter | undefined {
  return WRITERS.get(typeName)?.properties.get(propertyName);
}
