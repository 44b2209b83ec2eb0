// INSERT or REPLACE a sealed secret by name (secrets an operator sets and changes, e.g. the
// upstream credential of a tenant); created_at stays that of the first version.
import type { Knex } from 'knex';
import type { SealedSecretRow } from './rows';

export async function upsertSealedSecret(knex: Knex, row: SealedSecretRow): Promise<void> {
  await knex('sealed_secrets').insert(row).onConflict('name').merge(['sealed', 'updated_at']);
}
