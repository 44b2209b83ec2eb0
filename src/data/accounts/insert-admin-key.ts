// INSERT one platform admin key (hash only).
import type { Knex } from 'knex';
import type { AdminKeyRow } from './rows';

export async function insertAdminKey(knex: Knex, row: AdminKeyRow): Promise<void> {
  await knex('admin_keys').insert(row);
}
