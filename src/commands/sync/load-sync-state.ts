// Step 1 of a batch customers sync: the few set-based SELECTs that give every item's decision what
// the per-item sync read row by row — the payload's customers by ID, and every contact it can
// touch: by ID, by e-mail (lowered, the unique index's expression) and, with replaceContacts, all
// contacts of the payload's customers. Rows are locked FOR UPDATE on PostgreSQL, as the entity
// handlers lock what they change, so the versions decided on still hold when the UPDATEs run.
import { findRowsIn, findRowsInIgnoringCase } from '../../data/write/find-rows-in';
import type { WriteTx } from '../../data/write/write-tx';
import type { SyncCustomerData } from './sync-types';
import { EMAIL, lowerAscii, syncState, type SyncState } from './sync-state';

export async function loadSyncState(tx: WriteTx, items: readonly SyncCustomerData[], replaceContacts: boolean): Promise<SyncState> {
  const customerIds = items.map((d) => String(d.customer.ID));
  const contacts = items.flatMap((d) => d.contacts);
  const emails = contacts.flatMap((c) => (typeof c[EMAIL] === 'string' ? [lowerAscii(c[EMAIL])] : []));
  const customers = await findRowsIn(tx, 'Customers', 'ID', customerIds, 'update');
  const found = [
    ...(await findRowsIn(tx, 'Contacts', 'ID', contacts.map((c) => String(c.ID)), 'update')),
    ...(await findRowsInIgnoringCase(tx, 'Contacts', EMAIL, emails, 'update')),
    ...(replaceContacts ? await findRowsIn(tx, 'Contacts', 'CustomerID', customerIds, 'update') : []),
  ];
  return syncState(customers, found);
}
