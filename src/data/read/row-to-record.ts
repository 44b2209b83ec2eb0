// Storage row → EntityRecord: scaled BIGINT text → exact decimal string with the column's scale,
// Int64 text as is, SMALLINT 0/1 → boolean, enum integer → member name, flattened address_* columns
// → a nested object. A complex value is always an object, with null members when the columns are
// null (as RESTier writes it), never null itself.
import { complexType, enumType, property, typeOfSet } from '../../../metadata';
import type { LevelPlan, SelectedProperty } from '../../odata/query/plan';
import type { ComplexValue, EntityRecord, ExpandedResult, PrimitiveValue, PropertyValue } from '../../odata/query/read-result';
import { formatExactDecimal } from '../../odata/query/exact-decimal';
import { tableOf, type Column } from '../../edm/db-schema';

export type Row = Readonly<Record<string, unknown>>;

/** A fetched entity: its raw row (link columns, window values) and the record being filled. */
export interface Fetched {
  readonly row: Row;
  readonly record: EntityRecord;
  /** the record's `expanded`, filled level by level */
  readonly expanded: Record<string, ExpandedResult>;
}

function enumName(typeName: string, v: unknown): string {
  const m = enumType(typeName)?.members.find((x) => x.value === Number(v));
  if (!m) throw new Error(`read: ${String(v)} is not a value of enum ${typeName}`);
  return m.name;
}

export function convertColumn(c: Column, v: unknown): PrimitiveValue | null {
  if (v === null || v === undefined) return null;
  switch (c.storage) {
    case 'text':
    case 'timestamp':
    case 'date':
    case 'bigint': return String(v);
    case 'int': return Number(v);
    case 'scaled': return formatExactDecimal({ unscaled: BigInt(String(v)), scale: c.scale ?? 0 });
    case 'bool': return Number(v) !== 0;
    case 'enum': return enumName(c.enumType ?? '', v);
  }
}

function column(setName: string, path: string): Column {
  const c = tableOf(setName).byPath.get(path);
  if (!c) throw new Error(`read: no column for ${setName}/${path}`);
  return c;
}

function selectedValue(setName: string, sp: SelectedProperty, row: Row): PropertyValue {
  const p = property(typeOfSet(tableOf(setName).set), sp.name);
  if (p?.kind !== 'complex') {
    const c = column(setName, sp.name);
    return convertColumn(c, row[c.name]);
  }
  const members = sp.members ?? (complexType(p.type)?.properties ?? []).map((m) => m.name);
  const value: Record<string, PrimitiveValue | null> = {};
  for (const m of members) {
    const c = column(setName, `${sp.name}/${m}`);
    value[m] = convertColumn(c, row[c.name]);
  }
  return value as ComplexValue;
}

export function toFetched(level: LevelPlan, row: Row): Fetched {
  const setName = level.set.name;
  const type = typeOfSet(level.set);
  const values: Record<string, PropertyValue> = {};
  for (const sp of level.selected) values[sp.name] = selectedValue(setName, sp, row);
  const key: Record<string, string | number> = {};
  for (const k of type.key) {
    const c = column(setName, k);
    const v = convertColumn(c, row[c.name]);
    if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`read: key ${k} of ${setName} is ${String(v)}`);
    key[k] = v;
  }
  const versionColumn = type.concurrency ? column(setName, type.concurrency) : undefined;
  const version = versionColumn ? convertColumn(versionColumn, row[versionColumn.name]) : null;
  const expanded: Record<string, ExpandedResult> = {};
  const record: EntityRecord = { values, key, expanded, ...(typeof version === 'string' ? { version } : {}) };
  return { row, record, expanded };
}
