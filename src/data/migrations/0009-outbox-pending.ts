// Migration 9: the fan-out reads the oldest pending outbox rows (`status = 'pending' ORDER BY id
// LIMIT n`). With only ix_outbox_due (status, next_attempt_at) both databases read and sorted the
// whole pending backlog on every poll — 100–300 ms with 150,000 pending rows, holding SQLite's one
// connection while writes waited. (status, id) answers it with a short index range scan.
import type { Knex } from 'knex';

export const name = '0009-outbox-pending';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outbox', (t) => {
    t.index(['status', 'id'], 'ix_outbox_pending');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outbox', (t) => {
    t.dropIndex(['status', 'id'], 'ix_outbox_pending');
  });
}
