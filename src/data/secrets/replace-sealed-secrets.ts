// UPDATE several sealed values in one transaction (master-key rotation re-seals all or none): rows
// of sealed_secrets and the signing secrets of webhook subscriptions.
// Each update is conditional on the old value, so a concurrent rotation cannot be overwritten
// silently: the whole transaction fails instead.
import type { Knex } from 'knex';

export interface SealedSecretChange {
  /** where the value lives: a sealed_secrets row (by name) or a webhook subscription's secret (by id) */
  readonly place: 'sealed_secrets' | 'webhook_subscriptions';
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export class SealedSecretChangedError extends Error {}

export async function replaceSealedSecrets(knex: Knex, changes: readonly SealedSecretChange[], updatedAt: string): Promise<void> {
  await knex.transaction(async (trx) => {
    for (const c of changes) {
      const n = c.place === 'sealed_secrets'
        ? await trx('sealed_secrets').where({ name: c.name, sealed: c.from }).update({ sealed: c.to, updated_at: updatedAt })
        : await trx('webhook_subscriptions').where({ id: c.name, secret_sealed: c.from }).update({ secret_sealed: c.to });
      if (n !== 1) throw new SealedSecretChangedError(`sealed secret '${c.name}' changed during the rotation`);
    }
  });
}
