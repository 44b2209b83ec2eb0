// INSERT a sealed secret unless one of that name exists. Several instances may start at once on
// a new database: the first insert wins and every instance then reads the winner back.
import type { Knex } from 'knex';
import type { SealedSecretRow } from './rows';

export async function insertSealedSecretIfAbsent(knex: Knex, row: SealedSecretRow): Promise<void> {
  await knex('sealed_secrets').insert(row).onConflict('name').ignore();
}
