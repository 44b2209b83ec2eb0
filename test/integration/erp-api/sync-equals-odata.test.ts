// The "Done when": a customers sync leaves exactly the state the same changes made through
// OData leave — the same rows (timestamps aside) and the same events, of the same types, in the same order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { eventsOf, writeClient, writerKey, type WriteClient } from '../odata-write/write-client';
import { erpSend, syncContact, syncCustomer } from './erp-client';

const a = syncContact('E1-A', { HasShopAccess: true, AccessValidUntil: '2030-01-01T00:00:00.000Z' });
const b = syncContact('E1-B', { Role: 'Approver' });
const c = syncContact('E1-C');
const e1 = { ID: 'E1', Name: 'First', Address: { Street: 'Main 1', City: 'Bonn' }, CreditLimit: '1000.5' };
const e2 = { ID: 'E2', Name: 'Second', IsBlocked: true };

async function rows(gw: TestGateway, table: string, tenant: string) {
  const list = (await gw.database.db.knex(table).where({ tenant_id: tenant }).orderBy('id')) as Array<Record<string, unknown>>;
  return list.map(({ tenant_id: _t, created_at: _c, modified_at: _m, ...rest }) => rest);
}

async function events(gw: TestGateway, tenant: string) {
  return (await eventsOf(gw, tenant)).map((e) => ({ type: e.type, set: e.entity_set, key: e.entity_key, version: e.version, changed: (JSON.parse(e.payload) as { changed?: string[] }).changed }));
}

describe.each(testDialects())('sync equals OData on %s', (dialect) => {
  let gw: TestGateway;
  let syncKey: string;
  let odata: WriteClient;
  const sync = async (body: unknown) => {
    const res = await erpSend(gw, syncKey, 'POST', '/customers/sync', body);
    expect(res.body.failed).toBe(0);
  };
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    syncKey = await writerKey(gw, 'via-sync');
    odata = writeClient(gw, await writerKey(gw, 'via-odata'));
  });
  afterAll(() => gw.close());

  it('creates, updates, adds and removes contacts exactly as the equivalent OData requests do', async () => {
    await sync({ customers: [{ ...e1, Contacts: [a, b] }, e2] });
    expect((await odata.post('Customers', { ...e1, Contacts: [a, b] })).status).toBe(201);
    expect((await odata.post('Customers', e2)).status).toBe(201);

    const a2 = { ...a, Phone: '+49 1' };
    await sync({ customers: [{ ...e1, Name: 'First renamed', Contacts: [a2, b, c] }, e2] });
    expect((await odata.put("Customers('E1')", { ...e1, Name: 'First renamed' })).status).toBe(204);
    expect((await odata.put("Contacts('E1-A')", { ...a2, CustomerID: 'E1' })).status).toBe(204);
    expect((await odata.post('Contacts', { ...c, CustomerID: 'E1' })).status).toBe(201);

    await sync({ customers: [{ ...e1, Name: 'First renamed', Contacts: [a2, c] }], replaceContacts: true });
    expect((await odata.del("Contacts('E1-B')")).status).toBe(204);

    for (const table of ['customers', 'contacts']) expect(await rows(gw, table, 'via-sync'), table).toEqual(await rows(gw, table, 'via-odata'));
    const viaSync = await events(gw, 'via-sync');
    expect(viaSync).toEqual(await events(gw, 'via-odata'));
    expect(viaSync.map((e) => `${e.type}${e.key}`)).toEqual([
      "CustomerCreated('E1')", "ContactCreated('E1-A')", "ContactCreated('E1-B')", "CustomerCreated('E2')",
      "CustomerUpdated('E1')", "ContactUpdated('E1-A')", "ContactCreated('E1-C')",
      "ContactDeleted('E1-B')",
    ]);
  });
});
