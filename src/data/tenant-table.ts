// The ONLY way to reach tenant rows: every read query — root and every $expand level — starts
// here, so the tenant predicate can never be forgotten (RESTier's OnFilter at every level).
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
