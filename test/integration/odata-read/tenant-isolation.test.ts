// Two tenants with the SAME keys: every level of a read — root, navigation path, $expand, $count,
// lambda, join, search — sees only the caller's rows; another tenant's entity is a plain 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { entities, ids, OTHER, read, seedFixtures } from './fixtures';

describe.each(testDialects())('tenant isolation on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedFixtures(t.db);
  });
  afterAll(async () => t?.dispose());

  const other = { tenant: OTHER };

  it('scopes the root set and key lookups', async () => {
    expect(await ids(t.db, '/Customers', '', other)).toEqual(['10001', '10002']);
    expect(await read(t.db, "/Customers('10001')", '', other)).toMatchObject({ entity: { values: { Name: 'Other Corp' } } });
    await expect(read(t.db, "/Contacts('99')")).rejects.toMatchObject({ status: 404 });
    await expect(read(t.db, "/Customers('10003')", '', other)).rejects.toMatchObject({ status: 404 });
  });

  it('scopes navigation paths at every step', async () => {
    expect(await ids(t.db, "/Customers('10001')/Contacts")).toEqual(['10', '7', '8']);
    expect(await ids(t.db, "/Customers('10001')/Contacts", '', other)).toEqual(['7', '99']);
    expect(await read(t.db, "/Contacts('7')/Customer", '', other)).toMatchObject({ entity: { values: { Name: 'Other Corp' } } });
    expect(await read(t.db, "/Contacts('7')/Customer/Name")).toMatchObject({ value: 'Müller & Söhne GmbH' });
    await expect(read(t.db, "/Customers('10001')/Contacts('99')")).rejects.toMatchObject({ status: 404 });
    expect(await ids(t.db, "/Products('A-1')/PriceAgreements", '', other)).toEqual(['10001|A-1']);
  });

  it('scopes every $expand level', async () => {
    const acme = await entities(t.db, '/Customers', '$filter=ID%20eq%20%2710001%27&$expand=Contacts($expand=Customer)');
    const contacts = acme[0]?.expanded.Contacts;
    expect(contacts?.kind === 'collection' && contacts.entities.map((c) => [c.values.LastName, c.expanded.Customer?.kind === 'single' && c.expanded.Customer.entity?.values.Name]))
      .toEqual([['Adams', 'Müller & Söhne GmbH'], ['Schmidt', 'Müller & Söhne GmbH'], ['Huber', 'Müller & Söhne GmbH']]);
    const theirs = await entities(t.db, '/Customers', '$expand=Contacts($count=true)', other);
    expect(theirs.map((c) => c.expanded.Contacts)).toMatchObject([
      { count: 2, entities: [{ values: { LastName: 'Intruder' } }, { values: { LastName: 'Second' } }] },
      { count: 1, entities: [{ values: { LastName: 'Third' } }] },
    ]);
  });

  it('scopes counts', async () => {
    expect(await read(t.db, '/Contacts/$count')).toEqual({ kind: 'count', count: 4 });
    expect(await read(t.db, '/Contacts/$count', '', other)).toEqual({ kind: 'count', count: 3 });
    expect(await read(t.db, "/Customers('10001')/Contacts", '$count=true')).toMatchObject({ count: 3 });
    expect(await read(t.db, "/Customers('10001')/Contacts/$count", '', other)).toEqual({ kind: 'count', count: 2 });
  });

  it('scopes lambdas, navigation joins and search', async () => {
    expect(await ids(t.db, '/Customers', `$filter=${encodeURIComponent("Contacts/any(c: c/LastName eq 'Intruder')")}`)).toEqual([]);
    expect(await ids(t.db, '/Customers', `$filter=${encodeURIComponent("Contacts/any(c: c/LastName eq 'Intruder')")}`, other)).toEqual(['10001']);
    expect(await ids(t.db, '/Contacts', `$filter=${encodeURIComponent("Customer/Name eq 'Other Corp'")}`)).toEqual([]);
    expect(await ids(t.db, '/Contacts', `$filter=${encodeURIComponent("Customer/Name eq 'Other Corp'")}`, other)).toEqual(['7', '99']);
    expect(await ids(t.db, '/Customers', '$search=other')).toEqual([]);
    expect(await ids(t.db, '/Products', '$orderby=Category/Name', other)).toEqual(['A-1']);
  });
});
