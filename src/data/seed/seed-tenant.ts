// Fills one tenant with deterministic demo data in ONE transaction: categories, products, then
// customers with their contacts and price agreements, generated and inserted batch by batch
// (bounded memory) with multi-row INSERTs. A tenant that already has data is refused with a
// ConflictError unless `replace` is set, which deletes its entity rows in the same transaction.
import type { Knex } from 'knex';
import type { Database, Dialect } from '../db';
import { TENANT_COLUMN, tableOf, type Storage } from '../../edm/db-schema';
import { BadRequestError, ConflictError } from '../../errors/catalogue';
import { bulkInsert, type BulkColumn } from './bulk-insert';
import { CATEGORIES } from './catalogue';
import { generateCustomer } from './generate-customer';
import { AGREEMENT_CUSTOMERS, AGREEMENT_PRODUCTS, generatePriceAgreements } from './generate-price-agreements';
import { generateProduct } from './generate-product';
import { validateSeedOptions, type SeedCounts, type SeedOptions, type SeedResult } from './seed-options';
import type { SeedRow } from './seed-row';
import { deleteTenantData, tenantHasData } from './tenant-data';

export type { SeedOptions, SeedResult, SeedCounts, SeedProgress } from './seed-options';

const BATCH = 5000;
const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

interface Loader {
  readonly trx: Knex.Transaction;
  readonly dialect: Dialect;
  readonly tenantId: string;
}

const PG_TYPE: Record<Storage, BulkColumn['pgType']> = {
  text: 'text', timestamp: 'text', date: 'text', int: 'integer', bigint: 'bigint', scaled: 'bigint', bool: 'smallint', enum: 'smallint',
};

function columnsOf(set: string): BulkColumn[] {
  return [{ name: TENANT_COLUMN, pgType: 'text' }, ...tableOf(set).columns.map((c) => ({ name: c.name, pgType: PG_TYPE[c.storage] }))];
}

async function insert(l: Loader, set: string, rows: SeedRow[]): Promise<void> {
  for (const row of rows) row[TENANT_COLUMN] = l.tenantId;
  await bulkInsert(l.trx, l.dialect, tableOf(set).table, columnsOf(set), rows);
}

async function loadCategories(l: Loader): Promise<number> {
  await insert(l, 'Categories', CATEGORIES.map((c) => ({ id: c.id, name: c.name, parent_id: c.parentId })));
  return CATEGORIES.length;
}

/** Inserts the products; returns the list prices of the first AGREEMENT_PRODUCTS (for agreements). */
async function loadProducts(l: Loader, opts: SeedOptions): Promise<number[]> {
  const prices: number[] = [];
  for (let start = 0; start < opts.products; start += BATCH) {
    const rows: SeedRow[] = [];
    for (let i = start; i < Math.min(start + BATCH, opts.products); i++) rows.push(generateProduct(opts.seed, i));
    for (const r of rows) if (prices.length < AGREEMENT_PRODUCTS) prices.push(Number(r.list_price));
    await insert(l, 'Products', rows);
    opts.onProgress?.({ phase: 'products', done: start + rows.length, total: opts.products });
  }
  return prices;
}

async function loadCustomers(l: Loader, opts: SeedOptions, prices: readonly number[]): Promise<Omit<SeedCounts, 'categories' | 'products'>> {
  let contacts = 0;
  let priceAgreements = 0;
  const listPriceOf = (p: number): number => prices[p] ?? 0;
  for (let start = 0; start < opts.customers; start += BATCH) {
    const customers: SeedRow[] = [];
    const people: SeedRow[] = [];
    const agreements: SeedRow[] = [];
    for (let i = start; i < Math.min(start + BATCH, opts.customers); i++) {
      const g = generateCustomer(opts.seed, i, opts.contactsPerCustomer);
      customers.push(g.customer);
      people.push(...g.contacts);
      if (i < AGREEMENT_CUSTOMERS) agreements.push(...generatePriceAgreements(opts.seed, i, String(g.customer.id), g.currency, opts.products, listPriceOf));
    }
    await insert(l, 'Customers', customers);
    await insert(l, 'Contacts', people);
    await insert(l, 'PriceAgreements', agreements);
    contacts += people.length;
    priceAgreements += agreements.length;
    opts.onProgress?.({ phase: 'customers', done: start + customers.length, total: opts.customers });
  }
  return { customers: opts.customers, contacts, priceAgreements };
}

/** Seeds `tenantId` (tenant row not required) with deterministic demo data; see SeedOptions. */
export async function seedTenant(db: Database, tenantId: string, opts: SeedOptions): Promise<SeedResult> {
  if (!TENANT_ID.test(tenantId)) throw new BadRequestError('tenant id must match [a-z0-9][a-z0-9-]{0,31}', { target: 'tenant' });
  validateSeedOptions(opts);
  const started = performance.now();
  let replaced = false;
  const counts = await db.knex.transaction(async (trx) => {
    const l: Loader = { trx, dialect: db.dialect, tenantId };
    if (await tenantHasData(trx, tenantId)) {
      if (!opts.replace) throw new ConflictError(`tenant '${tenantId}' already has data; seed with replace (--replace) to delete and re-seed it`);
      await deleteTenantData(trx, tenantId);
      replaced = true;
    }
    const categories = await loadCategories(l);
    opts.onProgress?.({ phase: 'categories', done: categories, total: categories });
    const prices = await loadProducts(l, opts);
    return { categories, products: opts.products, ...(await loadCustomers(l, opts, prices)) };
  });
  return { tenant: tenantId, seed: opts.seed, replaced, counts, durationMs: Math.round(performance.now() - started) };
}
