// Fixture rows for the read-engine tests, inserted with knex in storage form (scaled BIGINT
// decimals as text, 0/1 booleans, enum integers, ISO text dates). Two tenants share the SAME keys,
// so every level of a read proves the tenant predicate. Tricky data: quotes, umlauts, `&`, NULLs,
// a Decimal(18,4) of 12345678901234.5678 and a Version above 2^53.
import type { Knex } from 'knex';
import type { Database } from '../../../src/data/db';
import { executeRead } from '../../../src/data/read/execute-read';
import { parseODataUri } from '../../../src/odata/uri';
import { DEFAULT_LIMITS } from '../../../src/odata/uri/limits';
import type { EntityRecord, ReadResult } from '../../../src/odata/query/read-result';

export const TENANT = 'acme';
export const OTHER = 'other';
export const NOW = new Date('2026-03-01T12:00:00.000Z');
const TS = '2026-01-03T10:15:00.000Z';

type Row = Record<string, string | number | null>;

function customer(id: string, name: string, extra: Row = {}): Row {
  return {
    id, name, name2: null, address_street: null, address_postal_code: null, address_city: null, address_country_code: null,
    email: null, phone: null, vat_id: null, price_group: null, currency: 'EUR', credit_limit: '0', is_blocked: 0,
    created_at: TS, modified_at: TS, version: '1', ...extra,
  };
}

function contact(id: string, customerId: string, lastName: string, email: string, extra: Row = {}): Row {
  return {
    id, customer_id: customerId, first_name: null, last_name: lastName, email, phone: null, role: 0,
    has_shop_access: 0, access_valid_until: null, modified_at: TS, version: '1', ...extra,
  };
}

function product(id: string, name: string, listPrice: string, extra: Row = {}): Row {
  return {
    id, name, description: null, gtin: null, unit: 'PCE', category_id: null, list_price: listPrice, currency: 'EUR',
    stock_quantity: '0', is_active: 1, modified_at: TS, version: '1', ...extra,
  };
}

const ACME = {
  categories: [
    { id: 1, name: 'Root', parent_id: null }, { id: 2, name: 'Tools', parent_id: 1 },
    { id: 3, name: 'Hammers', parent_id: 2 }, { id: 4, name: 'Screws', parent_id: 2 },
  ],
  customers: [
    customer('10001', 'Müller & Söhne GmbH', { address_street: 'Hauptstr. 1', address_postal_code: '80331', address_city: 'München', address_country_code: 'DE', email: 'info@mueller.de', credit_limit: '1234567890123456', created_at: '2026-01-03T10:15:00.000Z' }),
    customer('10002', "O'Brien Ltd", { name2: 'Dublin Branch', address_city: 'Dublin', address_country_code: 'IE', credit_limit: '100050', is_blocked: 1, created_at: '2025-12-31T23:59:59.999Z' }),
    customer('10003', 'MÜLLER Handel', { email: 'mueller@handel.at', created_at: '2026-02-28T08:00:00.000Z' }),
    customer('10004', 'Zürich Trading AG', { name2: 'ZT', address_city: 'Zürich', credit_limit: '-500', version: '9007199254740993', created_at: '2026-02-01T00:00:00.000Z' }),
    customer('10005', 'alpha & omega', { address_city: 'Berlin', email: 'A&O@example.com', credit_limit: '5', created_at: '2026-01-15T12:30:45.123Z' }),
  ],
  contacts: [
    contact('7', '10001', 'Schmidt', 'anna@mueller.de', { first_name: 'Anna', role: 0, has_shop_access: 1, access_valid_until: '2026-06-30T00:00:00.000Z' }),
    contact('8', '10001', 'Huber', 'huber@mueller.de', { role: 2 }),
    contact('9', '10002', "O'Connor", 'sean@obrien.ie', { first_name: 'Seán', role: 1, has_shop_access: 1 }),
    contact('10', '10001', 'Adams', 'zoe@mueller.de', { first_name: 'Zoe', role: 1, has_shop_access: 1, access_valid_until: '2025-01-01T00:00:00.000Z' }),
  ],
  products: [
    product('A-1', 'Hammer "Heavy"', '123456789012345678', { description: 'Steel hammer & handle', gtin: '4006381333931', category_id: 3, stock_quantity: '10500' }),
    product('A-2', 'Screw M4', '500', { category_id: 4, stock_quantity: '1000000' }),
    product('A-3', 'Zange', '199900', { description: 'Kombizange für Elektriker', is_active: 0 }),
  ],
  price_agreements: [
    { customer_id: '10001', product_id: 'A-1', price: '995000', currency: 'EUR', min_quantity: '1000', valid_from: '2026-01-01', valid_until: null, modified_at: TS, version: '1' },
    { customer_id: '10001', product_id: 'A-2', price: '400', currency: 'EUR', min_quantity: '100000', valid_from: '2025-06-01', valid_until: '2025-12-31', modified_at: TS, version: '1' },
    { customer_id: '10002', product_id: 'A-1', price: '1200000', currency: 'EUR', min_quantity: '1000', valid_from: null, valid_until: null, modified_at: TS, version: '1' },
  ],
};

