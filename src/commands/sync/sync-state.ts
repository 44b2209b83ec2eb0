// The batch sync's in-memory view of the tenant: the loaded customers and contacts as they are
// after the items decided so far, with the contact e-mail index (lowered as the unique index
// ux_contacts_email does), and an undo log so a failing item leaves no trace — what the
// per-item savepoint did when every item ran its own SQL.
import type { ModelRecord } from '../../edm/model-values';
import { UNIQUE_IGNORING_CASE } from '../entity/entity-rules';

/** The one unique-ignoring-case property of contacts (checked when this module loads). */
export const EMAIL = 'Email';
if ((UNIQUE_IGNORING_CASE.Contact ?? []).join() !== EMAIL) throw new Error('sync-state: contacts must be unique by Email only');

export interface SyncState {
  readonly customers: Map<string, ModelRecord>;
  readonly contacts: Map<string, ModelRecord>;
  /** lowered e-mail → ID of the contact holding it */
  readonly emails: Map<string, string>;
  /** the rows as loaded (the database before this sync) */
  readonly loadedCustomers: ReadonlyMap<string, ModelRecord>;
  readonly loadedContacts: ReadonlyMap<string, ModelRecord>;
  readonly loadedEmails: ReadonlyMap<string, string>;
  readonly undo: Array<() => void>;
}

/**
 * SQL lower() on the e-mail column: ASCII only on SQLite, and on PostgreSQL too, as the column is
 * COLLATE "C". toLowerCase() would call 'Ä@x' and 'ä@x' duplicates where the index does not.
 */
export const lowerAscii = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

const emailOf = (c: ModelRecord | undefined): string | undefined => (typeof c?.[EMAIL] === 'string' ? lowerAscii(c[EMAIL]) : undefined);

function emailIndex(contacts: ReadonlyMap<string, ModelRecord>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, c] of contacts) {
    const e = emailOf(c);
    if (e !== undefined) index.set(e, id);
  }
  return index;
}

export function syncState(customers: readonly ModelRecord[], contacts: readonly ModelRecord[]): SyncState {
  const loadedCustomers = new Map(customers.map((c) => [String(c.ID), c]));
  const loadedContacts = new Map(contacts.map((c) => [String(c.ID), c]));
  const loadedEmails = emailIndex(loadedContacts);
  return {
    customers: new Map(loadedCustomers), contacts: new Map(loadedContacts), emails: new Map(loadedEmails),
    loadedCustomers, loadedContacts, loadedEmails, undo: [],
  };
}

function put<V>(state: SyncState, map: Map<string, V>, key: string, value: V | undefined): void {
  const before = map.get(key);
  const had = map.has(key);
  state.undo.push(() => (had ? map.set(key, before as V) : map.delete(key)));
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}

export const putCustomer = (state: SyncState, id: string, record: ModelRecord): void => put(state, state.customers, id, record);

/** Sets (or with undefined removes) a contact and moves its e-mail in the index. */
export function putContact(state: SyncState, id: string, record: ModelRecord | undefined): void {
  const old = emailOf(state.contacts.get(id));
  if (old !== undefined && state.emails.get(old) === id) put(state, state.emails, old, undefined);
  put(state, state.contacts, id, record);
  const now = emailOf(record);
  if (now !== undefined) put(state, state.emails, now, id);
}

/** The ID of the contact holding `email` (ignoring case), if any. */
export const emailHolder = (state: SyncState, email: unknown): string | undefined => (typeof email === 'string' ? state.emails.get(lowerAscii(email)) : undefined);

/** A point to roll back to: the undo log's length. */
export const mark = (state: SyncState): number => state.undo.length;

export function rollBack(state: SyncState, to: number): void {
  while (state.undo.length > to) state.undo.pop()?.();
}
