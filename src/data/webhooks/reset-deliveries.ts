// UPDATE deliveries back to due-now with a fresh attempt budget: the admin's redelivery. Without
// event ids it takes every dead letter of the subscription; with ids, those events whatever their state.
import type { Knex } from 'knex';

export async function resetDeliveries(knex: Knex, subscriptionId: string, now: string, eventIds?: readonly string[]): Promise<number> {
  const q = knex('webhook_deliveries').where('subscription_id', subscriptionId);
  if (eventIds === undefined) void q.where('status', 'dead');
  else void q.whereIn('event_id', [...eventIds]);
  return q.update({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, last_error: null });
}
