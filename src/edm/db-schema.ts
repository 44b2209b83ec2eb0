// The relational schema, derived from the EDM model. Storage choices (why):
// - Decimal is a scaled BIGINT (value × 10^scale) on both dialects: exact, and it compares and
//   sorts numerically with plain SQL on SQLite (which has no decimal type) and PostgreSQL alike.
// - DateTimeOffset is fixed-width ISO text `YYYY-MM-DDTHH:MM:SS.sssZ` (always UTC), Date is
//   `YYYY-MM-DD`: text order is time order, and year()/month()… are the same substr() everywhere.
// - Boolean is SMALLINT 0/1 and enums are their integer value, so comparisons bind the same on both.
// - PostgreSQL text columns use COLLATE "C" so ordering and comparison are by code point, as in SQLite.
import { MODEL, complexType, typeOfSet } from '../../metadata';
import type { EdmPrimitive, EntitySet, EntityType, StructuralProperty } from '../../metadata';

export type Storage = 'text' | 'int' | 'bigint' | 'scaled' | 'bool' | 'enum' | 'timestamp' | 'date';

export interface Column {
  /** SQL column name (snake_case; complex members flattened: address_city) */
  readonly name: string;
  /** property path in the model: ['Address','City'] */
  readonly path: readonly string[];
  readonly edmType: EdmPrimitive | 'enum';
  /** enum type simple name when edmType is 'enum' */
  readonly enumType?: string;
  readonly storage: Storage;
  readonly nullable: boolean;
  readonly scale?: number;
  readonly maxLength?: number;
}

export interface TableSchema {
  readonly set: EntitySet;
  readonly type: EntityType;
  readonly table: string;
  readonly columns: readonly Column[];
  /** key: property path joined with '/' */
  readonly byPath: ReadonlyMap<string, Column>;
  readonly keyColumns: readonly Column[];
}

export const TENANT_COLUMN = 'tenant_id';

export const snake = (name: string): string =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();

const STORAGE: Record<EdmPrimitive, Storage> = {
  'Edm.String': 'text',
  'Edm.Int32': 'int',
  'Edm.Int64': 'bigint',
  'Edm.Decimal': 'scaled',
  'Edm.Boolean': 'bool',
  'Edm.DateTimeOffset': 'timestamp',
  'Edm.Date': 'date',
};

function columnsOf(prop: StructuralProperty, prefix: readonly string[], parentNullable: boolean): Column[] {
  const path = [...prefix, prop.name];
  const name = path.map(snake).join('_');
  if (prop.kind === 'complex') {
    const ct = complexType(prop.type);
    if (!ct) throw new Error(`model: unknown complex type ${prop.type}`);
    return ct.properties.flatMap((p) => columnsOf(p, path, true));
  }
  const nullable = prop.nullable || parentNullable;
  if (prop.kind === 'enum') return [{ name, path, edmType: 'enum', enumType: prop.type, storage: 'enum', nullable }];
  return [
    {
      name,
      path,
      edmType: prop.type,
      storage: STORAGE[prop.type],
      nullable,
      ...(prop.scale !== undefined ? { scale: prop.scale } : {}),
      ...(prop.maxLength !== undefined ? { maxLength: prop.maxLength } : {}),
    },
  ];
}

function buildTable(set: EntitySet): TableSchema {
  const type = typeOfSet(set);
  const columns = type.properties.flatMap((p) => columnsOf(p, [], false));
  const byPath = new Map(columns.map((c) => [c.path.join('/'), c]));
  const keyColumns = type.key.map((k) => {
    const c = byPath.get(k);
    if (!c) throw new Error(`model: key ${k} of ${type.name} is not a column`);
    return c;
  });
  return { set, type, table: set.table, columns, byPath, keyColumns };
}

const TABLES = new Map(MODEL.entitySets.map((s) => [s.name, buildTable(s)]));

/** Table schema of an entity set (by set name). */
export function tableOf(setName: string): TableSchema {
  const t = TABLES.get(setName);
  if (!t) throw new Error(`model: unknown entity set ${setName}`);
  return t;
}
export const allTables = (): readonly TableSchema[] => [...TABLES.values()];