/** The other tenant reuses acme's keys with different content. */
const OTHER_ROWS = {
  categories: [{ id: 1, name: 'Other Root', parent_id: null }, { id: 3, name: 'Other Hammers', parent_id: 1 }],
  customers: [customer('10001', 'Other Corp', { address_city: 'München' }), customer('10002', 'Other Two')],
  contacts: [
    contact('7', '10001', 'Intruder', 'x@other.example', { role: 2 }),
    contact('99', '10001', 'Second', 'y@other.example'),
    contact('98', '10002', 'Third', 'z@other.example'),
  ],
  products: [product('A-1', 'Other Hammer', '100', { category_id: 3 })],
  price_agreements: [
    { customer_id: '10001', product_id: 'A-1', price: '1', currency: 'EUR', min_quantity: '1', valid_from: null, valid_until: null, modified_at: TS, version: '1' },
  ],
};

const ORDER = ['categories', 'customers', 'products', 'contacts', 'price_agreements'] as const;

async function insertTenant(knex: Knex, tenant: string, rows: Record<(typeof ORDER)[number], Row[]>): Promise<void> {
  for (const table of ORDER) {
    const list = rows[table].map((r) => ({ tenant_id: tenant, ...r }));
    if (list.length > 0) await knex(table).insert(list);
  }
}

export async function seedFixtures(db: Database): Promise<void> {
  await insertTenant(db.knex, TENANT, ACME);
  await insertTenant(db.knex, OTHER, OTHER_ROWS);
}

export { customer as customerRow, contact as contactRow, product as productRow };

export interface ReadOptions {
  readonly tenant?: string;
  readonly pageSize?: number;
}

/** Parses `path?query` with the real parser and runs the read engine for a tenant (parse errors reject too). */
export async function read(db: Database, path: string, query = '', opts: ReadOptions = {}): Promise<ReadResult> {
  const uri = parseODataUri(path, query, DEFAULT_LIMITS);
  return executeRead(uri, {
    db,
    scope: { tenantId: opts.tenant ?? TENANT },
    serviceRoot: 'http://gw.test/odata',
    resourcePath: path,
    rawQuery: query,
    pageSize: opts.pageSize ?? 100,
    limits: DEFAULT_LIMITS,
    now: NOW,
  });
}

/** The entities of a collection result (fails the test for any other kind). */
export async function entities(db: Database, path: string, query = '', opts: ReadOptions = {}): Promise<readonly EntityRecord[]> {
  const r = await read(db, path, query, opts);
  if (r.kind !== 'collection') throw new Error(`expected a collection, got ${r.kind}`);
  return r.entities;
}

/** The key values of a collection result, in order. */
export async function ids(db: Database, path: string, query = '', opts: ReadOptions = {}): Promise<string[]> {
  return (await entities(db, path, query, opts)).map((e) => Object.values(e.key).join('|'));
}
