// Step 1 of a customers sync: every item is validated against the model (the same derived
// schemas as OData writes) BEFORE anything is applied, so the report lists every invalid item
// with its index and the offending properties (Contacts/2/Email), and only valid items are run —
// with the canonical values validation produced, so the decide step need not validate again.
import { checkEntityInput } from '../../edm/input-schema';
import type { GatewayError } from '../../errors/catalogue';
import type { ModelRecord } from '../../edm/model-values';
import type { SyncCustomerData, SyncCustomerItem, SyncErrorDetail, SyncItemError } from './sync-types';

export interface ValidatedItem {
  readonly index: number;
  readonly id: string;
  readonly data: SyncCustomerData;
}

const idOf = (item: SyncCustomerItem): string | null => (typeof item.ID === 'string' ? item.ID : null);

function detailsOf(err: GatewayError, prefix: string): SyncErrorDetail[] {
  const own = err.details && err.details.length > 0 ? err.details : [{ code: err.code, message: err.message, ...(err.target ? { target: err.target } : {}) }];
  return own.map((d) => ({ code: d.code, message: d.message, ...(d.target !== undefined ? { target: `${prefix}${d.target}` } : prefix ? { target: prefix.slice(0, -1) } : {}) }));
}

interface Problems {
  code: string | undefined;
  details: SyncErrorDetail[];
  /** the canonical values (checkEntityInput's output) of the customer and each contact */
  customer?: ModelRecord;
  contacts: ModelRecord[];
}

function add(p: Problems, code: string, details: SyncErrorDetail[]): void {
  p.code ??= code;
  p.details.push(...details);
}

function checkContacts(item: SyncCustomerItem, id: string, seen: Set<string>, p: Problems) {
  const raw = item.Contacts ?? [];
  if (!Array.isArray(raw)) return add(p, 'BadRequest', [{ code: 'InvalidType', message: 'Contacts must be an array', target: 'Contacts' }]);
  raw.forEach((c: unknown, i) => {
    const at = `Contacts/${i}/`;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return add(p, 'BadRequest', [{ code: 'InvalidType', message: 'a contact must be an object', target: at.slice(0, -1) }]);
    const contact = c as Record<string, unknown>;
    if ('CustomerID' in contact && contact.CustomerID !== id) {
      return add(p, 'BadRequest', [{ code: 'BadRequest', message: `CustomerID must be the customer's ID (${id}) or left out`, target: `${at}CustomerID` }]);
    }
    const r = checkEntityInput('Contact', { ...contact, CustomerID: id }, 'full');
    if (!r.ok) return add(p, r.error.code, detailsOf(r.error, at));
    p.contacts.push(r.values);
    const cid = String(r.values.ID);
    if (seen.has(cid)) add(p, 'BadRequest', [{ code: 'DuplicateKey', message: `contact ${cid} appears more than once in the payload`, target: `${at}ID` }]);
    seen.add(cid);
  });
}

function checkItem(item: SyncCustomerItem, seenCustomers: Set<string>, seenContacts: Set<string>): Problems & { id: string | null } {
  const p: Problems = { code: undefined, details: [], contacts: [] };
  const { Contacts: _contacts, ...customer } = item;
  const r = checkEntityInput('Customer', customer, 'full');
  if (!r.ok) add(p, r.error.code, detailsOf(r.error, ''));
  else p.customer = r.values;
  const id = idOf(item);
  if (id !== null && seenCustomers.has(id)) add(p, 'BadRequest', [{ code: 'DuplicateKey', message: `customer ${id} appears more than once in the payload`, target: 'ID' }]);
  if (id !== null) {
    seenCustomers.add(id);
    checkContacts(item, id, seenContacts, p);
  }
  return { ...p, id };
}

/** Splits the items into valid ones (with their command data) and per-item errors. */
export function validateSyncItems(items: readonly SyncCustomerItem[], replaceContacts: boolean): { valid: ValidatedItem[]; errors: SyncItemError[] } {
  const valid: ValidatedItem[] = [];
  const errors: SyncItemError[] = [];
  const seenCustomers = new Set<string>();
  const seenContacts = new Set<string>();
  items.forEach((item, index) => {
    const p = checkItem(item, seenCustomers, seenContacts);
    if (p.code !== undefined || p.id === null || p.customer === undefined) {
      const details = p.details;
      errors.push({ index, id: p.id, code: p.code ?? 'BadRequest', message: `Customer ${index} is invalid: ${details.map((d) => d.message).join('; ')}`, details });
      return;
    }
    valid.push({ index, id: p.id, data: { customer: p.customer, contacts: p.contacts, replaceContacts } });
  });
  return { valid, errors };
}
