// SELECT one sealed secret by name.
import type { Knex } from 'knex';
import type { SealedSecretRow } from './rows';

export async function findSealedSecret(knex: Knex, name: string): Promise<SealedSecretRow | undefined> {
  return (await knex('sealed_secrets').select('name', 'sealed', 'created_at', 'updated_at').where({ name }).first()) as
    | SealedSecretRow
    | undefined;
}
