// GET /api/erp/usage/stats computes its numbers in SQL: given known audit rows, the counts, sums
// and nearest-rank p50/p95 per (account, operation, bucket) are exact, and equal on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { writerKey } from '../odata-write/write-client';
import { erpSend } from './erp-client';

const HOUR = 3600_000;
const BASE = Date.UTC(2026, 0, 5, 10); // 2026-01-05T10:00Z

describe.each(testDialects())('usage stats aggregation on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    key = await writerKey(gw, 'pct');
    const row = (seq: number, atMs: number, durationMs: number, over: Record<string, unknown> = {}) => ({
      tenant_id: 'pct', seq, at: new Date(atMs).toISOString(), at_ms: atMs, request_id: `r${seq}`, principal_kind: 'erp', account_id: 'sa_a',
      operation: 'customers.read', target: 'Customers', method: 'GET', status: 200, rows_read: 2, rows_written: 0, duration_ms: durationMs,
      client_address: null, prev_hash: '0'.repeat(64), hash: String(seq).padStart(64, '0'), ...over,
    });
    const rows = [
      // hour 10: durations 1..20 (shuffled), two of them errors
      ...[7, 3, 20, 1, 15, 9, 11, 2, 19, 4, 5, 6, 8, 10, 12, 13, 14, 16, 17, 18].map((d, i) => row(i + 1, BASE + i * 1000, d, i < 2 ? { status: 404 } : {})),
      // hour 11: another account and operation
      row(21, BASE + HOUR + 5, 40, { account_id: 'sa_b', operation: 'customers.write', rows_written: 7, rows_read: 0 }),
      row(22, BASE + HOUR + 6, 60, { account_id: 'sa_b', operation: 'customers.write', rows_written: 3, rows_read: 0, status: 500 }),
      // outside the range, and another tenant: never counted
      row(23, BASE + 5 * HOUR, 1),
      { ...row(1, BASE, 1), tenant_id: 'other' },
    ];
    await gw.database.db.knex('audit_log').insert(rows);
  });
  afterAll(() => gw.close());

  it('groups by account, operation and hour with nearest-rank p50/p95', async () => {
    const res = await erpSend(gw, key, 'GET', `/usage/stats?from=${new Date(BASE).toISOString()}&to=${new Date(BASE + 2 * HOUR).toISOString()}&granularity=hour`);
    expect(res.status).toBe(200);
    expect(res.body.value).toEqual([
      { bucket: '2026-01-05T10:00:00.000Z', accountId: 'sa_a', operation: 'customers.read', requests: 20, errors: 2, rowsRead: 40, rowsWritten: 0, p50Ms: 10, p95Ms: 19 },
      { bucket: '2026-01-05T11:00:00.000Z', accountId: 'sa_b', operation: 'customers.write', requests: 2, errors: 1, rowsRead: 0, rowsWritten: 10, p50Ms: 40, p95Ms: 60 },
    ]);
  });

  it('puts a whole day into one bucket with granularity=day', async () => {
    const res = await erpSend(gw, key, 'GET', `/usage/stats?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&granularity=day`);
    expect(res.body.value.map((r: Record<string, unknown>) => [r.bucket, r.accountId, r.requests])).toEqual([
      ['2026-01-05T00:00:00.000Z', 'sa_a', 21],
      ['2026-01-05T00:00:00.000Z', 'sa_b', 2],
    ]);
  });
});
