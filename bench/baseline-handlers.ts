// The five workloads answered with hand-written SQL (prepared once) and hand-written JSON, shared by
// raw-server and bare-express so the two differ only in the HTTP layer. Exact-URL routing, no parser.
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import {
  collectionJson, contactJson, customerJson, entityJson, productJson, productPickJson,
  type ContactRow, type CustomerRow, type ProductPickRow, type ProductRow,
} from './baseline-json';
import { WORKLOADS, type WorkloadId } from './workloads';

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** ETag header (single entities only) */
  readonly etag?: string;
}

/** serviceRoot: absolute, no trailing slash, e.g. http://127.0.0.1:4000/odata */
export type Handler = (serviceRoot: string) => Answer;

// Decimals are read as exact integer text (CAST … AS TEXT) so no value passes through a double.
const CUSTOMER_COLS = `id, name, name2, address_street, address_postal_code, address_city, address_country_code,
  email, phone, vat_id, price_group, currency, CAST(credit_limit AS TEXT) AS credit_limit, is_blocked,
  created_at, modified_at, version`;
const CONTACT_COLS = `id, customer_id, first_name, last_name, email, phone, role, has_shop_access,
  access_valid_until, modified_at, version`;
const PRODUCT_COLS = `id, name, description, gtin, unit, category_id, CAST(list_price AS TEXT) AS list_price, currency,
  CAST(stock_quantity AS TEXT) AS stock_quantity, is_active, modified_at, version`;

const ok = (body: string): Answer => ({ status: 200, body });
const notFound: Answer = { status: 404, body: '{"error":{"code":"NotFound","message":"Not found"}}' };

/** W4's contacts query: one statement per page size (IN list arity), prepared on first use. */
function contactsByCustomers(db: Database.Database): (tenant: string, ids: readonly string[]) => ContactRow[] {
  const byArity = new Map<number, Statement>();
  return (tenant, ids) => {
    let stmt = byArity.get(ids.length);
    if (!stmt) {
      const marks = ids.map(() => '?').join(',');
      stmt = db.prepare(`SELECT ${CONTACT_COLS} FROM contacts WHERE tenant_id = ? AND customer_id IN (${marks}) ORDER BY customer_id, id`);
      byArity.set(ids.length, stmt);
    }
    return stmt.all(tenant, ...ids) as ContactRow[];
  };
}

/** W4 body: contacts grouped under their customer, page order kept. */
function expandContacts(customers: readonly CustomerRow[], contacts: readonly ContactRow[]): string[] {
  const byCustomer = new Map<string, string[]>();
  for (const c of contacts) {
    const list = byCustomer.get(c.customer_id);
    if (list) list.push(contactJson(c));
    else byCustomer.set(c.customer_id, [contactJson(c)]);
  }
  return customers.map((c) => customerJson(c, `,"Contacts":[${(byCustomer.get(c.id) ?? []).join(',')}]`));
}

function handlers(db: Database.Database, tenant: string): Record<WorkloadId, Handler> {
  const w1 = db.prepare(`SELECT ${CUSTOMER_COLS} FROM customers WHERE tenant_id = ? AND id = ?`);
  // $orderby=Name plus the key as tie-breaker: without it equal names would make the page order arbitrary.
  const w2 = db.prepare(`SELECT ${CUSTOMER_COLS} FROM customers WHERE tenant_id = ? AND address_city = ? AND credit_limit > ?
    ORDER BY name, id LIMIT ?`);
  // contains() is case-sensitive in OData; SQLite's LIKE is not, instr() is. Key order for a stable page.
  const w3 = db.prepare(`SELECT id, name, CAST(list_price AS TEXT) AS list_price, version FROM products
    WHERE tenant_id = ? AND instr(name, ?) > 0 ORDER BY id LIMIT ?`);
  const w4 = db.prepare(`SELECT ${CUSTOMER_COLS} FROM customers WHERE tenant_id = ? ORDER BY id LIMIT ?`);
  const w4Contacts = contactsByCustomers(db);
  const w5Count = db.prepare('SELECT count(*) AS n FROM products WHERE tenant_id = ?').pluck();
  const w5 = db.prepare(`SELECT ${PRODUCT_COLS} FROM products WHERE tenant_id = ? ORDER BY id LIMIT ? OFFSET ?`);

  return {
    W1: (root) => {
      const row = w1.get(tenant, '10042') as CustomerRow | undefined;
      if (!row) return notFound;
      return { status: 200, body: entityJson(`${root}/$metadata#Customers/$entity`, customerJson(row)), etag: `W/"${row.version}"` };
    },
    // CreditLimit is Decimal(18,2), stored ×100: "gt 1000" is "> 100000".
    W2: (root) => ok(collectionJson(`${root}/$metadata#Customers`, (w2.all(tenant, 'Berlin', 100000, 50) as CustomerRow[]).map((r) => customerJson(r)))),
    W3: (root) => ok(collectionJson(`${root}/$metadata#Products(ID,Name,ListPrice)`, (w3.all(tenant, 'bolt', 100) as ProductPickRow[]).map(productPickJson))),
    W4: (root) => {
      const customers = w4.all(tenant, 100) as CustomerRow[];
      const contacts = customers.length ? w4Contacts(tenant, customers.map((c) => c.id)) : [];
      return ok(collectionJson(`${root}/$metadata#Customers(Contacts())`, expandContacts(customers, contacts)));
    },
    W5: (root) => {
      const count = w5Count.get(tenant) as number;
      return ok(collectionJson(`${root}/$metadata#Products`, (w5.all(tenant, 20, 5000) as ProductRow[]).map(productJson), count));
    },
  };
}

/** Exact request URL (as sent, still encoded) → handler, for the five workloads. */
export function baselineRoutes(dbFile: string, tenant: string): ReadonlyMap<string, Handler> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const byId = handlers(db, tenant);
  return new Map(WORKLOADS.map((w) => [w.path, byId[w.id]] as const));
}
