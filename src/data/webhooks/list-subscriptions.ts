// SELECT subscriptions for the admin API, oldest first; the sealed secret column is never read.
import type { Knex } from 'knex';
import { LISTED_COLUMNS, type SubscriptionListRow } from './rows';

export async function listSubscriptions(knex: Knex, filter: { tenant?: string; id?: string }): Promise<SubscriptionListRow[]> {
  const q = knex('webhook_subscriptions').select(...LISTED_COLUMNS).orderBy([{ column: 'created_at' }, { column: 'id' }]);
  if (filter.tenant !== undefined) void q.where('tenant_id', filter.tenant);
  if (filter.id !== undefined) void q.where('id', filter.id);
  return (await q) as SubscriptionListRow[];
}
