// The $batch answer is built in memory, so its operation bodies together are capped
// (maxBatchResponseChars, 64 Mi characters by default; a small cap here). The read that crosses
// the cap and every later request are answered 400 LimitExceeded — the later ones not executed, so
// a write after the cap never takes effect — while what ran before keeps its answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { DEFAULT_LIMITS } from '../../../src/odata/uri/limits';
import { customer, writeClient, writerKey, type WriteClient } from '../odata-write/write-client';
import { sendJson, sendMultipart, part } from './batch-client';

const CAP = 3_000;

describe.each(testDialects())('$batch response cap on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  let w: WriteClient;
  let oneEntity: number;
  beforeAll(async () => {
    gw = await startTestGateway(dialect, { limits: { ...DEFAULT_LIMITS, maxBatchResponseChars: CAP } });
    key = await writerKey(gw, 'acme');
    w = writeClient(gw, key);
    for (const id of ['70001', '70002']) expect((await w.post('Customers', customer(id))).status).toBe(201);
    oneEntity = (await (await gw.request("/odata/Customers('70001')", key)).text()).length;
  });
  afterAll(() => gw.close());

  it('answers the reads within the cap, refuses the one that crosses it and runs nothing after it', async () => {
    const fit = Math.floor(CAP / oneEntity);
    const reads = Array.from({ length: fit + 1 }, (_, i) => ({ id: `r${i}`, method: 'GET', url: "Customers('70001')" }));
    const res = await sendJson(gw, key, [...reads, { id: 'late', method: 'POST', url: 'Customers', body: customer('70003') }], { Prefer: 'odata.continue-on-error' });
    expect(res.status).toBe(200);
    const statuses = res.json.responses.map((r: { status: number }) => r.status);
    expect(statuses).toEqual([...Array<number>(fit).fill(200), 400, 400]);
    const refused = res.json.responses[fit].body.error;
    expect(refused.code).toBe('LimitExceeded');
    expect(refused.message).toContain(String(CAP));
    expect((await w.get("Customers('70003')")).status).toBe(404);
  });

  it('keeps the answer of a write that ran, and stops without continue-on-error', async () => {
    const fit = Math.floor(CAP / oneEntity);
    const parts = Array.from({ length: fit + 1 }, () => part('GET', "Customers('70002')"));
    const res = await sendMultipart(gw, key, [part('PATCH', "Customers('70002')", { headers: { 'If-Match': '*' }, body: { Name: 'Renamed' } }), ...parts, part('DELETE', "Customers('70001')", { headers: { 'If-Match': '*' } })]);
    const statuses = res.units.map((u) => ('status' in u ? u.status : -1));
    // the PATCH (204, no body) and the reads that fit; then the crossing read, and processing stops
    expect(statuses).toEqual([204, ...Array<number>(fit).fill(200), 400]);
    expect((await w.get("Customers('70001')")).status).toBe(200);
    expect((await w.get("Customers('70002')")).body.Name).toBe('Renamed');
  });
});
