// Migration 2: tenants, ERP service accounts and their API keys (stored only as keyed hashes).
import type { Knex } from 'knex';

export const name = '0002-security';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenants', (t) => {
    t.string('id', 32).primary();
    t.string('name', 200).notNullable();
    t.string('created_at', 24).notNullable();
  });
  await knex.schema.createTable('service_accounts', (t) => {
    t.string('id', 40).primary();
    t.string('tenant_id', 32).notNullable().references('id').inTable('tenants');
    t.string('name', 200).notNullable();
    t.text('operations').notNullable(); // JSON array of granted operations
    t.integer('rate_limit_per_minute').notNullable();
    t.smallint('active').notNullable().defaultTo(1);
    t.string('created_at', 24).notNullable();
    t.string('last_used_at', 24).nullable();
    t.index(['tenant_id']);
  });
  await knex.schema.createTable('api_keys', (t) => {
    t.string('id', 40).primary();
    t.string('account_id', 40).notNullable().references('id').inTable('service_accounts');
    t.string('key_hash', 64).notNullable().unique(); // hex keyed BLAKE2b of the whole key
    t.string('created_at', 24).notNullable();
    t.string('expires_at', 24).nullable();
    t.string('revoked_at', 24).nullable();
    t.index(['account_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('api_keys');
  await knex.schema.dropTableIfExists('service_accounts');
  await knex.schema.dropTableIfExists('tenants');
}
