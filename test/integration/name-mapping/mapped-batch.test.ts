// $batch under the legacy name mapping (issue #5): multipart and JSON batches whose URLs, bodies,
// Content-ID references and binds use public names run like single requests, answer in public
// names, persist canonically — and a canonical name inside a part is refused for that part only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../helpers/databases';
import { changeSet, part, sendJson, sendMultipart, type PartResponse } from '../batch/batch-client';
import { writerKey } from '../odata-write/write-client';
import { startMappedGateways, type MappedGateways } from './mapped-gateways';

describe.each(testDialects())('$batch in public names on %s', (dialect) => {
  let g: MappedGateways;
  let key: string;
  let root: string;
  beforeAll(async () => {
    g = await startMappedGateways(dialect, 'acme');
    key = await writerKey(g.canonical, 'acme');
    root = `${g.mapped.url}/odata`;
  });
  afterAll(() => g?.close());

  it('runs a multipart change set with a Content-ID reference and a read, all in public names', async () => {
    const res = await sendMultipart(g.mapped, key, [
      changeSet([
        part('POST', 'Kunden', { id: '1', body: { KundenNr: '30001', Firma: 'Batch GmbH', Anschrift: { Ort: 'Kiel' } } }),
        part('POST', '$1/Kontakte', { id: '2', body: { ID: 'b1', LastName: 'Batch', EMail: 'b1@batch.example', Rolle: 'Approver' } }),
        part('PATCH', "Preise(KundenNr='10001',ProductID='A-1')", { id: '3', body: { Preis: '6' }, headers: { 'If-Match': '*' } }),
      ]),
      part('GET', "Kunden('30001')?$select=Firma&$expand=Kontakte($select=EMail)"),
    ]);
    expect(res.status).toBe(200);
    const [set, read] = res.units as [{ changeSet: PartResponse[] }, PartResponse];
    expect(set.changeSet.map((p) => p.status)).toEqual([201, 201, 204]);
    expect(set.changeSet[0]?.headers.location).toBe(`${root}/Kunden('30001')`);
    expect(set.changeSet[1]?.headers.location).toBe(`${root}/Ansprechpartner('b1')`);
    expect(set.changeSet[1]?.body).toMatchObject({ KundenNr: '30001', EMail: 'b1@batch.example', Rolle: 'Approver' });
    expect(read.body).toMatchObject({
      '@odata.context': `${root}/$metadata#Kunden(Firma,Kontakte(EMail))/$entity`,
      Firma: 'Batch GmbH', Kontakte: [{ EMail: 'b1@batch.example' }],
    });
    expect((await g.c.get("Contacts('b1')")).body).toMatchObject({ CustomerID: '30001', Email: 'b1@batch.example', Role: 'Approver' });
    expect((await g.c.get("PriceAgreements(CustomerID='10001',ProductID='A-1')")).body.Price).toBe(6);
  });

  it('runs a JSON batch with a bind to an entity created earlier in it', async () => {
    const res = await sendJson(g.mapped, key, [
      { id: 'k', method: 'POST', url: 'Kunden', body: { KundenNr: '30002', Firma: 'Json AG' }, atomicityGroup: 'g' },
      { id: 'p', method: 'POST', url: 'Ansprechpartner', body: { ID: 'b2', LastName: 'Json', EMail: 'b2@json.example', 'Kunde@odata.bind': '$k' }, atomicityGroup: 'g' },
      { id: 'r', method: 'GET', url: "Ansprechpartner('b2')/Kunde/Firma", dependsOn: ['g'] },
    ]);
    expect(res.json.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([['k', 201], ['p', 201], ['r', 200]]);
    expect(res.json.responses[2].body).toEqual({ '@odata.context': `${root}/$metadata#Kunden('30002')/Firma`, value: 'Json AG' });
    expect((await g.c.get("Contacts('b2')")).body.CustomerID).toBe('30002');
  });

  it('refuses canonical names inside a part and names public properties in its errors', async () => {
    const res = await sendJson(g.mapped, key, [
      { id: 'a', method: 'GET', url: "Customers('10001')" },
      { id: 'b', method: 'GET', url: "Kunden?$select=Name" },
      { id: 'c', method: 'POST', url: 'Kunden', body: { KundenNr: '30003' } },
      { id: 'd', method: 'GET', url: "Kunden('10001')?$select=Firma" },
    ], { Prefer: 'odata.continue-on-error' });
    const [a, b, c, d] = res.json.responses as Array<{ status: number; body: any }>;
    expect([a?.status, b?.status, c?.status, d?.status]).toEqual([404, 400, 422, 200]);
    expect(b?.body.error).toMatchObject({ code: 'UnknownProperty', target: 'Name' });
    expect(c?.body.error.details).toMatchObject([{ target: 'Firma', message: 'Firma is required' }]);
    expect(d?.body.Firma).toBe('Alpha GmbH');
  });
});
