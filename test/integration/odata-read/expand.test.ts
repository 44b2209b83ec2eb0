// $expand on real databases: nested options to depth 3, per-parent $top/$skip/$count, single-valued
// expansions, limits — and the N+1 guard: one SELECT per level, counted from knex 'query' events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/data/db';
import type { EntityRecord, ExpandedResult } from '../../../src/odata/query/read-result';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { contactRow, customerRow, entities, read, seedFixtures, TENANT } from './fixtures';

const q = (s: string) => s.replace(/ /g, '%20');
const collection = (e: EntityRecord | undefined, nav: string): Extract<ExpandedResult, { kind: 'collection' }> => {
  const x = e?.expanded[nav];
  if (x?.kind !== 'collection') throw new Error(`${nav} is not an expanded collection`);
  return x;
};

/** Runs `fn` and returns how many SQL statements it issued. */
async function countQueries(db: Database, fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const listener = () => void n++;
  db.knex.on('query', listener);
  try {
    await fn();
  } finally {
    db.knex.removeListener('query', listener);
  }
  return n;
}

describe.each(testDialects())('$expand on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedFixtures(t.db);
  });
  afterAll(async () => t?.dispose());

  it('expands three levels deep with nested $filter/$orderby/$select/$count', async () => {
    const expand = 'Contacts($filter=HasShopAccess;$orderby=LastName desc;$select=LastName,Role;' +
      '$expand=Customer($select=Name;$expand=PriceAgreements($filter=Price lt 100;$select=ProductID,Price;$count=true)))';
    const r = await read(t.db, '/Customers', `$select=ID&$expand=${q(expand)}`);
    if (r.kind !== 'collection') throw new Error(r.kind);
    expect(r.contextSelect).toBe('ID,Contacts(LastName,Role,Customer(Name,PriceAgreements(ProductID,Price)))');
    const [c1, c2, c3] = r.entities;
    const contacts = collection(c1, 'Contacts').entities;
    expect(contacts.map((c) => c.values)).toEqual([{ LastName: 'Schmidt', Role: 'Buyer' }, { LastName: 'Adams', Role: 'Approver' }]);
    const customer = contacts[0]?.expanded.Customer;
    expect(customer).toMatchObject({ kind: 'single', entity: { values: { Name: 'Müller & Söhne GmbH' } } });
    const prices = customer?.kind === 'single' ? collection(customer.entity ?? undefined, 'PriceAgreements') : undefined;
    expect(prices?.count).toBe(2);
    expect(prices?.entities.map((p) => p.values)).toEqual([{ ProductID: 'A-1', Price: '99.5000' }, { ProductID: 'A-2', Price: '0.0400' }]);
    const c2Contacts = collection(c2, 'Contacts').entities;
    expect(c2Contacts.map((c) => c.key.ID)).toEqual(['9']);
    const c2Prices = c2Contacts[0]?.expanded.Customer;
    expect(c2Prices?.kind === 'single' && collection(c2Prices.entity ?? undefined, 'PriceAgreements')).toMatchObject({ entities: [], count: 0 });
    expect(collection(c3, 'Contacts').entities).toEqual([]);
  });

  it('applies nested $top/$skip per parent and counts before them', async () => {
    const list = await entities(t.db, '/Customers', `$expand=${q('Contacts($top=1;$skip=1;$orderby=ID;$count=true)')}&$top=2`);
    expect(collection(list[0], 'Contacts')).toMatchObject({ count: 3 });
    expect(collection(list[0], 'Contacts').entities.map((c) => c.key.ID)).toEqual(['7']);
    expect(collection(list[1], 'Contacts')).toMatchObject({ count: 1, entities: [] });
  });

  it('expands single-valued navigations, null when there is no target', async () => {
    const list = await entities(t.db, '/Products', `$select=ID&$expand=${q('Category($select=Name;$expand=Parent($select=Name))')}`);
    expect(list.map((p) => p.expanded.Category)).toMatchObject([
      { kind: 'single', entity: { values: { Name: 'Hammers' }, expanded: { Parent: { entity: { values: { Name: 'Tools' } } } } } },
      { kind: 'single', entity: { values: { Name: 'Screws' } } },
      { kind: 'single', entity: null },
    ]);
  });

  it('expands every navigation for $expand=*', async () => {
    const r = await read(t.db, "/Contacts('9')", '$expand=*');
    expect(r).toMatchObject({ kind: 'entity', entity: { expanded: { Customer: { kind: 'single', entity: { key: { ID: '10002' } } } } } });
  });

  it.each([
    ['Contacts($levels=2)', 501],
    ['Nope', 400],
    ['Contacts/$ref', 501],
    ['Contacts($expand=Customer($expand=Contacts($expand=Customer)))', 400],
  ])('rejects $expand=%s with %s', async (expand, status) => {
    await expect(read(t.db, '/Customers', `$expand=${q(expand)}`)).rejects.toMatchObject({ status });
  });

  it('rejects $top inside the expansion of a single-valued navigation', async () => {
    await expect(read(t.db, '/Contacts', `$expand=${q('Customer($top=1)')}`)).rejects.toMatchObject({ status: 400 });
  });

  describe('N+1 guard', () => {
    let big: TestDatabase;
    beforeAll(async () => {
      big = await createTestDatabase(dialect);
      const customerIds = Array.from({ length: 600 }, (_, i) => `C${String(i).padStart(4, '0')}`);
      const customers = customerIds.map((id, i) => ({ tenant_id: TENANT, ...customerRow(id, `Customer ${i}`) }));
      for (let i = 0; i < customers.length; i += 100) await big.db.knex('customers').insert(customers.slice(i, i + 100));
      const contacts = customerIds.flatMap((id, i) => [0, 1].map((j) => ({ tenant_id: TENANT, ...contactRow(`K${i}-${j}`, id, `Last ${i}`, `k${i}.${j}@x.example`) })));
      for (let i = 0; i < contacts.length; i += 100) await big.db.knex('contacts').insert(contacts.slice(i, i + 100));
    });
    afterAll(async () => big?.dispose());

    it('loads $expand=Contacts for 100 customers with one SELECT per level', async () => {
      let list: readonly EntityRecord[] = [];
      const n = await countQueries(big.db, async () => { list = await entities(big.db, '/Customers', '$expand=Contacts&$top=100'); });
      expect(n).toBe(2);
      expect(list).toHaveLength(100);
      expect(list.every((c) => collection(c, 'Contacts').entities.length === 2)).toBe(true);
    });

    it('adds exactly one COUNT for $count=true and one SELECT per nested level', async () => {
      expect(await countQueries(big.db, () => read(big.db, '/Customers', '$expand=Contacts&$top=100&$count=true'))).toBe(3);
      expect(await countQueries(big.db, () => read(big.db, '/Customers', `$expand=${q('Contacts($expand=Customer)')}&$top=100`))).toBe(3);
    });

    it('chunks the IN list beyond 500 parents', async () => {
      let list: readonly EntityRecord[] = [];
      const n = await countQueries(big.db, async () => { list = await entities(big.db, '/Customers', '$expand=Contacts', { pageSize: 1000 }); });
      expect(list).toHaveLength(600);
      expect(n).toBe(1 + 2);
      expect(list.every((c) => collection(c, 'Contacts').entities.length === 2)).toBe(true);
    });
  });
});
