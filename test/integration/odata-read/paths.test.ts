// Resource paths on real databases: keys (string, int, composite, type-checked), navigation chains,
// properties with /$value, complex members and /$count — the same results on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { ids, read, seedFixtures } from './fixtures';

describe.each(testDialects())('resource paths on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedFixtures(t.db);
  });
  afterAll(async () => t?.dispose());

  it('reads a collection in key order with typed values', async () => {
    const r = await read(t.db, '/Customers');
    if (r.kind !== 'collection') throw new Error(r.kind);
    expect(r.entities.map((e) => e.key.ID)).toEqual(['10001', '10002', '10003', '10004', '10005']);
    const zurich = r.entities[3];
    expect(zurich?.values).toMatchObject({ Name: 'Zürich Trading AG', CreditLimit: '-5.00', IsBlocked: false, Version: '9007199254740993' });
    expect(zurich?.version).toBe('9007199254740993');
    expect(r.entities[0]?.values.CreditLimit).toBe('12345678901234.56');
    expect(r.nextLink).toBeUndefined();
    expect(r.contextSelect).toBeUndefined();
  });

  it('reads an entity by string, int and composite key', async () => {
    const c = await read(t.db, "/Customers('10002')");
    expect(c).toMatchObject({ kind: 'entity', entity: { key: { ID: '10002' }, values: { Name: "O'Brien Ltd", IsBlocked: true } } });
    const cat = await read(t.db, '/Categories(3)');
    expect(cat).toMatchObject({ kind: 'entity', entity: { key: { ID: 3 }, values: { ID: 3, Name: 'Hammers', ParentID: 2 } } });
    const pa = await read(t.db, "/PriceAgreements(CustomerID='10001',ProductID='A-2')");
    expect(pa).toMatchObject({ kind: 'entity', entity: { key: { CustomerID: '10001', ProductID: 'A-2' }, values: { Price: '0.0400', MinQuantity: '100.000', ValidFrom: '2025-06-01', ValidUntil: '2025-12-31' } } });
    const named = await read(t.db, "/Customers(ID='10001')");
    expect(named).toMatchObject({ kind: 'entity', entity: { key: { ID: '10001' } } });
  });

  it.each([
    ["/Categories('3')", 'BadRequest'],
    ['/Customers(10001)', 'BadRequest'],
    ["/PriceAgreements('10001')", 'BadRequest'],
    ["/PriceAgreements(CustomerID='10001')", 'BadRequest'],
    ["/PriceAgreements(CustomerID='10001',Foo='x')", 'UnknownProperty'],
    ["/Customers('10001')/Nope", 'UnknownProperty'],
    ['/Customers/Contacts', 'BadRequest'],
    ["/Customers('10001')/Address/$value", 'BadRequest'],
    ["/Contacts('7')/Customer('10001')", 'BadRequest'],
  ])('%s is a 400 (%s)', async (path, code) => {
    await expect(read(t.db, path)).rejects.toMatchObject({ status: 400, code });
  });

  it.each(['/Nope', "/Customers('nope')", "/Customers('nope')/Contacts", "/Customers('10002')/Contacts('8')", '/Categories(99)/Parent', "/Customers('nope')/Contacts/$count"])(
    '%s is a 404',
    async (path) => {
      await expect(read(t.db, path)).rejects.toMatchObject({ status: 404, code: 'NotFound' });
    },
  );

  it('follows navigations and chains', async () => {
    expect(await ids(t.db, "/Customers('10001')/Contacts")).toEqual(['10', '7', '8']);
    expect(await ids(t.db, "/Customers('10003')/Contacts")).toEqual([]);
    expect(await read(t.db, "/Contacts('9')/Customer")).toMatchObject({ kind: 'entity', set: { name: 'Customers' }, entity: { key: { ID: '10002' } } });
    expect(await ids(t.db, "/Contacts('9')/Customer/Contacts")).toEqual(['9']);
    expect(await read(t.db, "/Customers('10001')/Contacts('8')")).toMatchObject({ entity: { values: { LastName: 'Huber', Role: 'Administrator', FirstName: null } } });
    expect(await read(t.db, '/Categories(4)/Parent/Parent')).toMatchObject({ entity: { values: { Name: 'Root' } } });
    expect(await read(t.db, '/Categories(1)/Parent')).toEqual({ kind: 'none' });
    expect(await read(t.db, '/Categories(4)/Parent/Parent/Parent')).toEqual({ kind: 'none' });
    expect(await ids(t.db, "/Products('A-1')/Category/Products")).toEqual(['A-1']);
    expect(await ids(t.db, "/Products('A-1')/PriceAgreements")).toEqual(['10001|A-1', '10002|A-1']);
  });

  it('reads primitive, enum, decimal and complex properties, with $value', async () => {
    expect(await read(t.db, "/Customers('10001')/Name")).toEqual({
      kind: 'property', set: expect.objectContaining({ name: 'Customers' }), contextPath: "Customers('10001')/Name",
      edmType: 'Edm.String', value: 'Müller & Söhne GmbH', raw: false, version: '1',
    });
    expect(await read(t.db, "/Customers('10001')/Name/$value")).toMatchObject({ value: 'Müller & Söhne GmbH', raw: true });
    expect(await read(t.db, "/Customers('10001')/CreditLimit")).toMatchObject({ edmType: 'Edm.Decimal', value: '12345678901234.56' });
    expect(await read(t.db, "/Contacts('8')/Role")).toMatchObject({ edmType: 'B2X.Erp.ContactRole', value: 'Administrator' });
    expect(await read(t.db, "/Customers('10001')/Address")).toMatchObject({
      edmType: 'B2X.Erp.Address', value: { Street: 'Hauptstr. 1', PostalCode: '80331', City: 'München', CountryCode: 'DE' },
    });
    expect(await read(t.db, "/Customers('10003')/Address")).toMatchObject({ value: { Street: null, PostalCode: null, City: null, CountryCode: null } });
    expect(await read(t.db, "/Contacts('7')/Customer/Address/City")).toMatchObject({ contextPath: "Customers('10001')/Address/City", edmType: 'Edm.String', value: 'München' });
    expect(await read(t.db, "/Customers('10002')/Email")).toMatchObject({ value: null });
    expect(await read(t.db, "/Customers('10004')/Version")).toMatchObject({ edmType: 'Edm.Int64', value: '9007199254740993' });
  });

  it('counts with /$count, honouring $filter and $search', async () => {
    expect(await read(t.db, '/Customers/$count')).toEqual({ kind: 'count', count: 5 });
    expect(await read(t.db, '/Customers/$count', '$filter=IsBlocked')).toEqual({ kind: 'count', count: 1 });
    expect(await read(t.db, '/Customers/$count', '$search=mueller')).toEqual({ kind: 'count', count: 2 });
    expect(await read(t.db, "/Customers('10001')/Contacts/$count")).toEqual({ kind: 'count', count: 3 });
    expect(await read(t.db, "/Customers('10003')/Contacts/$count")).toEqual({ kind: 'count', count: 0 });
  });

  it('rejects collection options on a single entity or property', async () => {
    await expect(read(t.db, "/Customers('10001')", '$filter=IsBlocked')).rejects.toMatchObject({ status: 400 });
    await expect(read(t.db, "/Customers('10001')/Name", '$select=Name')).rejects.toMatchObject({ status: 400 });
  });
});
