// SELECT all tenants, ordered by id.
import type { Knex } from 'knex';
import type { TenantRow } from './rows';

export async function listTenantRows(knex: Knex): Promise<TenantRow[]> {
  return (await knex('tenants').select('id', 'name', 'created_at').orderBy('id')) as TenantRow[];
}
