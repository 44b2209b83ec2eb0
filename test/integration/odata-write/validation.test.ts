// Every way a write body can be wrong, with its status, error code and details: 400 for names and
// syntax, 415/413 for the transport, 422 ValidationFailed naming each property. A rejected write
// leaves no state and no event behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { contact, customer, eventsOf, product, writeClient, writerKey, type WriteClient } from './write-client';

describe.each(testDialects())('OData write validation on %s', (dialect) => {
  let gw: TestGateway;
  let w: WriteClient;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    w = writeClient(gw, await writerKey(gw, 'acme'));
    await w.post('Customers', customer('10042'));
    await w.post('Contacts', contact('c-1', 'Anna@Acme.example', { CustomerID: '10042' }));
  });
  afterAll(() => gw.close());

  const details = (res: { body: { error: { details?: Array<{ code: string; target?: string }> } } }) =>
    (res.body.error.details ?? []).map((d) => `${d.code}:${d.target}`);

  it('400 UnknownProperty naming every property that is not in the model', async () => {
    const res = await w.post('Customers', customer('1', { Colour: 'red', Size: 3 }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('UnknownProperty');
    expect(details(res)).toEqual(['UnknownProperty:Colour', 'UnknownProperty:Size']);
    const member = await w.patch("Customers('10042')", { Address: { Town: 'x' } });
    expect(member.status).toBe(400);
    expect(details(member)).toEqual(['UnknownProperty:Address/Town']);
  });

  it('400 for TenantId in any case', async () => {
    for (const name of ['TenantId', 'tenantid', 'TENANT_ID']) {
      const res = await w.post('Customers', customer('1', { [name]: 'other' }));
      expect(res.status, name).toBe(400);
      expect(res.body.error.target).toBe(name);
    }
  });

  it('400 for a key in the body that differs from the URL', async () => {
    const res = await w.patch("Customers('10042')", { ID: '10043', Name: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.target).toBe('ID');
    expect((await w.patch("Customers('10042')", { ID: '10042', Name: 'same key is fine' })).status).toBe(204);
  });

  it("400 for an @odata.type that isn't the set's type", async () => {
    const res = await w.post('Customers', customer('1', { '@odata.type': '#B2X.Erp.Product' }));
    expect(res.status).toBe(400);
    expect(res.body.error.target).toBe('@odata.type');
    expect((await w.post('Customers', customer('2', { '@odata.type': 'B2X.Erp.Customer' }))).status).toBe(201);
  });

  it('400 for malformed JSON, a body that is not an object, duplicate members and a missing body', async () => {
    expect((await w.post('Customers', '{"ID":"1",')).body.error.code).toBe('InvalidSyntax');
    expect((await w.post('Customers', '[1,2]')).status).toBe(400);
    expect((await w.post('Customers', '{"ID":"1","ID":"2","Name":"x"}')).status).toBe(400);
    expect((await w.send('POST', 'Customers')).status).toBe(400);
  });

  it('415 for a body that is not JSON or not UTF-8', async () => {
    const xml = await w.post('Customers', '<Customer/>', { 'Content-Type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe('UnsupportedMediaType');
    expect((await w.post('Customers', JSON.stringify(customer('1')), { 'Content-Type': 'application/json; charset=iso-8859-1' })).status).toBe(415);
    const ok = await w.post('Customers', JSON.stringify(customer('3')), { 'Content-Type': 'application/json;odata.metadata=minimal;charset=UTF-8' });
    expect(ok.status).toBe(201);
  });

  it('413 for a body over 10 MiB', async () => {
    const res = await w.post('Customers', JSON.stringify(customer('1', { Name2: 'x'.repeat(10 * 1024 * 1024) })));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PayloadTooLarge');
  });

  it('422 ValidationFailed with one detail per bad property', async () => {
    const res = await w.post('Contacts', {
      ID: 'c-9', CustomerID: '10042', Email: 'x@y.example', FirstName: 'x'.repeat(61), Role: 'Boss', AccessValidUntil: '2026-02-30T00:00:00Z', HasShopAccess: 'yes',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ValidationFailed');
    expect(details(res)).toEqual(['MaxLength:FirstName', 'Required:LastName', 'EnumMember:Role', 'InvalidType:HasShopAccess', 'InvalidDateTime:AccessValidUntil']);
  });

  it('422 for decimals with too many digits or decimal places, and bad dates', async () => {
    const res = await w.post('PriceAgreements', { CustomerID: '10042', ProductID: 'A-1', Price: 1.23456, MinQuantity: '1000000000000000', ValidFrom: '2026-13-01' });
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['Scale:Price', 'Precision:MinQuantity', 'InvalidDate:ValidFrom']);
    const big = await w.post('Customers', customer('4', { CreditLimit: 12345678901234567.5 }));
    expect(details(big)).toEqual(['Precision:CreditLimit']);
  });

  it('422 for an unknown customer of a contact and for unknown references of a price agreement', async () => {
    const res = await w.post('Contacts', contact('c-8', 'new@acme.example', { CustomerID: '99999' }));
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['UnknownReference:CustomerID']);
    const pa = await w.post('PriceAgreements', { CustomerID: '99999', ProductID: 'nope', Price: 1 });
    expect(details(pa)).toEqual(['UnknownReference:CustomerID', 'UnknownReference:ProductID']);
  });

  it('422 for a contact e-mail that another contact of the tenant has, ignoring case', async () => {
    const res = await w.post('Contacts', contact('c-2', 'anna@acme.EXAMPLE', { CustomerID: '10042' }));
    expect(res.status).toBe(422);
    expect(details(res)).toEqual(['Duplicate:Email']);
    const deep = await w.post('Customers', customer('5', { Contacts: [contact('c-3', 'same@x.example'), contact('c-4', 'SAME@x.example')] }));
    expect(deep.status).toBe(422);
    expect((await w.get("Customers('5')")).status).toBe(404); // the whole deep insert rolled back
    expect((await w.patch("Contacts('c-1')", { Email: 'ANNA@acme.example' })).status).toBe(204); // its own address, recased
  });

  it('422 for null in a required property on PATCH and a missing required one on PUT', async () => {
    expect(details(await w.patch("Customers('10042')", { Name: null }))).toEqual(['NotNullable:Name']);
    expect(details(await w.put("Customers('10042')", { Email: 'x@y.example' }))).toEqual(['Required:Name']);
  });

  it('leaves neither state nor events behind for a rejected write', async () => {
    const before = await eventsOf(gw, 'acme');
    await w.post('Products', product('P-1', { ListPrice: 'abc' }));
    await w.post('Customers', customer('6', { Contacts: [contact('c-6', 'anna@acme.example')] }));
    expect(await eventsOf(gw, 'acme')).toEqual(before);
    expect((await w.get("Customers('6')")).status).toBe(404);
  });
});
