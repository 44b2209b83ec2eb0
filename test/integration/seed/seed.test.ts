import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { seedTenant, type SeedProgress } from '../../../src/data/seed/seed-tenant';
import { generateCustomer } from '../../../src/data/seed/generate-customer';
import { generateProduct } from '../../../src/data/seed/generate-product';
import { BadRequestError, ConflictError } from '../../../src/errors/catalogue';

const OPTS = { customers: 300, products: 400, seed: 7, contactsPerCustomer: 3 };

/** SHA-256 over rows of a tenant, tenant column dropped and values as text (drivers differ in number types). */
async function sampleHash(t: TestDatabase, tenant: string): Promise<string> {
  const h = createHash('sha256');
  for (const [table, order] of [['customers', ['id']], ['contacts', ['id']], ['products', ['id']], ['price_agreements', ['customer_id', 'product_id']]] as const) {
    const rows = await t.db.knex(table).where({ tenant_id: tenant }).orderBy([...order]).limit(200);
    for (const r of rows) {
      delete r.tenant_id;
      h.update(JSON.stringify(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])));
    }
  }
  return h.digest('hex');
}

describe('demo data generator (dialect-independent)', () => {
  it('produces exactly the same rows for the same seed (golden hash)', () => {
    const h = createHash('sha256');
    for (let i = 0; i < 50; i++) h.update(JSON.stringify(generateCustomer(1, i)) + JSON.stringify(generateProduct(1, i)));
    expect(h.digest('hex').slice(0, 16)).toMatchInlineSnapshot(`"61d44e85fb39525c"`);
  });

  it('makes each entity depend only on (seed, index), not on how many are generated', () => {
    expect(generateCustomer(3, 41)).toEqual(generateCustomer(3, 41));
    expect(generateProduct(3, 41)).not.toEqual(generateProduct(4, 41));
  });
});

describe.each(testDialects())('seedTenant on %s', (dialect) => {
  let t: TestDatabase;
  const progress: SeedProgress[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedTenant(t.db, 'a', { ...OPTS, onProgress: (p) => progress.push(p) });
    await seedTenant(t.db, 'b', OPTS);
    await seedTenant(t.db, 'c', { ...OPTS, seed: 8 });
  });
  afterAll(() => t.dispose());

  const count = async (table: string, tenant = 'a') => Number((await t.db.knex(table).where({ tenant_id: tenant }).count({ n: '*' }))[0]?.n);

  it('inserts the requested counts: 50 categories, exactly 3 contacts per customer, agreements for ~10 % of pairs', async () => {
    expect(await count('categories')).toBe(50);
    expect(await count('customers')).toBe(300);
    expect(await count('contacts')).toBe(900);
    expect(await count('products')).toBe(400);
    const agreements = await count('price_agreements');
    expect(agreements).toBeGreaterThan(300 * 400 * 0.08);
    expect(agreements).toBeLessThan(300 * 400 * 0.12);
    expect((await t.db.knex('customers').where({ tenant_id: 'a' }).min({ id: 'id' }))[0]?.id).toBe('10001');
    expect(await t.db.knex('products').where({ tenant_id: 'a', id: 'A-100001' }).first()).toBeDefined();
    expect(progress.at(-1)).toEqual({ phase: 'customers', done: 300, total: 300 });
  });

  it('is deterministic: the same seed gives the same rows, another seed different ones', async () => {
    const a = await sampleHash(t, 'a');
    expect(await sampleHash(t, 'b')).toBe(a);
    expect(await sampleHash(t, 'c')).not.toBe(a);
  });

  it('stores decimals exactly as scaled integers', async () => {
    const p = await t.db.knex('products').where({ tenant_id: 'a', id: 'A-100001' }).first();
    const expected = generateProduct(7, 0);
    expect(String(p.list_price)).toBe(String(expected.list_price));
    expect(String(p.stock_quantity)).toBe(String(expected.stock_quantity));
    const sums = await t.db.knex('products').where({ tenant_id: 'a' }).sum({ s: 'list_price' });
    let total = 0n;
    for (let i = 0; i < 400; i++) total += BigInt(generateProduct(7, i).list_price as number);
    expect(BigInt(String(sums[0]?.s))).toBe(total);
    const agreement = await t.db.knex('price_agreements').where({ tenant_id: 'a' }).first();
    expect(String(agreement.price)).toMatch(/^\d+$/);
  });

  it('keeps contact e-mails unique per tenant, case-insensitively', async () => {
    const r = await t.db.knex('contacts').where({ tenant_id: 'a' }).select(t.db.knex.raw('count(*) as n'), t.db.knex.raw('count(distinct lower(email)) as d'));
    expect(Number(r[0].n)).toBe(900);
    expect(Number(r[0].d)).toBe(900);
    const mixedCase = await t.db.knex('contacts').where({ tenant_id: 'a' }).whereRaw('email <> lower(email)').count({ n: '*' });
    expect(Number(mixedCase[0]?.n)).toBeGreaterThan(0);
  });

  it('has realistic, awkward text and some nulls', async () => {
    const cities = (await t.db.knex('customers').where({ tenant_id: 'a' }).distinct('address_city')).map((r) => r.address_city);
    expect(cities).toEqual(expect.arrayContaining(['Berlin', 'Hamburg', 'München', 'Wien', 'Zürich']));
    const names = (await t.db.knex('customers').where({ tenant_id: 'a' }).select('name')).map((r) => r.name as string).join('\n');
    expect(names).toMatch(/&/);
    expect(names).toMatch(/"/);
    expect(names).toMatch(/[äöüß]/);
    const nulls = await t.db.knex('customers').where({ tenant_id: 'a' }).whereNull('name2').count({ n: '*' });
    expect(Number(nulls[0]?.n)).toBeGreaterThan(0);
    const noDescription = await t.db.knex('products').where({ tenant_id: 'a' }).whereNull('description').count({ n: '*' });
    expect(Number(noDescription[0]?.n)).toBeGreaterThan(0);
  });

  it('refuses to seed a tenant that has data, and replaces it when asked', async () => {
    await expect(seedTenant(t.db, 'b', OPTS)).rejects.toBeInstanceOf(ConflictError);
    const before = await sampleHash(t, 'b');
    const otherBefore = await sampleHash(t, 'a');
    const r = await seedTenant(t.db, 'b', { customers: 20, products: 5, seed: 7, replace: true });
    expect(r.replaced).toBe(true);
    expect(await count('customers', 'b')).toBe(20);
    expect(await count('products', 'b')).toBe(5);
    const contacts = await count('contacts', 'b');
    expect(contacts).toBeGreaterThanOrEqual(20);
    expect(contacts).toBeLessThanOrEqual(80);
    expect(await count('price_agreements', 'b')).toBe(r.counts.priceAgreements);
    expect(await sampleHash(t, 'b')).not.toBe(before);
    expect(await sampleHash(t, 'a')).toBe(otherBefore); // other tenant untouched
    expect(await count('customers', 'a')).toBe(300);
  });

  it('validates its options before touching the database', async () => {
    await expect(seedTenant(t.db, 'd', { customers: -1, products: 0, seed: 1 })).rejects.toBeInstanceOf(BadRequestError);
    await expect(seedTenant(t.db, 'd', { customers: 1, products: 0, seed: 1.5 })).rejects.toBeInstanceOf(BadRequestError);
    await expect(seedTenant(t.db, 'Not OK', { customers: 1, products: 0, seed: 1 })).rejects.toBeInstanceOf(BadRequestError);
    expect(await count('customers', 'd')).toBe(0);
  });
});
