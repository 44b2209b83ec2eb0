// POST /odata/$batch as JSON (JSON Format §19): atomicity groups commit all or nothing, dependsOn
// on a failed request or group → 424, malformed envelopes → 400, and each operation is charged
// against the account's rate limit (contract "Rate limiting").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { customer, type WriteClient } from '../odata-write/write-client';
import { postBatch, sendJson, batchGateway } from './batch-client';

describe.each(testDialects())('JSON $batch on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  let w: WriteClient;
  beforeAll(async () => {
    ({ gw, key, w } = await batchGateway(dialect));
  });
  afterAll(() => gw.close());

  it('commits an atomicity group and runs a request that dependsOn it', async () => {
    const res = await sendJson(gw, key, [
      { id: 'c1', method: 'POST', url: 'Customers', body: customer('60001'), atomicityGroup: 'g1' },
      { id: 'c2', method: 'POST', url: '$c1/Contacts', body: { ID: 'k-60001', LastName: 'L', Email: 'k60001@example.com' }, atomicityGroup: 'g1' },
      { id: 'r1', method: 'GET', url: "Customers('60001')/Contacts", dependsOn: ['g1'] },
    ]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json.responses.map((r: { id: string; status: number; atomicityGroup?: string }) => [r.id, r.status, r.atomicityGroup])).toEqual([
      ['c1', 201, 'g1'], ['c2', 201, 'g1'], ['r1', 200, undefined],
    ]);
    expect(res.json.responses[2].body.value).toHaveLength(1);
  });

  it('rolls back a failed group, answers 424 for what depends on it and runs the rest under continue-on-error', async () => {
    const res = await sendJson(gw, key, [
      { id: 'a', method: 'POST', url: 'Customers', body: customer('61001'), atomicityGroup: 'bad' },
      { id: 'b', method: 'POST', url: 'Customers', body: customer('61001'), atomicityGroup: 'bad' },
      { id: 'c', method: 'GET', url: "Customers('61001')", dependsOn: ['bad'] },
      { id: 'd', method: 'POST', url: 'Customers', body: customer('61002') },
      { id: 'e', method: 'GET', url: "Customers('61002')", dependsOn: ['d'] },
    ], { Prefer: 'odata.continue-on-error' });
    const by = Object.fromEntries(res.json.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(by).toEqual({ b: 409, c: 424, d: 201, e: 200 });
    expect(res.json.responses[0].atomicityGroup).toBe('bad');
    expect(res.json.responses[1].body.error.code).toBe('FailedDependency');
    expect((await w.get("Customers('61001')")).status).toBe(404);
  });

  it('stops at the first failure without continue-on-error', async () => {
    const res = await sendJson(gw, key, [
      { id: '1', method: 'GET', url: "Customers('none')" },
      { id: '2', method: 'POST', url: 'Customers', body: customer('62001') },
    ]);
    expect(res.json.responses.map((r: { status: number }) => r.status)).toEqual([404]);
    expect((await w.get("Customers('62001')")).status).toBe(404);
  });

  it('answers 400 for an invalid envelope, an unknown dependsOn, split groups and 101 requests', async () => {
    const bad = [
      { requests: [{ id: '1', method: 'GET' }] },
      { requests: [{ id: '1', method: 'GET', url: 'Customers', dependsOn: ['2'] }, { id: '2', method: 'GET', url: 'Customers' }] },
      { requests: [{ id: '1', method: 'POST', url: 'Customers', atomicityGroup: 'g' }, { id: '2', method: 'GET', url: 'Customers' }, { id: '3', method: 'POST', url: 'Customers', atomicityGroup: 'g' }] },
      { notRequests: [] },
    ];
    for (const body of bad) {
      const res = await postBatch(gw, key, 'application/json', JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('BadRequest');
    }
    const many = Array.from({ length: 101 }, (_, i) => ({ id: String(i), method: 'GET', url: 'Customers' }));
    const res = await sendJson(gw, key, many);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/100 operations/);
    expect((await postBatch(gw, key, 'application/json', '{"requests":[')).status).toBe(400);
    expect((await postBatch(gw, key, 'text/plain', 'x')).status).toBe(415);
  });

  it('charges every operation against the rate limit: a batch bigger than the remaining budget → 429, nothing run', async () => {
    const small = (await gw.account('acme', { ratePerMinute: 5 })).apiKey;
    const first = await sendJson(gw, small, [1, 2, 3].map((i) => ({ id: String(i), method: 'GET', url: 'Customers?$top=1' })));
    expect(first.status).toBe(200);
    const second = await sendJson(gw, small, [
      { id: '1', method: 'POST', url: 'Customers', body: customer('63001') },
      { id: '2', method: 'GET', url: 'Customers' },
      { id: '3', method: 'GET', url: 'Customers' },
    ]);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(second.json.error.code).toBe('TooManyRequests');
    expect((await w.get("Customers('63001')")).status).toBe(404);
  });

  it('records one odata.batch audit row with the rows read and written', async () => {
    const res = await sendJson(gw, key, [
      { id: '1', method: 'POST', url: 'Customers', body: customer('64001') },
      { id: '2', method: 'GET', url: "Customers?$filter=ID eq '64001'" },
    ], { 'X-Request-Id': 'batch-audit-1' });
    expect(res.status).toBe(200);
    await gw.audit.flush();
    const row = (await gw.database.db.knex('audit_log').where({ request_id: 'batch-audit-1' }).first()) as Record<string, unknown> | undefined;
    expect(row).toMatchObject({ operation: 'odata.batch', target: '$batch' });
    expect(Number(row?.rows_written)).toBe(1);
    expect(Number(row?.rows_read)).toBe(1);
  });
});
