// SELECT one service account by id (never its keys).
import type { Knex } from 'knex';
import type { ServiceAccountRow } from './rows';

export async function findServiceAccount(knex: Knex, id: string): Promise<ServiceAccountRow | undefined> {
  return (await knex('service_accounts')
    .select('id', 'tenant_id', 'name', 'operations', 'rate_limit_per_minute', 'active', 'created_at', 'last_used_at')
    .where({ id })
    .first()) as ServiceAccountRow | undefined;
}
