// Writes are scoped by the credential's tenant like reads: another tenant's entity is a 404 for
// every write method; and every set a write touches needs its `<set>.write` grant (403 otherwise).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { contact, customer, eventsOf, writeClient, writerKey, type WriteClient } from './write-client';

describe.each(testDialects())('write tenancy and grants on %s', (dialect) => {
  let gw: TestGateway;
  let a: WriteClient;
  let b: WriteClient;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    a = writeClient(gw, await writerKey(gw, 'tenant-a'));
    b = writeClient(gw, await writerKey(gw, 'tenant-b'));
    await a.post('Customers', customer('10042', { Contacts: [contact('c-1', 'c1@a.example')] }));
  });
  afterAll(() => gw.close());

  it("answers 404 to tenant B for every write to tenant A's entity, and changes nothing", async () => {
    expect((await b.patch("Customers('10042')", { Name: 'hijacked' })).status).toBe(404);
    expect((await b.put("Customers('10042')", { Name: 'hijacked' })).status).toBe(404);
    expect((await b.del("Customers('10042')")).status).toBe(404);
    expect((await b.post("Customers('10042')/Contacts", contact('c-2', 'c2@b.example'))).status).toBe(404);
    expect((await b.post('Contacts', contact('c-3', 'c3@b.example', { CustomerID: '10042' }))).status).toBe(422);
    expect((await b.post('Contacts', contact('c-4', 'c4@b.example', { 'Customer@odata.bind': "Customers('10042')" }))).status).toBe(422);
    expect((await a.get("Customers('10042')")).body).toMatchObject({ Name: 'Customer 10042', Version: 1 });
    expect(await eventsOf(gw, 'tenant-b')).toEqual([]);
  });

  it('keeps keys and unique e-mails per tenant', async () => {
    expect((await b.post('Customers', customer('10042', { Contacts: [contact('c-1', 'C1@a.example')] }))).status).toBe(201);
    expect((await b.del("Customers('10042')")).status).toBe(204);
    expect((await a.get("Contacts('c-1')")).status).toBe(200);
  });

  it('403 without the write grant of the addressed set', async () => {
    const readOnly = writeClient(gw, await writerKey(gw, 'tenant-a', ['customers.read', 'contacts.read']));
    const res = await readOnly.patch("Customers('10042')", { Name: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.target).toBe('customers.write');
  });

  it('403 for a deep insert without contacts.write, and for a customer delete that would cascade', async () => {
    const customersOnly = writeClient(gw, await writerKey(gw, 'tenant-a', ['customers.read', 'customers.write']));
    const deep = await customersOnly.post('Customers', customer('20001', { Contacts: [contact('c-9', 'c9@a.example')] }));
    expect(deep.status).toBe(403);
    expect(deep.body.error.target).toBe('contacts.write');
    expect((await customersOnly.post('Customers', customer('20001'), { Prefer: 'return=minimal' })).status).toBe(204);
    const del = await customersOnly.del("Customers('20001')");
    expect(del.status).toBe(403);
    expect(del.body.error.target).toBe('contacts.write');
  });

  it('403 for a representation that expands a set the account may not read', async () => {
    const noContactsRead = writeClient(gw, await writerKey(gw, 'tenant-a', ['customers.read', 'customers.write']));
    const res = await noContactsRead.patch("Customers('10042')?$expand=Contacts", { Name: 'y' }, '*', { Prefer: 'return=representation' });
    expect(res.status).toBe(403);
    expect(res.body.error.target).toBe('contacts.read');
  });

  it('403 for an admin key on the OData write surface', async () => {
    const admin = writeClient(gw, await gw.adminKey());
    expect((await admin.post('Customers', customer('30001'))).status).toBe(403);
  });
});
