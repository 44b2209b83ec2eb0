// PATCH (merge), PUT (replace) and DELETE for every entity set, Prefer: return=representation,
// ETags, and the customer cascade: its contacts and price agreements go with it, one event each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { contact, customer, eventsOf, outboxCount, product, writeClient, writerKey, type WriteClient } from './write-client';

describe.each(testDialects())('OData update and delete on %s', (dialect) => {
  let gw: TestGateway;
  let w: WriteClient;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    w = writeClient(gw, await writerKey(gw, 'acme'));
    await w.post('Categories', { ID: 1, Name: 'Root' });
    await w.post('Customers', customer('10001', { Email: 'a@x.example', PriceGroup: 'VIP', CreditLimit: '100.50', Address: { Street: 'Hauptstr. 1', City: 'Wien' } }));
    await w.post('Products', product('A-1', { CategoryID: 1 }));
    await w.post('Contacts', contact('7', 'seven@x.example', { CustomerID: '10001', FirstName: 'Sam' }));
    await w.post('PriceAgreements', { CustomerID: '10001', ProductID: 'A-1', Price: 5 });
  });
  afterAll(() => gw.close());

  it('PATCH merges: absent properties and absent Address members stay; 204 with the new ETag', async () => {
    const res = await w.patch("Customers('10001')", { Name: 'Renamed', Address: { City: 'Zürich' } }, 'W/"1"');
    expect(res.status).toBe(204);
    expect(res.headers.get('etag')).toBe('W/"2"');
    const back = (await w.get("Customers('10001')")).body;
    expect(back).toMatchObject({ Name: 'Renamed', Email: 'a@x.example', PriceGroup: 'VIP', CreditLimit: 100.5, Version: 2 });
    expect(back.Address).toEqual({ Street: 'Hauptstr. 1', PostalCode: null, City: 'Zürich', CountryCode: null });
    expect(back.ModifiedAt >= back.CreatedAt).toBe(true);
  });

  it('PATCH with Prefer: return=representation answers 200 with the entity and Preference-Applied', async () => {
    const res = await w.patch("Customers('10001')", { IsBlocked: true }, 'W/"2"', { Prefer: 'return=representation' });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('return=representation');
    expect(res.headers.get('etag')).toBe('W/"3"');
    expect(res.body).toMatchObject({ '@odata.context': `${gw.url}/odata/$metadata#Customers/$entity`, '@odata.etag': 'W/"3"', IsBlocked: true, Version: 3 });
  });

  it('accepts MERGE as PATCH (OData v3 clients) and a no-op PATCH changes nothing', async () => {
    const merged = await w.send('MERGE', "Customers('10001')", { Phone: '+43 1 234' }, { 'If-Match': 'W/"3"' });
    expect(merged.status).toBe(204);
    expect(merged.headers.get('etag')).toBe('W/"4"');
    const noop = await w.patch("Customers('10001')", { Phone: '+43 1 234' }, 'W/"4"');
    expect(noop.headers.get('etag')).toBe('W/"4"');
  });

  it('PUT replaces: omitted properties take their default or null, CreatedAt stays', async () => {
    const before = (await w.get("Customers('10001')")).body;
    const res = await w.put("Customers('10001')", { ID: '10001', Name: 'Replaced', Version: 99, CreatedAt: '2000-01-01T00:00:00Z' }, 'W/"4"', { Prefer: 'return=representation' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      Name: 'Replaced', Email: null, PriceGroup: null, Phone: null, Currency: 'EUR', CreditLimit: 0, IsBlocked: false, Version: 5,
      Address: { Street: null, PostalCode: null, City: null, CountryCode: null }, CreatedAt: before.CreatedAt,
    });
  });

  it('updates contacts, products, categories and price agreements', async () => {
    expect((await w.patch("Contacts('7')", { Role: 'Administrator', HasShopAccess: true, AccessValidUntil: '2026-12-31T23:00:00+01:00' }, 'W/"1"', { Prefer: 'return=representation' })).body)
      .toMatchObject({ Role: 'Administrator', HasShopAccess: true, AccessValidUntil: '2026-12-31T22:00:00.000Z', FirstName: 'Sam' });
    expect((await w.put("Products('A-1')", { Name: 'Hammer', ListPrice: 19.99 }, 'W/"1"', { Prefer: 'return=representation' })).body)
      .toMatchObject({ Name: 'Hammer', ListPrice: 19.99, CategoryID: null, Unit: 'PCE', Version: 2 });
    expect((await w.patch('Categories(1)', { Name: 'All' }, '*')).status).toBe(204);
    expect((await w.get('Categories(1)')).body.Name).toBe('All');
    const pa = await w.patch("PriceAgreements(CustomerID='10001',ProductID='A-1')", { Price: '4.25', ValidUntil: '2026-12-31' }, 'W/"1"', { Prefer: 'return=representation' });
    expect(pa.body).toMatchObject({ Price: 4.25, ValidUntil: '2026-12-31', Version: 2 });
    expect((await w.patch('Categories(1)', { ParentID: 99 })).status).toBe(422);
  });

  it('replaces and deletes contacts, categories and price agreements', async () => {
    await w.post('Contacts', contact('9', 'nine@x.example', { CustomerID: '10001', FirstName: 'Nina', Role: 'Approver' }));
    const c = await w.put("Contacts('9')", { CustomerID: '10001', LastName: 'Nine', Email: 'nine@x.example' }, 'W/"1"', { Prefer: 'return=representation' });
    expect(c.body).toMatchObject({ FirstName: null, Role: 'Buyer', LastName: 'Nine', Version: 2 });
    expect((await w.del("Contacts('9')", 'W/"2"')).status).toBe(204);
    await w.post('Categories', { ID: 2, Name: 'Two', ParentID: 1 });
    expect((await w.put('Categories(2)', { Name: 'Zwei' })).status).toBe(204);
    expect((await w.get('Categories(2)')).body).toMatchObject({ Name: 'Zwei', ParentID: null });
    expect((await w.del('Categories(2)')).status).toBe(204);
    const pa = await w.put("PriceAgreements(CustomerID='10001',ProductID='A-1')", { Price: 3 }, 'W/"2"', { Prefer: 'return=representation' });
    expect(pa.body).toMatchObject({ Price: 3, MinQuantity: 1, ValidUntil: null, Version: 3 });
  });

  it('changes a contact addressed through its customer, and moves it with @odata.bind', async () => {
    await w.post('Customers', customer('10002'));
    const res = await w.patch("Customers('10001')/Contacts('7')", { 'Customer@odata.bind': "Customers('10002')" }, '*', { Prefer: 'return=representation' });
    expect(res.status).toBe(200);
    expect(res.body.CustomerID).toBe('10002');
    expect((await w.patch("Customers('10001')/Contacts('7')", { LastName: 'X' })).status).toBe(404);
  });

  it('DELETE of a customer deletes its contacts and price agreements in one transaction, one event each', async () => {
    await w.post('Contacts', contact('8', 'eight@x.example', { CustomerID: '10002' }));
    await w.post('PriceAgreements', { CustomerID: '10002', ProductID: 'A-1', Price: 1 });
    const before = (await eventsOf(gw, 'acme')).length;
    const res = await w.del("Customers('10002')", 'W/"1"');
    expect(res.status).toBe(204);
    expect(res.headers.get('etag')).toBeNull();
    const events = (await eventsOf(gw, 'acme')).slice(before);
    expect(events.map((e) => `${e.type}${e.entity_key}`)).toEqual([
      "ContactDeleted('7')", "ContactDeleted('8')", "PriceAgreementDeleted(CustomerID='10002',ProductID='A-1')", "CustomerDeleted('10002')",
    ]);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({ key: { ID: '7' }, cascadeOf: { set: 'Customers', key: { ID: '10002' } } });
    expect(await outboxCount(gw, 'acme')).toBe((await eventsOf(gw, 'acme')).length);
    for (const path of ["Customers('10002')", "Contacts('7')", "Contacts('8')", "PriceAgreements(CustomerID='10002',ProductID='A-1')"]) {
      expect((await w.get(path)).status, path).toBe(404);
    }
    await gw.audit.flush();
    const audit = await gw.database.db.knex('audit_log').where({ tenant_id: 'acme', method: 'DELETE', target: "Customers('10002')" }).first();
    expect(audit).toMatchObject({ operation: 'customers.write', status: 204 });
    expect(Number(audit.rows_written)).toBe(4);
  });

  it('refuses with 409 to delete a product that still has price agreements, or a category with products', async () => {
    const p = await w.del("Products('A-1')");
    expect(p.status).toBe(409);
    expect(p.body.error.target).toBe('PriceAgreements');
    expect((await w.del("PriceAgreements(CustomerID='10001',ProductID='A-1')")).status).toBe(204);
    await w.patch("Products('A-1')", { CategoryID: 1 });
    expect((await w.del('Categories(1)')).status).toBe(409);
    expect((await w.del("Products('A-1')")).status).toBe(204);
    expect((await w.del('Categories(1)')).status).toBe(204);
  });

  it('answers 404 for PATCH, PUT and DELETE of an entity that does not exist', async () => {
    expect((await w.patch("Customers('nope')", { Name: 'x' })).status).toBe(404);
    expect((await w.put("Customers('nope')", { Name: 'x' })).status).toBe(404);
    expect((await w.del("Customers('nope')")).status).toBe(404);
  });

  it('answers 405 with Allow for POST to an entity and PATCH of a collection; 501 for a property', async () => {
    const post = await w.post("Customers('10001')", customer('x'));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toContain('PATCH');
    const patch = await w.patch('Customers', { Name: 'x' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toContain('POST');
    expect((await w.put("Customers('10001')/Name", { value: 'x' })).status).toBe(501);
  });
});
