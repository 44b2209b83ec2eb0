// Reads the live (unexpired) record of one tenant's Idempotency-Key, if any.
import type { Knex } from 'knex';
import { IDEMPOTENCY_KEYS, type IdempotencyRecord } from './idempotency-row';

export async function findIdempotencyRecord(knex: Knex, tenantId: string, key: string, nowMs: number): Promise<IdempotencyRecord | undefined> {
  const row = (await knex(IDEMPOTENCY_KEYS)
    .where({ tenant_id: tenantId, idem_key: key })
    .andWhere('expires_at_ms', '>', nowMs)
    .first()) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  return {
    tenantId, key, route: String(row.route), requestHash: String(row.request_hash), status: Number(row.status),
    response: String(row.response), createdAt: String(row.created_at), expiresAtMs: Number(row.expires_at_ms),
  };
}
