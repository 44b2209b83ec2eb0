// Idempotency-Key for /api/erp writes (tenant-scoped, kept 24 h). The key is claimed as the FIRST
// statement of the write's own transaction and its response stored as the last, so the record and
// the data commit together: a crash leaves neither, a retry then simply runs again. Same key and
// same request → the stored response is replayed; same key, other request → 422. A concurrent
// request with the key blocks on the claim (unique key) until the first commits, then replays.
import type { Database } from '../../data/db';
import { completeIdempotencyRecord } from '../../data/idempotency/complete-idempotency-record';
import { findIdempotencyRecord } from '../../data/idempotency/find-idempotency-record';
import { insertIdempotencyRecord } from '../../data/idempotency/insert-idempotency-record';
import { isUniqueViolation } from '../../data/unique-violation';
import { ConflictError, ValidationError } from '../../errors/catalogue';
import type { CommandBus, UnitOfWork, WriteScope } from '../bus';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export interface IdempotencyClaim {
  readonly key: string;
  readonly route: string;
  readonly requestHash: string;
}

export interface WriteResponse {
  readonly status: number;
  readonly body: unknown;
  /** true when this is the stored response of an earlier request with the same key */
  readonly replayed: boolean;
}

async function storedResponse(db: Database, scope: WriteScope, claim: IdempotencyClaim): Promise<WriteResponse | undefined> {
  const found = await findIdempotencyRecord(db.knex, scope.tenantId, claim.key, Date.now());
  if (!found) return undefined;
  if (found.requestHash !== claim.requestHash || found.route !== claim.route) {
    throw new ValidationError('This Idempotency-Key was already used with a different request; use a new key for a new request.', { target: 'Idempotency-Key' });
  }
  return { status: found.status, body: JSON.parse(found.response) as unknown, replayed: true };
}

async function claimKey(uow: UnitOfWork, claim: IdempotencyClaim): Promise<void> {
  const nowMs = uow.now.getTime();
  await insertIdempotencyRecord(uow.db.knex, {
    tenantId: uow.scope.tenantId, key: claim.key, route: claim.route, requestHash: claim.requestHash,
    status: 0, response: 'null', createdAt: uow.now.toISOString(), expiresAtMs: nowMs + IDEMPOTENCY_TTL_MS,
  }, nowMs);
}

/**
 * Runs `work` in one unit of work, under the Idempotency-Key `claim` when given. `work` returns the
 * response to send (and to store for replays).
 */
export async function idempotentWrite(
  bus: CommandBus, db: Database, scope: WriteScope, claim: IdempotencyClaim | undefined,
  work: (uow: UnitOfWork) => Promise<{ status: number; body: unknown }>,
): Promise<WriteResponse> {
  if (!claim) return { ...(await bus.withUnitOfWork(scope, work)).result, replayed: false };
  const earlier = await storedResponse(db, scope, claim);
  if (earlier) return earlier;
  try {
    const { result } = await bus.withUnitOfWork(scope, async (uow) => {
      await claimKey(uow, claim);
      const out = await work(uow);
      await completeIdempotencyRecord(uow.db.knex, scope.tenantId, claim.key, out.status, JSON.stringify(out.body));
      return out;
    });
    return { ...result, replayed: false };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // another request holding this key committed first: answer as it did
    const winner = await storedResponse(db, scope, claim);
    if (winner) return winner;
    throw new ConflictError('A request with this Idempotency-Key is in progress; retry it later.', { target: 'Idempotency-Key' });
  }
}
