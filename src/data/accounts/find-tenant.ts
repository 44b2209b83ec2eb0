// SELECT one tenant by id.
import type { Knex } from 'knex';
import type { TenantRow } from './rows';

export async function findTenant(knex: Knex, id: string): Promise<TenantRow | undefined> {
  const row = (await knex('tenants').select('id', 'name', 'created_at').where({ id }).first()) as TenantRow | undefined;
  return row;
}
