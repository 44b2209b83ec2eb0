// Migration 10: every OData write appends one outbox row, and each index on outbox is one more
// B-tree insert per row on the write path. Two of 0005's indexes serve no query:
// - ix_outbox_due (status, next_attempt_at): outbox rows are never selected by next_attempt_at
//   (the fan-out and the backlog gauge read `status = 'pending'` in id order: ix_outbox_pending, 0009);
//   retries are scheduled on webhook_deliveries, which has its own due index.
// - ix_outbox_event (event_id): outbox is only ever joined TO domain_events by event_id (that
//   side is domain_events' unique index), and domain_events rows are never deleted, so the foreign
//   key never looks up outbox rows by event_id either.
import type { Knex } from 'knex';

export const name = '0010-outbox-write-indexes';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outbox', (t) => {
    t.dropIndex(['status', 'next_attempt_at'], 'ix_outbox_due');
    t.dropIndex(['event_id'], 'ix_outbox_event');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outbox', (t) => {
    t.index(['status', 'next_attempt_at'], 'ix_outbox_due');
    t.index(['event_id'], 'ix_outbox_event');
  });
}
