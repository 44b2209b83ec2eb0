// UPDATE several sealed secrets in one transaction (master-key rotation re-seals all or none).
// Each update is conditional on the old value, so a concurrent rotation cannot be overwritten
// silently: the whole transaction fails instead.
import type { Knex } from 'knex';

export interface SealedSecretChange {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export class SealedSecretChangedError extends Error {}

export async function replaceSealedSecrets(knex: Knex, changes: readonly SealedSecretChange[], updatedAt: string): Promise<void> {
  await knex.transaction(async (trx) => {
    for (const c of changes) {
      const n = await trx('sealed_secrets').where({ name: c.name, sealed: c.from }).update({ sealed: c.to, updated_at: updatedAt });
      if (n !== 1) throw new SealedSecretChangedError(`sealed secret '${c.name}' changed during the rotation`);
    }
  });
}
