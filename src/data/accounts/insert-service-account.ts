// INSERT a service account together with its first API key (hash only), in one transaction so an
// account never exists without a key or a key without its account.
import type { Knex } from 'knex';
import type { ApiKeyRow, ServiceAccountRow } from './rows';

export async function insertServiceAccount(knex: Knex, account: ServiceAccountRow, key: ApiKeyRow): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx('service_accounts').insert(account);
    await trx('api_keys').insert(key);
  });
}
