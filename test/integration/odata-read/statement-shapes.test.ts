// Compiled SQL reused by query shape (src/data/read/statement-shapes.ts): requests of one shape that
// differ in tenant, key values, text literals, $search terms or $expand parents must each get their
// own rows — never a previous request's values — and values that change the SQL (null, numbers,
// out-of-range decimals) must never be treated as interchangeable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { entities, ids, OTHER, read, seedFixtures } from './fixtures';

const q = (s: string) => s.replace(/ /g, '%20');

describe.each(testDialects())('statement shapes on %s', (dialect) => {
  let t: TestDatabase;
  const other = { tenant: OTHER };
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedFixtures(t.db);
  });
  afterAll(async () => t?.dispose());

  it('given one key lookup shape, then each tenant and key gets its own row', async () => {
    const name = async (key: string, tenant?: string) => {
      const r = await read(t.db, `/Customers('${key}')`, '', tenant ? { tenant } : {});
      return r.kind === 'entity' ? r.entity.values.Name : undefined;
    };
    expect(await name('10001')).toBe('Müller & Söhne GmbH');
    expect(await name('10001', OTHER)).toBe('Other Corp');
    expect(await name('10002')).toBe("O'Brien Ltd");
    await expect(read(t.db, "/Customers('10003')", '', other)).rejects.toMatchObject({ status: 404 });
    expect(await name('10003')).toBe('MÜLLER Handel');
  });

  it('given one $filter shape, then each text literal is bound anew', async () => {
    expect(await ids(t.db, '/Customers', q("$filter=Address/City eq 'Dublin'"))).toEqual(['10002']);
    expect(await ids(t.db, '/Customers', q("$filter=Address/City eq 'Berlin'"))).toEqual(['10005']);
    expect(await ids(t.db, '/Customers', q("$filter=Address/City eq 'München'"), other)).toEqual(['10001']);
    expect(await ids(t.db, '/Products', q("$filter=contains(Name,'Screw')&$select=ID,Name"))).toEqual(['A-2']);
    expect(await ids(t.db, '/Products', q("$filter=contains(Name,'Zan')&$select=ID,Name"))).toEqual(['A-3']);
  });

  it('given values that change the SQL, then null, numbers and out-of-range decimals are never confused', async () => {
    expect(await ids(t.db, '/Customers', q("$filter=Name2 eq 'ZT'"))).toEqual(['10004']);
    expect(await ids(t.db, '/Customers', q('$filter=Name2 eq null'))).toEqual(['10001', '10003', '10005']);
    expect(await ids(t.db, '/Customers', q('$filter=CreditLimit gt 1000'))).toEqual(['10001', '10002']);
    expect(await ids(t.db, '/Customers', q('$filter=CreditLimit gt 0.001'))).toEqual(['10001', '10002', '10005']);
    expect(await ids(t.db, '/Customers', q('$filter=CreditLimit gt 99999999999999999999'))).toEqual([]);
  });

  it('given one $search and one $expand shape, then terms and parent keys are bound anew', async () => {
    expect(await ids(t.db, '/Customers', '$search=dublin')).toEqual(['10002']);
    expect(await ids(t.db, '/Customers', '$search=zürich')).toEqual(['10004']);
    const contactsOf = async (key: string, tenant?: string) => {
      const [c] = await entities(t.db, '/Customers', q(`$filter=ID eq '${key}'&$expand=Contacts`), tenant ? { tenant } : {});
      const x = c?.expanded.Contacts;
      return x?.kind === 'collection' ? x.entities.map((e) => e.key.ID) : undefined;
    };
    expect(await contactsOf('10001')).toEqual(['10', '7', '8']);
    expect(await contactsOf('10002')).toEqual(['9']);
    expect(await contactsOf('10001', OTHER)).toEqual(['7', '99']);
  });

  it('given a navigation path shape, then the parent key and tenant are bound anew at every step', async () => {
    expect(await ids(t.db, "/Customers('10001')/Contacts")).toEqual(['10', '7', '8']);
    expect(await ids(t.db, "/Customers('10002')/Contacts")).toEqual(['9']);
    expect(await ids(t.db, "/Customers('10002')/Contacts", '', other)).toEqual(['98']);
  });
});
