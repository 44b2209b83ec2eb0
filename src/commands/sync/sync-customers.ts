// POST /api/erp/customers/sync as one function: validate every item first, then apply the valid
// ones in ONE unit of work, each in its own savepoint (uow.attempt) so a failing item is reported
// and undone without sinking the others; the whole sync commits, or (crash) nothing does.
import type { Database } from '../../data/db';
import { GatewayError } from '../../errors/catalogue';
import type { CommandBus, UnitOfWork, WriteScope } from '../bus';
import { command } from '../command';
import { idempotentWrite, type IdempotencyClaim, type WriteResponse } from '../idempotency/idempotent-write';
import type { SyncCustomerResult } from './handle-sync-customer';
import { SYNC_CUSTOMER, type SyncCustomersRequest, type SyncItemError, type SyncReport } from './sync-types';
import { validateSyncItems, type ValidatedItem } from './validate-sync-items';

export const MAX_SYNC_CUSTOMERS = 1000;

export interface SyncOptions {
  readonly requestId?: string;
  readonly idempotency?: IdempotencyClaim;
  /** test hook: runs inside the transaction just before it commits (the kill-during-sync test) */
  readonly beforeCommit?: () => Promise<void>;
}

function itemError(item: ValidatedItem, err: unknown): SyncItemError {
  if (!(err instanceof GatewayError)) throw err; // not a per-item problem (a bug, the database gone): fail the sync
  const details = err.details && err.details.length > 0 ? err.details : [{ code: err.code, message: err.message, ...(err.target ? { target: err.target } : {}) }];
  return { index: item.index, id: item.id, code: err.code, message: err.message, details };
}

async function applyItems(uow: UnitOfWork, items: readonly ValidatedItem[], invalid: readonly SyncItemError[], opts: SyncOptions): Promise<SyncReport> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const errors: SyncItemError[] = [...invalid];
  for (const item of items) {
    const meta = opts.requestId !== undefined ? { requestId: opts.requestId } : {};
    const r = await uow.attempt(command(SYNC_CUSTOMER, item.data, meta));
    if (r.ok) counts[(r.result as SyncCustomerResult).outcome]++;
    else errors.push(itemError(item, r.error));
  }
  errors.sort((a, b) => a.index - b.index);
  if (opts.beforeCommit) await opts.beforeCommit();
  return { ...counts, failed: errors.length, errors };
}

/** Validates and applies a sync; the response is 200 with the report (stored for Idempotency-Key replays). */
export async function syncCustomers(bus: CommandBus, db: Database, scope: WriteScope, req: SyncCustomersRequest, opts: SyncOptions = {}): Promise<WriteResponse> {
  const { valid, errors } = validateSyncItems(req.customers, req.replaceContacts ?? false);
  return idempotentWrite(bus, db, scope, opts.idempotency, async (uow) => ({ status: 200, body: await applyItems(uow, valid, errors, opts) }));
}
