// The migration report's shadow statement: per tenant and entity set, the comparisons and
// differences in the window (hour buckets starting in [fromMs, toMs)) and, as evidence that a set
// was ever compared at all, the all-time count and the last compared hour.
import type { Database } from '../db';
import { rawRows } from './raw-rows';

export interface ComparisonTotalsRow {
  readonly tenantId: string;
  readonly entitySet: string;
  readonly compared: number;
  readonly differed: number;
  readonly comparedEver: number;
  readonly lastBucketMs: number;
}

const sql = (oneTenant: boolean) => `
SELECT tenant_id, entity_set,
       SUM(CASE WHEN bucket_ms >= ? AND bucket_ms < ? THEN compared ELSE 0 END) AS window_compared,
       SUM(CASE WHEN bucket_ms >= ? AND bucket_ms < ? THEN differed ELSE 0 END) AS window_differed,
       SUM(compared) AS total_compared,
       MAX(bucket_ms) AS last_bucket_ms
FROM shadow_comparison_counts${oneTenant ? ' WHERE tenant_id = ?' : ''}
GROUP BY tenant_id, entity_set`;

export async function selectComparisonTotals(db: Database, q: { fromMs: number; toMs: number; tenantId?: string }): Promise<ComparisonTotalsRow[]> {
  const bindings = [q.fromMs, q.toMs, q.fromMs, q.toMs, ...(q.tenantId !== undefined ? [q.tenantId] : [])];
  const rows = await rawRows(db, sql(q.tenantId !== undefined), bindings);
  return rows.map((r) => ({
    tenantId: String(r.tenant_id), entitySet: String(r.entity_set), compared: Number(r.window_compared), differed: Number(r.window_differed),
    comparedEver: Number(r.total_compared), lastBucketMs: Number(r.last_bucket_ms),
  }));
}
