// Kept prepared statements (SQLite read connection) and cached level shapes must never serve stale
// rows: the same URL, re-run after an insert, update or delete through knex, sees the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { contactRow, customerRow, entities, ids, read, seedFixtures, TENANT } from './fixtures';

describe.each(testDialects())('statement cache on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedFixtures(t.db);
  });
  afterAll(async () => t?.dispose());

  it('given a cached read, when a row is inserted, then the same read returns it', async () => {
    const before = await ids(t.db, '/Customers', '$orderby=ID');
    await t.db.knex('customers').insert({ ...customerRow('10999', 'Neu GmbH'), tenant_id: TENANT });
    expect(await ids(t.db, '/Customers', '$orderby=ID')).toEqual([...before, '10999']);
  });

  it('given a cached entity read, when the row is updated and deleted, then the read follows', async () => {
    await t.db.knex('customers').insert({ ...customerRow('10998', 'Alt GmbH'), tenant_id: TENANT });
    const first = await read(t.db, "/Customers('10998')");
    expect(first.kind === 'entity' && first.entity.values.Name).toBe('Alt GmbH');
    await t.db.knex('customers').where({ tenant_id: TENANT, id: '10998' }).update({ name: 'Neu GmbH', version: '2' });
    const second = await read(t.db, "/Customers('10998')");
    expect(second.kind === 'entity' && [second.entity.values.Name, second.entity.version]).toEqual(['Neu GmbH', '2']);
    await t.db.knex('customers').where({ tenant_id: TENANT, id: '10998' }).del();
    await expect(read(t.db, "/Customers('10998')")).rejects.toThrow(/does not exist/);
  });

  it('given a cached $expand read, when a child is inserted inside a committed transaction, then it is expanded', async () => {
    const count = async () => (await entities(t.db, "/Customers('10999')/Contacts")).length;
    expect(await count()).toBe(0);
    await t.db.knex.transaction(async (trx) => {
      await trx('contacts').insert({ ...contactRow('9001', '10999', 'Neu', 'neu@example.com'), tenant_id: TENANT });
    });
    expect(await count()).toBe(1);
    const [parent] = await entities(t.db, '/Customers', `$filter=ID%20eq%20'10999'&$expand=Contacts`);
    const expanded = parent?.expanded.Contacts;
    expect(expanded?.kind === 'collection' && expanded.entities.map((c) => c.key.ID)).toEqual(['9001']);
  });

  it('given many distinct $select shapes, then every one still answers correctly (caches are bounded, not stale)', async () => {
    const props = ['ID', 'Name', 'Name2', 'Email', 'Phone', 'VatId', 'PriceGroup', 'Currency', 'CreditLimit', 'IsBlocked'];
    for (let mask = 1; mask < 1 << props.length; mask += 37) {
      const chosen = props.filter((_, i) => mask & (1 << i));
      const [e] = await entities(t.db, '/Customers', `$select=${chosen.join(',')}&$top=1&$orderby=ID`);
      expect(Object.keys(e?.values ?? {})).toEqual(chosen);
    }
  });
});
