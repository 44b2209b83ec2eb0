// A change set loads the entities its operations change by key in one query before it runs
// (legacy-compat/batch/preload-targets.ts). Each operation must still see the state the earlier
// operations of the change set left: a preloaded row is handed out once, never after a write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { contact, customer, eventsOf, type WriteClient } from '../odata-write/write-client';
import { changeSet, part, sendMultipart, type PartResponse, batchGateway } from './batch-client';

describe.each(testDialects())('change set with preloaded entities on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  let w: WriteClient;
  beforeAll(async () => {
    ({ gw, key, w } = await batchGateway(dialect));
    for (const id of ['1', '2', '3']) expect((await w.post('Customers', customer(id))).status).toBe(201);
    expect((await w.post('Contacts', contact('k1', 'k1@example.com', { CustomerID: '1' }))).status).toBe(201);
  });
  afterAll(() => gw.close());

  it('changes the same entity twice in one change set, the second change on top of the first', async () => {
    const res = await sendMultipart(gw, key, [changeSet([
      part('PATCH', "Customers('2')", { id: '1', body: { Name: 'First' }, headers: { 'If-Match': '*' } }),
      part('PATCH', "Customers('3')", { id: '2', body: { Name: 'Other' }, headers: { 'If-Match': '*' } }),
      part('PATCH', "Customers('2')", { id: '3', body: { Name2: 'Second' }, headers: { 'If-Match': 'W/"2"' } }),
    ])]);
    const parts = (res.units[0] as { changeSet: PartResponse[] }).changeSet;
    expect(parts.map((p) => [p.contentId, p.status, p.headers.etag])).toEqual([['1', 204, 'W/"2"'], ['2', 204, 'W/"2"'], ['3', 204, 'W/"3"']]);
    const after = (await w.get("Customers('2')")).body;
    expect([after.Name, after.Name2]).toEqual(['First', 'Second']);
    const events = (await eventsOf(gw, 'acme')).filter((e) => e.type === 'CustomerUpdated');
    expect(events.slice(-3).map((e) => [e.entity_key, e.version])).toEqual([["('2')", '2'], ["('3')", '2'], ["('2')", '3']]);
  });

  it('answers 404 for a contact an earlier operation deleted with its customer, and rolls the change set back', async () => {
    const res = await sendMultipart(gw, key, [changeSet([
      part('DELETE', "Customers('1')", { id: 'd', headers: { 'If-Match': '*' } }),
      part('PATCH', "Contacts('k1')", { id: 'p', body: { FirstName: 'Gone' }, headers: { 'If-Match': '*' } }),
    ])]);
    const failure = res.units[0] as PartResponse;
    expect([failure.contentId, failure.status]).toEqual(['p', 404]);
    expect((await w.get("Customers('1')")).status).toBe(200);
    expect((await w.get("Contacts('k1')")).body.FirstName ?? null).toBeNull();
  });
});
