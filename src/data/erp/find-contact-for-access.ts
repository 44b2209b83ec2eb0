// The access check's one read: a contact (by ID, or by e-mail ignoring case — lower() as the
// unique index ux_contacts_email does) with its customer, tenant-scoped on both tables.
import type { Database } from '../db';
import type { ModelRecord } from '../../edm/model-values';
import { tenantTable } from '../tenant-table';
import { keyWhere, rowToState, stateColumns } from '../write/row-state';
import { tableOf } from '../../edm/db-schema';

export type ContactLookup = { readonly contactId: string } | { readonly email: string };

export interface ContactWithCustomer {
  readonly contact: ModelRecord;
  readonly customer: ModelRecord | undefined;
}

async function findContact(db: Database, tenantId: string, by: ContactLookup): Promise<ModelRecord | undefined> {
  const q = tenantTable(db, { tenantId }, 'Contacts', 'c').select(stateColumns(db.knex, 'Contacts')).limit(1);
  if ('contactId' in by) void q.where(Object.fromEntries(Object.entries(keyWhere('Contacts', { ID: by.contactId })).map(([k, v]) => [`c.${k}`, v])));
  else void q.whereRaw('lower(??) = lower(?)', [`c.${tableOf('Contacts').byPath.get('Email')?.name ?? 'email'}`, by.email]);
  const [row] = (await q) as Array<Record<string, unknown>>;
  return row ? rowToState('Contacts', row) : undefined;
}

export async function findContactForAccess(db: Database, tenantId: string, by: ContactLookup): Promise<ContactWithCustomer | undefined> {
  const contact = await findContact(db, tenantId, by);
  if (!contact) return undefined;
  const q = tenantTable(db, { tenantId }, 'Customers', 'k').select(stateColumns(db.knex, 'Customers'))
    .where(Object.fromEntries(Object.entries(keyWhere('Customers', { ID: String(contact.CustomerID) })).map(([k, v]) => [`k.${k}`, v]))).limit(1);
  const [row] = (await q) as Array<Record<string, unknown>>;
  return { contact, customer: row ? rowToState('Customers', row) : undefined };
}
