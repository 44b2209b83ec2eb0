// $orderby (OData null order, numeric decimals, code-point strings, expressions, joins), $select,
// $top/$skip and $count — asserted identically on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { entities, ids, read, seedFixtures } from './fixtures';

const q = (s: string) => s.replace(/ /g, '%20');

describe.each(testDialects())('$orderby, $select, $top/$skip, $count on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedFixtures(t.db);
  });
  afterAll(async () => t?.dispose());

  it.each([
    ['Customers', 'Name2', ['10001', '10003', '10005', '10002', '10004']],
    ['Customers', 'Name2 desc', ['10004', '10002', '10001', '10003', '10005']],
    ['Customers', 'CreditLimit desc', ['10001', '10002', '10005', '10003', '10004']],
    ['Customers', 'Name', ['10003', '10001', '10002', '10004', '10005']],
    ['Customers', 'Address/City desc,ID', ['10004', '10001', '10002', '10005', '10003']],
    ['Customers', 'length(Name) desc,ID', ['10001', '10004', '10003', '10005', '10002']],
    ['Contacts', 'Customer/Name,ID', ['10', '7', '8', '9']],
    ['Contacts', 'Role desc,LastName', ['8', '10', '9', '7']],
    ['Products', 'ListPrice', ['A-2', 'A-3', 'A-1']],
    ['Products', 'Category/Name desc', ['A-2', 'A-1', 'A-3']],
  ])('%s?$orderby=%s', async (set, orderby, expected) => {
    expect(await ids(t.db, `/${set}`, `$orderby=${q(orderby)}`)).toEqual(expected);
  });

  it('returns only selected properties in values, but always key and version', async () => {
    const [first] = await entities(t.db, '/Customers', '$select=Name,Address/City&$top=1');
    expect(first).toEqual({ values: { Name: 'Müller & Söhne GmbH', Address: { City: 'München' } }, key: { ID: '10001' }, version: '1', expanded: {} });
    const r = await read(t.db, '/Customers', '$select=Name,Address/City');
    expect(r).toMatchObject({ contextSelect: 'Name,Address/City' });
  });

  it('writes a complex property with null members rather than null', async () => {
    const [c] = await entities(t.db, '/Customers', "$select=Address&$filter=ID eq '10003'");
    expect(c?.values).toEqual({ Address: { Street: null, PostalCode: null, City: null, CountryCode: null } });
  });

  it('selects everything for $select=*', async () => {
    const [c] = await entities(t.db, '/Categories', '$select=*&$top=1');
    expect(c?.values).toEqual({ ID: 1, Name: 'Root', ParentID: null });
  });

  it('rejects unknown $select properties naming them', async () => {
    await expect(read(t.db, '/Customers', '$select=Name,Shoe')).rejects.toMatchObject({ status: 400, code: 'UnknownProperty', target: 'Shoe' });
  });

  it('applies $skip then $top after ordering', async () => {
    expect(await ids(t.db, '/Customers', '$orderby=CreditLimit&$top=2&$skip=1')).toEqual(['10003', '10005']);
    expect(await ids(t.db, '/Customers', '$top=0')).toEqual([]);
  });

  it('counts all matching rows regardless of $top/$skip', async () => {
    const r = await read(t.db, '/Customers', '$count=true&$filter=Name2%20eq%20null&$top=1&$skip=1');
    expect(r).toMatchObject({ kind: 'collection', count: 3 });
    if (r.kind === 'collection') expect(r.entities.map((e) => e.key.ID)).toEqual(['10003']);
  });
});
