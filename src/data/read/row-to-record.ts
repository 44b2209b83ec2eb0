// Storage row → EntityRecord: scaled BIGINT text → exact decimal string with the column's scale,
// Int64 text as is, SMALLINT 0/1 → boolean, enum integer → member name, flattened address_* columns
// → a nested object. A complex value is always an object, with null members when the columns are
// null (as RESTier writes it), never null itself.
import { enumType } from '../../../metadata';
import type { ComplexValue, EntityRecord, ExpandedResult, PrimitiveValue, PropertyValue } from '../../odata/query/read-result';
import { formatExactDecimal } from '../../odata/query/exact-decimal';
import type { Column } from '../../edm/db-schema';
import type { LevelShape } from './level-shape';

export type Row = Readonly<Record<string, unknown>>;

/** A fetched entity: its raw row (link columns, window values) and the record being filled. */
export interface Fetched {
  readonly row: Row;
  readonly record: EntityRecord;
  /** the record's `expanded`, filled level by level */
  readonly expanded: Record<string, ExpandedResult>;
}

// enum type → stored value → member name, built on first use (the model's enums are few and small)
const ENUM_NAMES = new Map<string, ReadonlyMap<number, string>>();

function enumName(typeName: string, v: unknown): string {
  let names = ENUM_NAMES.get(typeName);
  if (!names) {
    names = new Map((enumType(typeName)?.members ?? []).map((m) => [m.value, m.name] as const));
    ENUM_NAMES.set(typeName, names);
  }
  const name = names.get(Number(v));
  if (name === undefined) throw new Error(`read: ${String(v)} is not a value of enum ${typeName}`);
  return name;
}

// Canonical integer text (no sign on zero, no leading zeros): its decimal point can be placed by
// slicing. Anything else (PostgreSQL oddities) takes the BigInt path, which normalises.
const CANONICAL_INTEGER = /^(?:0|-?[1-9]\d*)$/;

/** Scaled BIGINT → exact decimal text ("850000", 2 → "8500.00"); same text as formatExactDecimal. */
function scaledText(v: unknown, scale: number): string {
  const text = typeof v === 'string' ? v : String(v);
  if (scale === 0 || !CANONICAL_INTEGER.test(text) || (typeof v === 'number' && !Number.isSafeInteger(v))) {
    return formatExactDecimal({ unscaled: BigInt(text), scale });
  }
  const negative = text.charCodeAt(0) === 45; // '-'
  const digits = (negative ? text.slice(1) : text).padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

export function convertColumn(c: Column, v: unknown): PrimitiveValue | null {
  if (v === null || v === undefined) return null;
  switch (c.storage) {
    case 'text':
    case 'timestamp':
    case 'date':
    case 'bigint': return String(v);
    case 'int': return Number(v);
    case 'scaled': return scaledText(v, c.scale ?? 0);
    case 'bool': return Number(v) !== 0;
    case 'enum': return enumName(c.enumType ?? '', v);
  }
}

function complexValue(members: ReadonlyArray<readonly [string, Column]>, row: Row): ComplexValue {
  const value: Record<string, PrimitiveValue | null> = {};
  for (const [m, c] of members) value[m] = convertColumn(c, row[c.name]);
  return value;
}

/** The row as a record, by the level's precomputed shape (which columns, which conversions). */
export function toFetched(shape: LevelShape, row: Row): Fetched {
  const values: Record<string, PropertyValue> = {};
  for (const r of shape.values) values[r.name] = 'column' in r ? convertColumn(r.column, row[r.column.name]) : complexValue(r.members, row);
  const key: Record<string, string | number> = {};
  for (const [k, c] of shape.keys) {
    const v = convertColumn(c, row[c.name]);
    if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`read: key ${k} is ${String(v)}`);
    key[k] = v;
  }
  const version = shape.version ? convertColumn(shape.version, row[shape.version.name]) : null;
  const expanded: Record<string, ExpandedResult> = {};
  const record: EntityRecord = typeof version === 'string' ? { values, key, expanded, version } : { values, key, expanded };
  return { row, record, expanded };
}
