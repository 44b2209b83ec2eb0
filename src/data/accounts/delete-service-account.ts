// DELETE an account and all its keys in one transaction (keys first: they reference the account).
// Resolves to false when there was no such account.
import type { Knex } from 'knex';

export async function deleteServiceAccount(knex: Knex, id: string): Promise<boolean> {
  return knex.transaction(async (trx) => {
    await trx('api_keys').where({ account_id: id }).delete();
    return (await trx('service_accounts').where({ id }).delete()) === 1;
  });
}
