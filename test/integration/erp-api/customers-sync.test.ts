// POST /api/erp/customers/sync: counts, per-item errors, no-op items, contacts, grants, idempotency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { eventsOf, writerKey } from '../odata-write/write-client';
import { erpSend, syncContact, syncCustomer } from './erp-client';

describe.each(testDialects())('customers sync on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  const sync = (body: unknown, headers: Record<string, string> = {}, k = key) => erpSend(gw, k, 'POST', '/customers/sync', body, headers);
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    key = await writerKey(gw, 'acme');
  });
  afterAll(() => gw.close());

  it('creates, then reports unchanged without events or new Versions, then updates', async () => {
    const items = [syncCustomer('S1', [syncContact('S1-A'), syncContact('S1-B')]), syncCustomer('S2')];
    const first = await sync({ customers: items });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0, errors: [] });
    const eventsAfterCreate = (await eventsOf(gw, 'acme')).length;
    expect(eventsAfterCreate).toBe(4);
    const again = await sync({ customers: items });
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0, errors: [] });
    expect((await eventsOf(gw, 'acme')).length).toBe(eventsAfterCreate);
    const versions = await gw.database.db.knex('customers').where({ tenant_id: 'acme' }).orderBy('id').select('id', 'version');
    expect(versions.map((r: { version: number | string }) => String(r.version))).toEqual(['1', '1']);
    const changed = await sync({ customers: [syncCustomer('S1', [syncContact('S1-A', { Phone: '123' })]), syncCustomer('S2', [], { Name: 'Renamed' })] });
    expect(changed.body).toMatchObject({ created: 0, updated: 2, unchanged: 0, failed: 0 });
    const events = (await eventsOf(gw, 'acme')).slice(eventsAfterCreate).map((e) => `${e.type}${e.entity_key}@${e.version}`);
    expect(events).toEqual(["ContactUpdated('S1-A')@2", "CustomerUpdated('S2')@2"]);
  });

  it('keeps contacts missing from the payload unless replaceContacts is true', async () => {
    await sync({ customers: [syncCustomer('R1', [syncContact('R1-A'), syncContact('R1-B')])] });
    const kept = await sync({ customers: [syncCustomer('R1', [syncContact('R1-A')])] });
    expect(kept.body).toMatchObject({ unchanged: 1 });
    expect(await gw.database.db.knex('contacts').where({ tenant_id: 'acme', customer_id: 'R1' }).count({ n: '*' })).toEqual([{ n: expect.anything() }]);
    const countOf = async () => Number(((await gw.database.db.knex('contacts').where({ tenant_id: 'acme', customer_id: 'R1' }).count({ n: '*' })) as Array<{ n: number }>)[0]?.n);
    expect(await countOf()).toBe(2);
    const replaced = await sync({ customers: [syncCustomer('R1', [syncContact('R1-A')])], replaceContacts: true });
    expect(replaced.body).toMatchObject({ updated: 1, failed: 0 });
    expect(await countOf()).toBe(1);
  });

  it('validates every item first and applies the valid ones, reporting index, id and property', async () => {
    const res = await sync({
      customers: [
        syncCustomer('V1'),
        { ID: 'V2' }, // Name missing
        syncCustomer('V3', [syncContact('V3-A', { Email: 'not-unique@example.com' }), { ID: 'V3-B', LastName: 'x' }]),
        syncCustomer('V1'), // duplicate in payload
        { Name: 'no id' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, unchanged: 0, failed: 4 });
    const byIndex = Object.fromEntries(res.body.errors.map((e: { index: number }) => [e.index, e]));
    expect(byIndex[1]).toMatchObject({ id: 'V2', code: 'ValidationFailed', details: [{ code: 'Required', target: 'Name' }] });
    expect(byIndex[2].details).toEqual([expect.objectContaining({ code: 'Required', target: 'Contacts/1/Email' })]);
    expect(byIndex[3]).toMatchObject({ id: 'V1', details: [{ code: 'DuplicateKey' }] });
    expect(byIndex[4]).toMatchObject({ id: null });
    expect(await gw.database.db.knex('customers').where({ tenant_id: 'acme', id: 'V3' }).first()).toBeUndefined();
  });

  it('reports an item that fails while applying (duplicate e-mail) and still commits the others', async () => {
    const res = await sync({ customers: [syncCustomer('D1', [syncContact('D1-A', { Email: 'Same@Example.com' })]), syncCustomer('D2', [syncContact('D2-A', { Email: 'same@example.com' })])] });
    expect(res.body).toMatchObject({ created: 1, failed: 1, errors: [{ index: 1, id: 'D2', code: 'ValidationFailed' }] });
    expect(await gw.database.db.knex('customers').where({ tenant_id: 'acme', id: 'D2' }).first()).toBeUndefined();
    expect(await gw.database.db.knex('contacts').where({ tenant_id: 'acme', id: 'D2-A' }).first()).toBeUndefined();
  });

  it('answers 400 to a malformed envelope, 415 to a non-JSON body', async () => {
    expect((await sync({ customers: [] })).status).toBe(400);
    expect((await sync({ customers: Array.from({ length: 1001 }, (_, i) => syncCustomer(`X${i}`)) })).status).toBe(400);
    const bad = await sync({ customers: [1] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].target).toBe('customers.0');
    expect((await sync({ customers: [syncCustomer('Y')], extra: 1 })).status).toBe(400);
    expect((await erpSend(gw, key, 'POST', '/customers/sync', 'x', { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('needs customers.write, and contacts.write when contacts are sent', async () => {
    const noCustomers = await writerKey(gw, 'acme', ['contacts.write']);
    const noContacts = await writerKey(gw, 'acme', ['customers.write']);
    const r1 = await sync({ customers: [syncCustomer('G1')] }, {}, noCustomers);
    expect(r1.status).toBe(403);
    expect(r1.body.error.message).toContain('customers.write');
    expect((await sync({ customers: [syncCustomer('G1')] }, {}, noContacts)).status).toBe(200);
    const r2 = await sync({ customers: [syncCustomer('G1', [syncContact('G1-A')])] }, {}, noContacts);
    expect(r2.status).toBe(403);
    expect(r2.body.error.message).toContain('contacts.write');
    expect((await sync({ customers: [syncCustomer('G1')], replaceContacts: true }, {}, noContacts)).status).toBe(403);
  });

  it('replays the first response for the same Idempotency-Key and body, 422 for another body', async () => {
    const body = { customers: [syncCustomer('I1', [syncContact('I1-A')])] };
    const first = await sync(body, { 'Idempotency-Key': 'key-1' });
    expect(first.body).toMatchObject({ created: 1 });
    const before = (await eventsOf(gw, 'acme')).length;
    const replay = await sync(JSON.parse(JSON.stringify(body)), { 'Idempotency-Key': 'key-1' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body); // not "unchanged: 1": nothing was re-applied
    expect((await eventsOf(gw, 'acme')).length).toBe(before);
    const other = await sync({ customers: [syncCustomer('I2')] }, { 'Idempotency-Key': 'key-1' });
    expect(other.status).toBe(422);
    expect(await gw.database.db.knex('customers').where({ tenant_id: 'acme', id: 'I2' }).first()).toBeUndefined();
    expect((await sync(body, { 'Idempotency-Key': 'bad key with spaces' })).status).toBe(400);
  });

  it('scopes Idempotency-Keys to the tenant', async () => {
    const other = await writerKey(gw, 'beta');
    const res = await sync({ customers: [syncCustomer('T1')] }, { 'Idempotency-Key': 'key-1' }, other);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1 });
  });

  it('lets exactly one of two concurrent requests with one key apply; the other replays it', async () => {
    const body = { customers: Array.from({ length: 50 }, (_, i) => syncCustomer(`C${i}`, [syncContact(`C${i}-A`)])) };
    const [a, b] = await Promise.all([sync(body, { 'Idempotency-Key': 'race' }), sync(body, { 'Idempotency-Key': 'race' })]);
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(a!.body).toEqual(b!.body);
    expect(a!.body).toMatchObject({ created: 50 });
    expect([a!.headers.get('idempotency-replayed'), b!.headers.get('idempotency-replayed')].filter((h) => h === 'true')).toHaveLength(1);
  });
});
