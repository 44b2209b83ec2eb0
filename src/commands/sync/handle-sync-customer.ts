// SyncCustomer: upsert one customer and its contacts as further entity commands in the caller's
// unit (so events, validation and concurrency are exactly those of the OData writes). Existing
// entities are replaced (the ERP sends whole records); a replace that changes nothing emits no
// event and keeps the Version, which is how an item reports `unchanged`.
import { findRow, findRows } from '../../data/write/find-rows';
import type { ModelRecord } from '../../edm/model-values';
import type { Command } from '../command';
import { createEntity, deleteEntity, replaceEntity } from '../entity/entity-commands';
import type { CommandResult, HandlerContext } from '../unit-of-work';
import type { SyncCustomerData, SyncOutcome } from './sync-types';

export interface SyncCustomerResult extends CommandResult {
  readonly outcome: SyncOutcome;
}

/** Creates or replaces one entity; true when it changed (created, or a new Version). */
async function upsert(cmd: Command, ctx: HandlerContext, setName: string, values: Readonly<Record<string, unknown>>): Promise<{ result: CommandResult; changed: boolean; created: boolean }> {
  const key = { ID: String(values.ID) };
  const before = await findRow(ctx.tx, setName, key);
  if (!before) return { result: await ctx.dispatch(createEntity(setName, { values }, cmd.metadata)), changed: true, created: true };
  const result = await ctx.dispatch(replaceEntity(setName, { key, values }, cmd.metadata));
  return { result, changed: result.version !== before.Version, created: false };
}

/** With replaceContacts: deletes the customer's stored contacts the payload leaves out. */
async function dropMissingContacts(cmd: Command, ctx: HandlerContext, customerId: string, keep: ReadonlySet<string>): Promise<number> {
  const stored: ModelRecord[] = await findRows(ctx.tx, 'Contacts', { CustomerID: customerId });
  const gone = stored.filter((c) => !keep.has(String(c.ID)));
  for (const c of gone) await ctx.dispatch(deleteEntity('Contacts', { key: { ID: String(c.ID) } }, cmd.metadata));
  return gone.length;
}

export async function handleSyncCustomer(cmd: Command, ctx: HandlerContext): Promise<SyncCustomerResult> {
  const data = cmd.data as SyncCustomerData;
  const customer = await upsert(cmd, ctx, 'Customers', data.customer);
  const created = customer.created;
  let changed = customer.changed;
  const id = String(data.customer.ID);
  if (data.replaceContacts) {
    const keep = new Set(data.contacts.map((c) => String(c.ID)));
    if ((await dropMissingContacts(cmd, ctx, id, keep)) > 0) changed = true;
  }
  for (const contact of data.contacts) {
    if ((await upsert(cmd, ctx, 'Contacts', { ...contact, CustomerID: id })).changed) changed = true;
  }
  const outcome: SyncOutcome = created ? 'created' : changed ? 'updated' : 'unchanged';
  return { ...customer.result, outcome };
}
