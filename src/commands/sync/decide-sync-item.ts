// Step 2 of a batch customers sync, for ONE item: the same pure decide functions as the OData
// writes (create, replace, delete), fed from the in-memory state instead of per-row SELECTs, and
// applied to that state so later items see this one. Returns the events per entity, in the order
// the per-item sync emitted them: customer, dropped contacts (by ID), then contacts as sent.
import { entitySet, typeOfSet, type EntitySet } from '../../../metadata';
import type { GatewayError } from '../../errors/catalogue';
import type { ModelKey, ModelRecord } from '../../edm/model-values';
import type { DecidedEvent } from '../command';
import type { EventSubject } from '../unit-of-work';
import { decideChange } from '../entity/decide-change';
import { decideCreate } from '../entity/decide-create';
import { decideDelete } from '../entity/decide-delete';
import { versionOf } from '../entity/decision';
import type { SyncCustomerData, SyncOutcome } from './sync-types';
import { emailHolder, EMAIL, putContact, putCustomer, type SyncState } from './sync-state';

/** The events one entity command of the item decided, with the command type they are stamped with. */
export interface DecidedChange {
  readonly commandType: string;
  readonly subject: EventSubject;
  readonly events: readonly DecidedEvent[];
}

export type ItemDecision = { readonly ok: true; readonly outcome: SyncOutcome; readonly changes: readonly DecidedChange[] } | { readonly ok: false; readonly error: GatewayError };

const set = (name: string): EntitySet => {
  const s = entitySet(name);
  if (!s) throw new Error(`decide-sync-item: no entity set ${name}`);
  return s;
};
const CUSTOMERS = set('Customers');
const CONTACTS = set('Contacts');

class Rejected {
  constructor(readonly error: GatewayError) {}
}

function subject(s: EntitySet, key: ModelKey, state: ModelRecord | undefined): EventSubject {
  const version = state ? versionOf(typeOfSet(s), state) : undefined;
  return { set: s.name, key, ...(version !== undefined ? { version } : {}) };
}

/**
 * Create or replace one entity against `current`; undefined when nothing changed. `values` are
 * already canonical (validate-sync-items ran prepareCreate's check, full mode, on them; the key
 * check of prepareChange holds by construction), so only the decisions run here.
 */
function upsert(s: EntitySet, values: ModelRecord, current: ModelRecord | undefined, duplicates: string[], now: string): { state: ModelRecord; change: DecidedChange } | undefined {
  const key = { ID: String(values.ID) };
  const typeName = typeOfSet(s).name;
  if (!current) {
    const d = decideCreate(s, values, { exists: false, missing: [], duplicates }, now);
    if (!d.ok) throw new Rejected(d.error);
    return { state: d.state, change: { commandType: `Create${typeName}`, subject: subject(s, key, d.state), events: d.events } };
  }
  const d = decideChange(s, key, values, 'full', undefined, { current, missing: [], duplicates }, now);
  if (!d.ok) throw new Rejected(d.error);
  if (d.events.length === 0) return undefined;
  return { state: d.state, change: { commandType: `Replace${typeName}`, subject: subject(s, key, d.state), events: d.events } };
}

/** replaceContacts: the customer's contacts the payload leaves out, deleted in key order (as findRows returned them). */
function dropMissingContacts(state: SyncState, customerId: string, keep: ReadonlySet<string>): DecidedChange[] {
  const gone = [...state.contacts.values()].filter((c) => c.CustomerID === customerId && !keep.has(String(c.ID)));
  gone.sort((a, b) => (String(a.ID) < String(b.ID) ? -1 : 1));
  return gone.map((current) => {
    const key = { ID: String(current.ID) };
    const d = decideDelete(CONTACTS, key, { key }, { current, cascade: [], blocking: [] });
    if (!d.ok) throw new Rejected(d.error);
    putContact(state, key.ID, undefined);
    return { commandType: 'DeleteContact', subject: { set: CONTACTS.name, key }, events: d.events };
  });
}

function decideContacts(state: SyncState, data: SyncCustomerData, now: string): DecidedChange[] {
  const out: DecidedChange[] = [];
  for (const contact of data.contacts) {
    const id = String(contact.ID);
    const holder = emailHolder(state, contact[EMAIL]);
    const r = upsert(CONTACTS, contact, state.contacts.get(id), holder !== undefined && holder !== id ? [EMAIL] : [], now);
    if (!r) continue;
    putContact(state, id, r.state);
    out.push(r.change);
  }
  return out;
}

/** Decides one validated item against `state` and applies it there; on a rejection the caller rolls `state` back. */
export function decideSyncItem(state: SyncState, data: SyncCustomerData, now: string): ItemDecision {
  const id = String(data.customer.ID);
  try {
    const existed = state.customers.has(id);
    const customer = upsert(CUSTOMERS, data.customer, state.customers.get(id), [], now);
    if (customer) putCustomer(state, id, customer.state);
    const dropped = data.replaceContacts ? dropMissingContacts(state, id, new Set(data.contacts.map((c) => String(c.ID)))) : [];
    const changes = [...(customer ? [customer.change] : []), ...dropped, ...decideContacts(state, data, now)];
    const outcome: SyncOutcome = !existed ? 'created' : changes.length > 0 ? 'updated' : 'unchanged';
    return { ok: true, outcome, changes };
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, error: err.error };
    throw err;
  }
}
