// POST /api/erp/customers/sync as one function: validate every item first, then apply the valid
// ones as ONE SyncCustomers command (set-based: a few SELECTs, pure decide per item, multi-row
// writes) in one unit of work. An item the decision rejects is reported and leaves no trace; the
// whole sync commits, or (crash, or 409 when a concurrent writer got in the way) nothing does.
import type { Database } from '../../data/db';
import { GatewayError } from '../../errors/catalogue';
import type { CommandBus, UnitOfWork, WriteScope } from '../bus';
import { command } from '../command';
import { idempotentWrite, type IdempotencyClaim, type WriteResponse } from '../idempotency/idempotent-write';
import type { SyncCustomersResult } from './handle-sync-customers';
import { SYNC_CUSTOMERS, type SyncCustomersRequest, type SyncItemError, type SyncReport } from './sync-types';
import { validateSyncItems, type ValidatedItem } from './validate-sync-items';

export const MAX_SYNC_CUSTOMERS = 1000;

export interface SyncOptions {
  readonly requestId?: string;
  readonly idempotency?: IdempotencyClaim;
  /** test hook: runs inside the transaction just before it commits (the kill-during-sync test) */
  readonly beforeCommit?: () => Promise<void>;
}

function itemError(item: ValidatedItem, err: GatewayError): SyncItemError {
  const details = err.details && err.details.length > 0 ? err.details : [{ code: err.code, message: err.message, ...(err.target ? { target: err.target } : {}) }];
  return { index: item.index, id: item.id, code: err.code, message: err.message, details };
}

async function applyItems(uow: UnitOfWork, items: readonly ValidatedItem[], invalid: readonly SyncItemError[], opts: SyncOptions): Promise<SyncReport> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const errors: SyncItemError[] = [...invalid];
  if (items.length > 0) {
    const meta = opts.requestId !== undefined ? { requestId: opts.requestId } : {};
    const result = (await uow.dispatch(command(SYNC_CUSTOMERS, { items: items.map((i) => i.data) }, meta))) as SyncCustomersResult;
    result.items.forEach((d, i) => {
      const item = items[i] as ValidatedItem;
      if (d.ok) counts[d.outcome]++;
      else errors.push(itemError(item, d.error));
    });
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
