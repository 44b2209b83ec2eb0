// POST: every entity set (incl. the composite-key PriceAgreements), deep insert, POST through a
// navigation, @odata.bind, computed properties ignored, exact decimals, 201 vs return=minimal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { contact, customer, eventsOf, outboxCount, product, writeClient, writerKey, type WriteClient } from './write-client';

describe.each(testDialects())('OData create on %s', (dialect) => {
  let gw: TestGateway;
  let w: WriteClient;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    w = writeClient(gw, await writerKey(gw, 'acme'));
    expect((await w.post('Categories', { ID: 7, Name: 'Tools' })).status).toBe(201);
  });
  afterAll(() => gw.close());

  it('creates a customer: 201, absolute Location, ETag, the entity as a read returns it', async () => {
    const res = await w.post('Customers', customer('10042', { CreditLimit: 12345678901234.56, Address: { City: 'München' } }));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${gw.url}/odata/Customers('10042')`);
    expect(res.headers.get('etag')).toBe('W/"1"');
    expect(res.body).toMatchObject({
      '@odata.context': `${gw.url}/odata/$metadata#Customers/$entity`,
      '@odata.etag': 'W/"1"',
      ID: '10042', Currency: 'EUR', IsBlocked: false, Version: 1,
      Address: { Street: null, PostalCode: null, City: 'München', CountryCode: null },
    });
    expect(res.body.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.body.ModifiedAt).toBe(res.body.CreatedAt);
    const read = await w.get("Customers('10042')", { Accept: 'application/json;IEEE754Compatible=true' });
    expect(read.body.CreditLimit).toBe('12345678901234.56'); // exact: never a float on the way in
    expect(read.headers.get('etag')).toBe('W/"1"');
  });

  it('creates a contact, a product, a category and a composite-key price agreement', async () => {
    expect((await w.post('Contacts', contact('c-1', 'anna@acme.example', { CustomerID: '10042', Role: 'Approver' }))).body)
      .toMatchObject({ ID: 'c-1', CustomerID: '10042', Role: 'Approver', HasShopAccess: false, Version: 1 });
    expect((await w.post('Products', product('A-1', { CategoryID: 7, ListPrice: '12345678901234.5678' }))).body)
      .toMatchObject({ ID: 'A-1', Unit: 'PCE', IsActive: true, StockQuantity: 0, CategoryID: 7 });
    const cat = await w.post('Categories', { ID: 8, Name: 'Hammers', ParentID: 7 });
    expect(cat.status).toBe(201);
    expect(cat.headers.get('etag')).toBeNull(); // Category has no concurrency token
    const pa = await w.post('PriceAgreements', { CustomerID: '10042', ProductID: 'A-1', Price: '9.5', ValidFrom: '2026-01-01' });
    expect(pa.status).toBe(201);
    expect(pa.headers.get('location')).toBe(`${gw.url}/odata/PriceAgreements(CustomerID='10042',ProductID='A-1')`);
    expect(pa.body).toMatchObject({ Price: 9.5, MinQuantity: 1, Currency: 'EUR', ValidFrom: '2026-01-01', ValidUntil: null });
    const back = await w.get("PriceAgreements(CustomerID='10042',ProductID='A-1')", { Accept: 'application/json;IEEE754Compatible=true' });
    expect(back.body.Price).toBe('9.5000');
    const p = await w.get("Products('A-1')", { Accept: 'application/json;IEEE754Compatible=true' });
    expect(p.body.ListPrice).toBe('12345678901234.5678');
  });

  it('deep-inserts contacts inside a customer POST, each with its own event', async () => {
    const res = await w.post('Customers', customer('20001', {
      Contacts: [contact('d-1', 'one@deep.example'), contact('d-2', 'two@deep.example', { CustomerID: '20001' })],
    }));
    expect(res.status).toBe(201);
    expect(res.body['@odata.context']).toBe(`${gw.url}/odata/$metadata#Customers(Contacts())/$entity`);
    expect(res.body.Contacts.map((c: { ID: string; CustomerID: string }) => [c.ID, c.CustomerID])).toEqual([['d-1', '20001'], ['d-2', '20001']]);
    const events = (await eventsOf(gw, 'acme')).filter((e) => e.payload.includes('20001'));
    expect(events.map((e) => `${e.type}${e.entity_key}`)).toEqual(["CustomerCreated('20001')", "ContactCreated('d-1')", "ContactCreated('d-2')"]);
  });

  it('creates a contact through the collection navigation Customers(…)/Contacts', async () => {
    const res = await w.post("Customers('20001')/Contacts", contact('d-3', 'three@deep.example'));
    expect(res.status).toBe(201);
    expect(res.body.CustomerID).toBe('20001');
    expect(res.headers.get('location')).toBe(`${gw.url}/odata/Contacts('d-3')`);
    const other = await w.post("Customers('20001')/Contacts", contact('d-4', 'four@deep.example', { CustomerID: '10042' }));
    expect(other.status).toBe(400);
    expect((await w.post("Customers('nope')/Contacts", contact('d-5', 'five@deep.example'))).status).toBe(404);
  });

  it('binds Customer on a contact and Category on a product with @odata.bind', async () => {
    const c = await w.post('Contacts', contact('b-1', 'bind@acme.example', { 'Customer@odata.bind': "Customers('10042')" }));
    expect(c.status).toBe(201);
    expect(c.body.CustomerID).toBe('10042');
    const p = await w.post('Products', product('B-1', { 'Category@odata.bind': `${gw.url}/odata/Categories(8)` }));
    expect(p.body.CategoryID).toBe(8);
    const wrongSet = await w.post('Contacts', contact('b-2', 'b2@acme.example', { 'Customer@odata.bind': 'Products(\'A-1\')' }));
    expect(wrongSet.status).toBe(400);
    const missing = await w.post('Contacts', contact('b-3', 'b3@acme.example', { 'Customer@odata.bind': "Customers('99999')" }));
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ code: 'UnknownReference', target: 'CustomerID' })]);
    const contradiction = await w.post('Contacts', contact('b-4', 'b4@acme.example', { CustomerID: '20001', 'Customer@odata.bind': "Customers('10042')" }));
    expect(contradiction.status).toBe(400);
  });

  it('ignores computed properties and control information a generated client sends back', async () => {
    const res = await w.post('Customers', customer('30001', {
      '@odata.type': '#B2X.Erp.Customer', '@odata.etag': 'W/"77"', 'CreditLimit@odata.type': '#Decimal',
      CreatedAt: '2000-01-01T00:00:00.000Z', ModifiedAt: '2000-01-01T00:00:00.000Z', Version: 77,
    }));
    expect(res.status).toBe(201);
    expect(res.body.Version).toBe(1);
    expect(res.body.CreatedAt).not.toBe('2000-01-01T00:00:00.000Z');
  });

  it('answers Prefer: return=minimal with 204, OData-EntityId, Location and ETag', async () => {
    const res = await w.post('Customers', customer('30002'), { Prefer: 'return=minimal' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(res.headers.get('odata-entityid')).toBe(`${gw.url}/odata/Customers('30002')`);
    expect(res.headers.get('location')).toBe(`${gw.url}/odata/Customers('30002')`);
    expect(res.headers.get('etag')).toBe('W/"1"');
    expect(res.headers.get('preference-applied')).toBe('return=minimal');
  });

  it('answers 409 for a key that exists, and allows the same key in another tenant', async () => {
    const again = await w.post('Customers', customer('10042'));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('Conflict');
    const other = writeClient(gw, await writerKey(gw, 'other'));
    expect((await other.post('Customers', customer('10042'))).status).toBe(201);
    expect((await other.post('Contacts', contact('c-1', 'anna@acme.example', { CustomerID: '10042' }))).status).toBe(201);
  });

  it('writes one event and one outbox row per created entity, in the same transaction', async () => {
    const events = await eventsOf(gw, 'acme');
    expect(await outboxCount(gw, 'acme')).toBe(events.length);
    const created = events.find((e) => e.type === 'PriceAgreementCreated');
    expect(created).toMatchObject({ entity_set: 'PriceAgreements', entity_key: "(CustomerID='10042',ProductID='A-1')", version: '1' });
    expect(JSON.parse(created?.payload ?? '{}')).toMatchObject({ key: { CustomerID: '10042', ProductID: 'A-1' }, entity: { Price: '9.5000' } });
  });
});
