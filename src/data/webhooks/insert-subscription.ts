// INSERT one webhook subscription (its secret already sealed by the caller).
import type { Knex } from 'knex';
import type { SubscriptionRow } from './rows';

export async function insertSubscription(knex: Knex, row: SubscriptionRow): Promise<void> {
  await knex('webhook_subscriptions').insert(row);
}
