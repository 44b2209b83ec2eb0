// $search over the model's searchable properties: case-insensitive substrings (ASCII folding on both
// dialects), phrases, AND/OR/NOT and implicit AND; sets without searchable properties answer 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { ids, read, seedFixtures } from './fixtures';

describe.each(testDialects())('$search on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedFixtures(t.db);
  });
  afterAll(async () => t?.dispose());

  it.each([
    ['Customers', 'müller', ['10001']],
    ['Customers', 'MUELLER', ['10001', '10003']],
    ['Customers', 'berlin OR dublin', ['10002', '10005']],
    ['Customers', 'mueller AND handel', ['10003']],
    ['Customers', 'mueller handel', ['10003']],
    ['Customers', 'NOT mueller', ['10002', '10004', '10005']],
    ['Customers', '"& omega"', ['10005']],
    ['Customers', '"a&o@"', ['10005']],
    ['Customers', '10004', ['10004']],
    ['Customers', 'zt', ['10004']],
    ['Products', 'hammer', ['A-1']],
    ['Products', '"für"', ['A-3']],
    ['Products', '4006381333931', ['A-1']],
  ])('%s?$search=%s', async (set, search, expected) => {
    expect(await ids(t.db, `/${set}`, `$search=${encodeURIComponent(search)}`)).toEqual(expected);
  });

  it('combines with $filter and $count', async () => {
    const r = await read(t.db, '/Customers', `$search=mueller&$filter=${encodeURIComponent("Address/City eq 'München'")}&$count=true`);
    expect(r).toMatchObject({ kind: 'collection', count: 1, entities: [{ key: { ID: '10001' } }] });
  });

  it('answers 400 on a set without searchable properties', async () => {
    await expect(read(t.db, '/Contacts', '$search=anna')).rejects.toMatchObject({ status: 400, code: 'BadRequest' });
  });
});
