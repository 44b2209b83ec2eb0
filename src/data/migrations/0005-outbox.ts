// Migration 5: the write path's event log and transactional outbox (architecture §1.8). Two tables
// on purpose: domain_events is immutable history (the events API reads it from a cursor, kept
// for good), outbox is mutable delivery state for a dispatcher (FOR UPDATE SKIP LOCKED on
// PostgreSQL, a lease via locked_until on SQLite), pruned once delivered.
import type { Knex } from 'knex';

export const name = '0005-outbox';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('domain_events', (t) => {
    t.bigIncrements('id'); // global sequence; per tenant in commit order (append-events.ts locks)
    t.string('event_id', 36).notNullable().unique(); // uuid
    t.string('tenant_id', 40).notNullable();
    t.string('type', 64).notNullable(); // CustomerCreated, ContactDeleted …
    t.string('entity_set', 64).nullable();
    t.text('entity_key').nullable(); // canonical key predicate, e.g. ('10042') or (CustomerID='1',ProductID='A-1')
    t.bigInteger('version').nullable(); // the entity's Version after the event
    t.text('payload').notNullable(); // JSON of the event data (model values, exact decimals as strings)
    t.string('occurred_at', 24).notNullable(); // ISO 8601 UTC, ms
    t.string('command_id', 36).notNullable();
    t.string('command_type', 64).notNullable();
    t.string('request_id', 128).nullable();
    t.string('account_id', 64).nullable();
    t.index(['tenant_id', 'id'], 'ix_domain_events_tenant_seq');
  });
  await knex.schema.createTable('outbox', (t) => {
    t.bigIncrements('id');
    t.string('event_id', 36).notNullable().references('event_id').inTable('domain_events');
    t.string('tenant_id', 40).notNullable();
    t.string('status', 16).notNullable().defaultTo('pending'); // pending | delivered | failed | dead
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('next_attempt_at', 24).notNullable();
    t.string('locked_until', 24).nullable(); // lease of a dispatcher instance (SQLite has no SKIP LOCKED)
    t.text('last_error').nullable();
    t.string('created_at', 24).notNullable();
    t.string('delivered_at', 24).nullable();
    t.index(['status', 'next_attempt_at'], 'ix_outbox_due');
    t.index(['event_id'], 'ix_outbox_event');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('outbox');
  await knex.schema.dropTableIfExists('domain_events');
}
