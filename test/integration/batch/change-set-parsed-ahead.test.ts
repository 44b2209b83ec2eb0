// A change set parses its operations' URLs once, before it runs (legacy-compat/batch/
// operation-target.ts), and the operations run on those parses. What depends on earlier
// operations — `$<id>` URLs and `@odata.bind` values — must still resolve when each one runs,
// and a URL that does not parse must still fail as that operation, with its Content-ID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { contact, customer, eventsOf, type WriteClient } from '../odata-write/write-client';
import { changeSet, part, sendMultipart, type PartResponse, batchGateway } from './batch-client';

describe.each(testDialects())('change set parsed ahead on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  let w: WriteClient;
  beforeAll(async () => {
    ({ gw, key, w } = await batchGateway(dialect));
    for (const id of ['50001', '50002']) expect((await w.post('Customers', customer(id))).status).toBe(201);
  });
  afterAll(() => gw.close());

  it('mixes parsed-ahead URLs with a $1 URL and a $1 bind, and records one event per write', async () => {
    const before = (await eventsOf(gw, 'acme')).length;
    const res = await sendMultipart(gw, key, [changeSet([
      part('PATCH', "Customers('50001')", { id: 'a', body: { Name: 'A' }, headers: { 'If-Match': '*' } }),
      part('POST', 'Customers', { id: 'n', body: customer('50003') }),
      part('POST', 'Contacts', { id: 'k', body: contact('k-50003', 'k50003@example.com', { 'Customer@odata.bind': '$n' }) }),
      part('PATCH', '$n', { id: 'r', body: { Name: 'New' }, headers: { 'If-Match': '*' } }),
      part('PATCH', "Customers('50002')", { id: 'b', body: { Name: 'B' }, headers: { 'If-Match': '*' } }),
    ])]);
    const cs = (res.units[0] as { changeSet: PartResponse[] }).changeSet;
    expect(cs.map((p) => [p.contentId, p.status])).toEqual([['a', 204], ['n', 201], ['k', 201], ['r', 204], ['b', 204]]);
    expect((await w.get("Contacts('k-50003')")).body.CustomerID).toBe('50003');
    expect([(await w.get("Customers('50001')")).body.Name, (await w.get("Customers('50002')")).body.Name, (await w.get("Customers('50003')")).body.Name])
      .toEqual(['A', 'B', 'New']);
    expect((await eventsOf(gw, 'acme')).length).toBe(before + 5);
  });

  it('answers a malformed URL as that operation (Content-ID echoed) and rolls back the operations before it', async () => {
    const res = await sendMultipart(gw, key, [changeSet([
      part('PATCH', "Customers('50001')", { id: 'ok', body: { Name: 'Rolled back' }, headers: { 'If-Match': '*' } }),
      part('PATCH', "Customers('50002'", { id: 'bad', body: { Name: 'x' }, headers: { 'If-Match': '*' } }),
    ])]);
    const failure = res.units[0] as PartResponse;
    expect([failure.contentId, failure.status]).toEqual(['bad', 400]);
    expect((await w.get("Customers('50001')")).body.Name).toBe('A');
  });
});
