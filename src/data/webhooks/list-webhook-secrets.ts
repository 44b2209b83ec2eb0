// SELECT every webhook subscription's sealed signing secret (for master-key rotation), ordered by id.
import type { Knex } from 'knex';

export interface SealedWebhookSecret {
  readonly id: string;
  readonly secret_sealed: string;
}

export async function listWebhookSecrets(knex: Knex): Promise<SealedWebhookSecret[]> {
  return (await knex('webhook_subscriptions').select('id', 'secret_sealed').orderBy('id')) as SealedWebhookSecret[];
}
