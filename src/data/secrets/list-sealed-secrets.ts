// SELECT every sealed secret (for master-key rotation), ordered by name.
import type { Knex } from 'knex';
import type { SealedSecretRow } from './rows';

export async function listSealedSecrets(knex: Knex): Promise<SealedSecretRow[]> {
  return (await knex('sealed_secrets').select('name', 'sealed', 'created_at', 'updated_at').orderBy('name')) as SealedSecretRow[];
}
