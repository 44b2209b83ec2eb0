// SELECT a subscription's deliveries (optionally of one status), newest event first.
import type { Knex } from 'knex';
import type { DeliveryListRow, DeliveryStatus } from './rows';

export async function listDeliveries(knex: Knex, subscriptionId: string, opts: { status?: DeliveryStatus; limit: number }): Promise<DeliveryListRow[]> {
  const q = knex({ d: 'webhook_deliveries' })
    .join({ e: 'domain_events' }, 'e.event_id', 'd.event_id')
    .where('d.subscription_id', subscriptionId)
    .orderBy('d.event_seq', 'desc')
    .limit(opts.limit)
    .select('d.event_id', 'e.type as event_type', 'd.status', 'd.attempts', 'd.next_attempt_at', 'd.last_status', 'd.last_error', 'd.created_at', 'd.delivered_at');
  if (opts.status !== undefined) void q.where('d.status', opts.status);
  return (await q) as DeliveryListRow[];
}
