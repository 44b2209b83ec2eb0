// Migration 6: Idempotency-Key records of /api/erp writes. The primary key (tenant, key) is what
// makes two concurrent requests with one key race-free: the second INSERT waits for the first
// transaction and then fails, and the loser replays the winner's stored response.
import type { Knex } from 'knex';

export const name = '0006-idempotency';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.string('tenant_id', 40).notNullable();
    t.string('idem_key', 255).notNullable(); // the client's Idempotency-Key header
    t.string('route', 96).notNullable(); // e.g. POST /api/erp/customers/sync
    t.string('request_hash', 64).notNullable(); // sha256 of route + canonical JSON body
    t.integer('status').notNullable(); // the first response's status …
    t.text('response').notNullable(); // … and its JSON body, replayed as is
    t.string('created_at', 24).notNullable();
    t.bigInteger('expires_at_ms').notNullable(); // created + 24 h; expired rows are purged on the next claim
    t.primary(['tenant_id', 'idem_key']);
    t.index(['expires_at_ms'], 'ix_idempotency_keys_expiry');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('idempotency_keys');
}
