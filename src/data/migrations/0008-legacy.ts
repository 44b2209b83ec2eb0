// Migration 8: dual running beside the legacy RESTier service (issue #5). Per tenant: who serves
// each entity set, the state of the legacy /odata surface, and the evidence shadow mode collects
// (hourly comparison counts, the newest differences). Upstream credentials live in sealed_secrets.
import type { Knex } from 'knex';

export const name = '0008-legacy';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('legacy_routes', (t) => {
    t.string('tenant_id', 32).notNullable().references('id').inTable('tenants');
    t.string('entity_set', 64).notNullable(); // canonical name (metadata/model.ts)
    t.string('mode', 16).notNullable(); // local | upstream | shadow
    t.string('primary_side', 16).notNullable(); // local | upstream: who answers the client
    t.string('updated_at', 24).notNullable();
    t.primary(['tenant_id', 'entity_set']);
  });
  await knex.schema.createTable('legacy_surfaces', (t) => {
    t.string('tenant_id', 32).primary().references('id').inTable('tenants');
    t.string('state', 16).notNullable(); // read-write | read-only | off
    t.string('deprecation', 24).nullable(); // ISO instant
    t.string('sunset', 24).nullable(); // ISO instant
    t.text('link').nullable(); // migration notes, http(s)
    t.string('updated_at', 24).notNullable();
  });
  await knex.schema.createTable('shadow_comparison_counts', (t) => {
    t.string('tenant_id', 32).notNullable();
    t.string('entity_set', 64).notNullable();
    t.bigInteger('bucket_ms').notNullable(); // start of the UTC hour, epoch ms
    t.integer('compared').notNullable();
    t.integer('differed').notNullable();
    t.primary(['tenant_id', 'entity_set', 'bucket_ms']);
  });
  await knex.schema.createTable('shadow_differences', (t) => {
    t.bigIncrements('id'); // insertion order = newest last; pruning keeps the highest 200 per set
    t.string('tenant_id', 32).notNullable();
    t.string('entity_set', 64).notNullable();
    t.string('at', 24).notNullable();
    t.bigInteger('at_ms').notNullable();
    t.string('request_id', 128).notNullable();
    t.text('request').notNullable(); // method, path and query below /odata (≤ 2 KiB)
    t.string('primary_side', 16).notNullable();
    t.text('first_path').notNullable(); // JSON Pointer
    t.text('primary_value').notNullable(); // JSON text (≤ 1 KiB)
    t.text('secondary_value').notNullable();
    t.index(['tenant_id', 'entity_set', 'id'], 'ix_shadow_differences_set');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('shadow_differences');
  await knex.schema.dropTableIfExists('shadow_comparison_counts');
  await knex.schema.dropTableIfExists('legacy_surfaces');
  await knex.schema.dropTableIfExists('legacy_routes');
}
