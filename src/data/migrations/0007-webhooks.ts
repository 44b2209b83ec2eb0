// Migration 7: webhook subscriptions (secret sealed under the master key) and per-subscription
// delivery state. The outbox row of an event is fanned out into one delivery row per matching
// subscription, so retries, backoff and dead letters are tracked per receiver, not per event.
import type { Knex } from 'knex';

export const name = '0007-webhooks';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhook_subscriptions', (t) => {
    t.string('id', 40).primary(); // wh_<24 hex>
    t.string('tenant_id', 32).notNullable().references('id').inTable('tenants');
    t.text('url').notNullable();
    t.text('event_types').notNullable(); // JSON array; ["*"] = every type
    t.text('secret_sealed').notNullable(); // seal.ts v1.<keyId>.<nonce>.<box>; never plain
    t.smallint('active').notNullable().defaultTo(1);
    t.string('created_at', 24).notNullable();
    t.index(['tenant_id']);
  });
  await knex.schema.createTable('webhook_deliveries', (t) => {
    t.bigIncrements('id');
    t.string('subscription_id', 40).notNullable().references('id').inTable('webhook_subscriptions').onDelete('CASCADE');
    t.string('event_id', 36).notNullable().references('event_id').inTable('domain_events');
    t.bigInteger('event_seq').notNullable(); // domain_events.id: delivery order
    t.string('tenant_id', 32).notNullable();
    t.string('ordering_key', 64).notNullable(); // sha-256 of entity set + key: one in flight per entity
    t.string('status', 16).notNullable().defaultTo('pending'); // pending | failed | delivered | dead
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('next_attempt_at', 24).notNullable();
    t.string('locked_until', 24).nullable();
    t.integer('last_status').nullable();
    t.text('last_error').nullable();
    t.string('created_at', 24).notNullable();
    t.string('delivered_at', 24).nullable();
    t.unique(['subscription_id', 'event_id']);
    t.index(['status', 'next_attempt_at'], 'ix_webhook_deliveries_due');
    t.index(['subscription_id', 'ordering_key', 'status', 'event_seq'], 'ix_webhook_deliveries_order');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('webhook_deliveries');
  await knex.schema.dropTableIfExists('webhook_subscriptions');
}
