// POST /odata/$batch as multipart/mixed (Protocol §11.7): reads and change sets in order, change
// sets all-or-nothing with Content-ID on every part, `$1` references, continue-on-error, URLs of
// this service only, limits and malformed bodies as 400, grants and ETags per operation.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { contact, customer, writerKey, type WriteClient } from '../odata-write/write-client';
import { changeSet, multipart, part, postBatch, sendMultipart, type PartResponse, batchGateway } from './batch-client';

describe.each(testDialects())('multipart $batch on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  let w: WriteClient;
  beforeAll(async () => {
    ({ gw, key, w } = await batchGateway(dialect));
    await w.post('Customers', customer('10001'));
  });
  afterAll(() => gw.close());

  it('answers GETs and a change set of three creates in order, Content-ID on every change-set part', async () => {
    const creates = ['20001', '20002', '20003'].map((id, i) => part('POST', 'Customers', { id: String(i + 1), body: customer(id) }));
    const res = await sendMultipart(gw, key, [part('GET', "Customers('10001')"), changeSet(creates), part('GET', "Customers?$filter=startswith(ID,'2000')&$count=true")]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    expect(res.headers.get('odata-version')).toBe('4.0');
    const [read, cs, list] = res.units as [PartResponse, { changeSet: PartResponse[] }, PartResponse];
    expect(read).toMatchObject({ status: 200, body: { ID: '10001' } });
    expect(cs.changeSet.map((p) => [p.contentId, p.status])).toEqual([['1', 201], ['2', 201], ['3', 201]]);
    expect(cs.changeSet[0]?.headers.location).toMatch(/\/odata\/Customers\('20001'\)$/);
    expect(list.body['@odata.count']).toBe(3);
  });

  it('persists none of a change set whose third create fails; the failure carries its Content-ID; later parts are not run', async () => {
    const creates = [part('POST', 'Customers', { id: 'a', body: customer('30001') }), part('POST', 'Customers', { id: 'b', body: customer('30002') }),
      part('POST', 'Customers', { id: 'c', body: customer('30001') })];
    const res = await sendMultipart(gw, key, [changeSet(creates), part('POST', 'Customers', { body: customer('30003') })]);
    expect(res.status).toBe(200);
    expect(res.units).toHaveLength(1);
    const failure = res.units[0] as PartResponse;
    expect(failure.contentId).toBe('c');
    expect(failure.status).toBe(409);
    expect(failure.body.error.code).toBe('Conflict');
    for (const id of ['30001', '30002', '30003']) expect((await w.get(`Customers('${id}')`)).status, id).toBe(404);
  });

  it('goes on after a failure with Prefer: odata.continue-on-error', async () => {
    const res = await sendMultipart(gw, key, [part('GET', "Customers('nope')"), part('POST', 'Customers', { body: customer('31001') })], { Prefer: 'odata.continue-on-error' });
    expect(res.headers.get('preference-applied')).toBe('odata.continue-on-error');
    expect(res.units.map((u) => (u as PartResponse).status)).toEqual([404, 201]);
    const stopped = await sendMultipart(gw, key, [part('GET', "Customers('nope')"), part('POST', 'Customers', { body: customer('31002') })]);
    expect(stopped.units.map((u) => (u as PartResponse).status)).toEqual([404]);
    expect((await w.get("Customers('31002')")).status).toBe(404);
  });

  it('resolves $1 to the entity created earlier in the change set, as a URL prefix and as the URL', async () => {
    const ops = [
      part('POST', 'Customers', { id: '1', body: customer('40001') }),
      part('POST', '$1/Contacts', { id: '2', body: contact('c-40001', 'c40001@example.com') }),
      part('PATCH', '$1', { id: '3', body: { Name: 'Renamed' }, headers: { 'If-Match': '*' } }),
    ];
    const res = await sendMultipart(gw, key, [changeSet(ops)]);
    const cs = (res.units[0] as { changeSet: PartResponse[] }).changeSet;
    expect(cs.map((p) => p.status)).toEqual([201, 201, 204]);
    expect(cs[1]?.body).toMatchObject({ ID: 'c-40001', CustomerID: '40001' });
    expect((await w.get("Customers('40001')")).body.Name).toBe('Renamed');
    const unknown = await sendMultipart(gw, key, [changeSet([part('POST', '$9/Contacts', { id: '1', body: contact('x', 'x@example.com') })])]);
    expect((unknown.units[0] as PartResponse).status).toBe(400);
  });

  it('accepts absolute-path and absolute URLs of this service, and answers 400 for another host without contacting it', async () => {
    let hits = 0;
    const other = http.createServer((_req, res) => void (hits++, res.end('{}')));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const res = await sendMultipart(gw, key, [
        part('GET', `${otherUrl}/odata/Customers('10001')`), part('GET', "/odata/Customers('10001')"), part('GET', `${gw.url}/odata/Customers('10001')`),
        part('GET', "/elsewhere/Customers('10001')"), part('GET', "//evil.example/odata/Customers('10001')"),
      ], { Prefer: 'odata.continue-on-error' });
      expect(res.units.map((u) => (u as PartResponse).status)).toEqual([400, 200, 200, 400, 400]);
      expect((res.units[0] as PartResponse).body.error.message).toMatch(/does not address this service/);
      expect(hits).toBe(0);
    } finally {
      other.close();
    }
  });

  it('refuses 101 operations with 400 naming the limit of 100', async () => {
    const parts = Array.from({ length: 101 }, () => part('GET', "Customers('10001')"));
    const res = await sendMultipart(gw, key, parts);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('LimitExceeded');
    expect(res.json.error.message).toMatch(/100 operations/);
    const inChangeSets = await sendMultipart(gw, key, [changeSet(parts.slice(0, 60).map((_, i) => part('DELETE', `Customers('x${i}')`))), changeSet(parts.slice(0, 41).map((_, i) => part('DELETE', `Customers('y${i}')`)))]);
    expect(inChangeSets.status).toBe(400);
  });

  it('answers malformed multipart with a 400 OData error, never a 500', async () => {
    const body = multipart('b', [part('GET', 'Customers')]);
    const cases: Array<[string, string]> = [
      ['multipart/mixed', body],
      ['multipart/mixed; boundary=b', body.slice(0, body.length - 8)],
      ['multipart/mixed; boundary=b', '--b\r\nContent-Type: application/http\r\n\r\nGET Customers\r\n--b--\r\n'],
      ['multipart/mixed; boundary=b', '--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n'],
      ['multipart/mixed; boundary=b', 'no boundary here at all'],
      ['multipart/mixed; boundary=b', '--b\r\nContent-Type: multipart/mixed\r\n\r\n--b--\r\n'],
      ['multipart/mixed; boundary=b', '--b\r\nno header line\r\n\r\nGET Customers HTTP/1.1\r\n--b--\r\n'],
    ];
    for (const [type, text] of cases) {
      const res = await postBatch(gw, key, type, text);
      expect(res.status, text).toBe(400);
      expect(res.json.error.code, text).toMatch(/BadRequest|InvalidSyntax/);
    }
  });

  it('tolerates bare LF line endings', async () => {
    const text = multipart('lf', [part('GET', "Customers('10001')")]).replace(/\r\n/g, '\n');
    const res = await postBatch(gw, key, 'multipart/mixed; boundary=lf', text);
    expect(res.status).toBe(200);
    expect(res.units.length + res.text.length).toBeGreaterThan(0);
    expect(res.text).toContain('HTTP/1.1 200 OK');
  });

  it('checks grants per operation: 403 for the operation without its grant', async () => {
    const reader = await writerKey(gw, 'acme', ['customers.read']);
    const res = await sendMultipart(gw, reader, [part('GET', "Customers('10001')"), part('GET', 'Contacts'), part('POST', 'Customers', { body: customer('50001') })], { Prefer: 'odata.continue-on-error' });
    expect(res.units.map((u) => (u as PartResponse).status)).toEqual([200, 403, 403]);
    expect((res.units[2] as PartResponse).body.error.message).toMatch(/customers\.write/);
    expect((await w.get("Customers('50001')")).status).toBe(404);
  });

  it('honours If-Match inside a batch: a stale ETag → 412 for that operation', async () => {
    const etag = (await w.get("Customers('10001')")).headers.get('etag') ?? '';
    const res = await sendMultipart(gw, key, [
      part('PATCH', "Customers('10001')", { body: { Name: 'Fresh' }, headers: { 'If-Match': etag } }),
      part('PATCH', "Customers('10001')", { body: { Name: 'Stale' }, headers: { 'If-Match': etag } }),
    ], { Prefer: 'odata.continue-on-error' });
    const [fresh, stale] = res.units as PartResponse[];
    expect(fresh?.status).toBe(204);
    expect(fresh?.headers.etag).not.toBe(etag);
    expect(stale?.status).toBe(412);
    expect((await w.get("Customers('10001')")).body.Name).toBe('Fresh');
  });
});
