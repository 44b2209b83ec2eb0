// The usage API's one statement: a tenant's audit rows in [from, to) grouped by account,
// operation and time bucket, with counts, sums and nearest-rank p50/p95 latency. The same SQL on
// both dialects: SQLite has no percentile_cont, so ranks come from ROW_NUMBER/COUNT windows per
// group and the percentile is the smallest duration whose rank ≥ p·n (nearest-rank definition).
import type { Database } from '../db';

export interface UsageRow {
  readonly accountId: string;
  readonly operation: string;
  readonly bucketMs: number;
  readonly requests: number;
  readonly errors: number;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

// The bucket width is written into the SQL as an integer literal (it comes from a fixed list):
// better-sqlite3 binds JS numbers as REAL, which would make at_ms / ? a fractional bucket.
const sql = (bucketMs: number) => `
WITH g AS (
  SELECT account_id, operation, at_ms / ${bucketMs} AS bucket, status, rows_read, rows_written, duration_ms,
         ROW_NUMBER() OVER (PARTITION BY account_id, operation, at_ms / ${bucketMs} ORDER BY duration_ms) AS rn,
         COUNT(*) OVER (PARTITION BY account_id, operation, at_ms / ${bucketMs}) AS n
  FROM audit_log
  WHERE tenant_id = ? AND principal_kind = 'erp' AND at_ms >= ? AND at_ms < ?
)
SELECT account_id, operation, bucket,
       COUNT(*) AS requests,
       SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) AS errors,
       SUM(rows_read) AS rows_read,
       SUM(rows_written) AS rows_written,
       MIN(CASE WHEN rn >= 0.5 * n THEN duration_ms END) AS p50,
       MIN(CASE WHEN rn >= 0.95 * n THEN duration_ms END) AS p95
FROM g
GROUP BY account_id, operation, bucket
ORDER BY bucket, account_id, operation`;

export async function selectUsageStats(db: Database, tenantId: string, fromMs: number, toMs: number, bucketMs: number): Promise<UsageRow[]> {
  if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0) throw new Error(`select-usage-stats: bad bucket ${bucketMs}`);
  const result = (await db.knex.raw(sql(bucketMs), [tenantId, fromMs, toMs])) as unknown;
  const rows = (db.dialect === 'pg' ? (result as { rows: unknown[] }).rows : result) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    accountId: String(r.account_id), operation: String(r.operation), bucketMs: Number(r.bucket) * bucketMs,
    requests: Number(r.requests), errors: Number(r.errors), rowsRead: Number(r.rows_read), rowsWritten: Number(r.rows_written),
    p50Ms: Number(r.p50), p95Ms: Number(r.p95),
  }));
}
