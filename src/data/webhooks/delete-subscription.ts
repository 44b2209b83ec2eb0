// DELETE a subscription and its delivery rows (in one transaction; the FK cascade is not relied
// upon because SQLite enforces it only with foreign_keys on). Returns false when it did not exist.
import type { Knex } from 'knex';

export async function deleteSubscription(knex: Knex, id: string): Promise<boolean> {
  return knex.transaction(async (trx) => {
    await trx('webhook_deliveries').where('subscription_id', id).delete();
    return (await trx('webhook_subscriptions').where('id', id).delete()) > 0;
  });
}
