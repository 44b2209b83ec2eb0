// UPDATE an account's grants, rate limit and/or state; resolves to the number of rows changed
// (0 = no such account).
import type { Knex } from 'knex';
import type { ServiceAccountRow } from './rows';

export type ServiceAccountChanges = Partial<Pick<ServiceAccountRow, 'operations' | 'rate_limit_per_minute' | 'active'>>;

export async function updateServiceAccount(knex: Knex, id: string, changes: ServiceAccountChanges): Promise<number> {
  if (Object.keys(changes).length === 0) return (await knex('service_accounts').where({ id }).first('id')) ? 1 : 0;
  return knex('service_accounts').where({ id }).update(changes);
}
