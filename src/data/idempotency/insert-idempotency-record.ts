// Claims an Idempotency-Key inside the caller's transaction: purges expired records, then INSERTs.
// A concurrent holder of the same key makes the INSERT wait (PostgreSQL) and then fail with a
// unique violation, which the caller turns into a replay of the holder's response.
import type { Knex } from 'knex';
import { IDEMPOTENCY_KEYS, type IdempotencyRecord } from './idempotency-row';

export async function insertIdempotencyRecord(trx: Knex, r: IdempotencyRecord, nowMs: number): Promise<void> {
  await trx(IDEMPOTENCY_KEYS).where('expires_at_ms', '<=', nowMs).andWhere('tenant_id', r.tenantId).delete();
  await trx(IDEMPOTENCY_KEYS).insert({
    tenant_id: r.tenantId, idem_key: r.key, route: r.route, request_hash: r.requestHash, status: r.status,
    response: r.response, created_at: r.createdAt, expires_at_ms: r.expiresAtMs,
  });
}
