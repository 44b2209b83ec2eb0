// Whether a tenant already has entity rows, and deleting them all (for `seed --replace`).
// Tables are listed children-first so foreign keys hold after every statement.
import type { Knex } from 'knex';
import { TENANT_COLUMN } from '../../edm/db-schema';
import { modelTablesInDropOrder } from '../migrations/model-ddl';

export async function tenantHasData(trx: Knex.Transaction, tenantId: string): Promise<boolean> {
  for (const table of modelTablesInDropOrder()) {
    if (await trx(table).select(TENANT_COLUMN).where(TENANT_COLUMN, tenantId).first()) return true;
  }
  return false;
}

export async function deleteTenantData(trx: Knex.Transaction, tenantId: string): Promise<void> {
  for (const table of modelTablesInDropOrder()) await trx(table).where(TENANT_COLUMN, tenantId).del();
}
