// Migration 3: platform admin keys (keyed hashes only, like api_keys) and the sealed secrets every
// instance shares (token signing key, API-key hash key), sealed under the master key.
import type { Knex } from 'knex';

export const name = '0003-key-lifecycle';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('admin_keys', (t) => {
    t.string('id', 40).primary();
    t.string('name', 200).notNullable();
    t.string('key_hash', 64).notNullable().unique(); // hex keyed BLAKE2b of the whole key
    t.string('created_at', 24).notNullable();
    t.string('revoked_at', 24).nullable();
  });
  await knex.schema.createTable('sealed_secrets', (t) => {
    t.string('name', 64).primary();
    t.text('sealed').notNullable(); // v1.<masterKeyId>.<nonce>.<ciphertext> (security/seal.ts)
    t.string('created_at', 24).notNullable();
    t.string('updated_at', 24).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sealed_secrets');
  await knex.schema.dropTableIfExists('admin_keys');
}
