// CREATE TABLE statements for the entity sets, generated from the model (via edm/db-schema).
// Every table carries tenant_id, and every key and foreign key is per tenant.
import type { Dialect } from '../db';
import { allTables, tableOf, snake, TENANT_COLUMN, type Column, type Storage, type TableSchema } from '../../edm/db-schema';
import { navigationTarget, property } from '../../../metadata';

const SQLITE_TYPE: Record<Storage, string> = {
  text: 'TEXT', int: 'INTEGER', bigint: 'INTEGER', scaled: 'INTEGER', bool: 'INTEGER', enum: 'INTEGER', timestamp: 'TEXT', date: 'TEXT',
};
const PG_TYPE: Record<Storage, string> = {
  text: 'TEXT COLLATE "C"', int: 'INTEGER', bigint: 'BIGINT', scaled: 'BIGINT', bool: 'SMALLINT', enum: 'SMALLINT',
  timestamp: 'TEXT COLLATE "C"', date: 'TEXT COLLATE "C"',
};

const q = (id: string) => `"${id}"`;

function columnDdl(c: Column, dialect: Dialect): string {
  const type = (dialect === 'pg' ? PG_TYPE : SQLITE_TYPE)[c.storage];
  return `${q(c.name)} ${type}${c.nullable ? '' : ' NOT NULL'}`;
}

/** Single-valued navigations whose constraint columns live in this table become foreign keys. */
function foreignKeys(t: TableSchema): string[] {
  return t.type.navigation
    .filter((n) => !n.collection && n.on.every((pair) => property(t.type, pair.source) !== undefined && !t.type.key.includes(pair.source)))
    .map((n) => {
      const target = tableOf(navigationTarget(t.set, n).name);
      const local = [TENANT_COLUMN, ...n.on.map((p) => snake(p.source))].map(q).join(', ');
      const remote = [TENANT_COLUMN, ...n.on.map((p) => snake(p.target))].map(q).join(', ');
      return `FOREIGN KEY (${local}) REFERENCES ${q(target.table)} (${remote})`;
    });
}

function createTable(t: TableSchema, dialect: Dialect): string {
  const tenantType = dialect === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  const pk = [TENANT_COLUMN, ...t.keyColumns.map((c) => c.name)].map(q).join(', ');
  const lines = [
    `${q(TENANT_COLUMN)} ${tenantType} NOT NULL`,
    ...t.columns.map((c) => columnDdl(c, dialect)),
    `PRIMARY KEY (${pk})`,
    ...foreignKeys(t),
  ];
  return `CREATE TABLE ${q(t.table)} (\n  ${lines.join(',\n  ')}\n)`;
}

/** Indexes for the foreign keys (joins, $expand IN lists) and the common filters/orderings. */
function indexes(t: TableSchema): string[] {
  const fkCols = t.type.navigation
    .filter((n) => !n.collection)
    .flatMap((n) => n.on.map((p) => snake(p.source)))
    .filter((c) => c !== t.keyColumns[0]?.name);
  const extra = t.table === 'customers' ? ['name', 'address_city'] : t.table === 'products' ? ['name'] : [];
  return [...new Set([...fkCols, ...extra])].map(
    (c) => `CREATE INDEX ${q(`ix_${t.table}_${c}`)} ON ${q(t.table)} (${q(TENANT_COLUMN)}, ${q(c)})`,
  );
}

/** Tables in dependency order (referenced tables first). */
const ORDER = ['Categories', 'Customers', 'Products', 'Contacts', 'PriceAgreements'];

export function modelDdl(dialect: Dialect): string[] {
  const tables = ORDER.map(tableOf);
  if (tables.length !== allTables().length) throw new Error('model-ddl: ORDER misses an entity set');
  return [
    ...tables.flatMap((t) => [createTable(t, dialect), ...indexes(t)]),
    // model.md: contact e-mail is unique per tenant, case-insensitively
    `CREATE UNIQUE INDEX ${q('ux_contacts_email')} ON ${q('contacts')} (${q(TENANT_COLUMN)}, lower(${q('email')}))`,
  ];
}

export const modelTablesInDropOrder = (): string[] => [...ORDER].reverse().map((s) => tableOf(s).table);
