// Stores the final response of a claimed Idempotency-Key, in the same transaction as the work.
import type { Knex } from 'knex';
import { IDEMPOTENCY_KEYS } from './idempotency-row';

export async function completeIdempotencyRecord(trx: Knex, tenantId: string, key: string, status: number, response: string): Promise<void> {
  await trx(IDEMPOTENCY_KEYS).where({ tenant_id: tenantId, idem_key: key }).update({ status, response });
}
