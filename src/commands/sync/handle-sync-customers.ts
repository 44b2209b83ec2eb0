// SyncCustomers: the whole valid part of a customers sync as ONE command, set-based — load every
// row the items can touch in a few SELECTs, decide each item purely against that in-memory state
// (a failing item is rolled back there and reported), then write the difference with multi-row
// statements and record the events in item order. About 15 statements for 1,000 customers × 3
// contacts, where running each item as entity commands took ~20,000.
import { randomUUID } from 'node:crypto';
import type { Command } from '../command';
import type { CommandResult, HandlerContext } from '../unit-of-work';
import { decideSyncItem, type DecidedChange, type ItemDecision } from './decide-sync-item';
import { loadSyncState } from './load-sync-state';
import { persistSyncState } from './persist-sync-state';
import { mark, rollBack } from './sync-state';
import type { SyncCustomersData } from './sync-types';

/** Per item (same order as the command's items): its outcome, or its error. */
export interface SyncCustomersResult extends CommandResult {
  readonly items: readonly ItemDecision[];
}

/** Stamps each change's events as the per-item sync did: one command id per item, the entity command's type. */
function record(cmd: Command, ctx: HandlerContext, changes: readonly DecidedChange[]): void {
  const metadata = { ...cmd.metadata, commandId: randomUUID() };
  for (const c of changes) ctx.record({ type: c.commandType, data: null, metadata }, c.subject, c.events);
}

export async function handleSyncCustomers(cmd: Command, ctx: HandlerContext): Promise<SyncCustomersResult> {
  const data = cmd.data as SyncCustomersData;
  const state = await loadSyncState(ctx.tx, data.items, data.items.some((i) => i.replaceContacts));
  const items = data.items.map((item) => {
    const at = mark(state);
    const d = decideSyncItem(state, item, ctx.now);
    if (!d.ok) rollBack(state, at);
    return d;
  });
  await persistSyncState(ctx.tx, state);
  for (const d of items) if (d.ok) record(cmd, ctx, d.changes);
  // a batch has no single entity: the result names the set, and its items say what happened
  return { set: 'Customers', key: {}, items };
}
