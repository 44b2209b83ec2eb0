// INSERT one tenant. A duplicate id surfaces as the driver's unique violation (see unique-violation.ts).
import type { Knex } from 'knex';
import type { TenantRow } from './rows';

export async function insertTenant(knex: Knex, row: TenantRow): Promise<void> {
  await knex('tenants').insert(row);
}
