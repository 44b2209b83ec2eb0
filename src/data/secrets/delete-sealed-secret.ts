// DELETE a sealed secret by name; true when one was there.
import type { Knex } from 'knex';

export async function deleteSealedSecret(knex: Knex, name: string): Promise<boolean> {
  return (await knex('sealed_secrets').where({ name }).delete()) > 0;
}
