// The ONLY way to reach tenant rows: every read query — root and every $expand level — starts
// here, and so does every write (on the command's transaction), so the tenant predicate can
// never be forgotten (RESTier's OnFilter at every level).
import type { Knex } from 'knex';
import type { Database } from './db';
import { TENANT_COLUMN, tableOf } from '../edm/db-schema';

export interface TenantScope {
  readonly tenantId: string;
}

/** `SELECT … FROM <set table> AS <alias> WHERE <alias>.tenant_id = ?` as a knex builder. */
export function tenantTable(db: Database, scope: TenantScope, setName: string, alias = 't0'): Knex.QueryBuilder {
  const table = tableOf(setName).table;
  return db.knex({ [alias]: table }).where(`${alias}.${TENANT_COLUMN}`, scope.tenantId);
}

/** Write side: `<set table> WHERE tenant_id = ?` on a transaction, for UPDATE, DELETE and locking SELECTs. */
export function tenantRows(trx: Knex, scope: TenantScope, setName: string): Knex.QueryBuilder {
  return trx(tableOf(setName).table).where(TENANT_COLUMN, scope.tenantId);
}

/** Write side: INSERT into a set's table, every row stamped with the caller's tenant. */
export function tenantInsert(trx: Knex, scope: TenantScope, setName: string, rows: ReadonlyArray<Record<string, unknown>>): Knex.QueryBuilder {
  return trx(tableOf(setName).table).insert(rows.map((r) => ({ ...r, [TENANT_COLUMN]: scope.tenantId })));
}

/** Tenant-owned log tables outside the model (domain_events, outbox). */
export type TenantLogTable = 'domain_events' | 'outbox';

/** Write side: INSERT into a tenant log table, every row stamped with the caller's tenant. */
export function tenantLogInsert(trx: Knex, scope: TenantScope, table: TenantLogTable, rows: ReadonlyArray<Record<string, unknown>>): Knex.QueryBuilder {
  return trx(table).insert(rows.map((r) => ({ ...r, [TENANT_COLUMN]: scope.tenantId })));
}
