// The migration report's traffic statement: ERP requests from the audit trail in [from, to),
// grouped by tenant, operation, surface (legacy OData or /api/erp) and time bucket — aggregated in
// SQL on both dialects, so no audit row is loaded. OData rows are those with an `odata.*`
// operation or a target without a leading slash (audit-operation.ts); /api/erp rows have a
// target under /api/erp/. Everything else (/api/auth, /metrics …) is left out.
import type { Database } from '../db';
import { rawRows } from './raw-rows';

export type Surface = 'odata' | 'erp';

export interface SurfaceTrafficRow {
  readonly tenantId: string;
  readonly operation: string;
  readonly surface: Surface;
  readonly bucketMs: number;
  readonly requests: number;
  readonly lastAtMs: number;
}

// the bucket width is an integer literal from a fixed list (see select-usage-stats.ts for why)
const sql = (bucketMs: number, oneTenant: boolean) => `
SELECT tenant_id, operation, surface, bucket, COUNT(*) AS requests, MAX(at_ms) AS last_at_ms
FROM (
  SELECT tenant_id, operation, at_ms, at_ms / ${bucketMs} AS bucket,
         CASE WHEN target LIKE '/api/erp/%' THEN 'erp' ELSE 'odata' END AS surface
  FROM audit_log
  WHERE principal_kind = 'erp' AND at_ms >= ? AND at_ms < ?${oneTenant ? ' AND tenant_id = ?' : ''}
    AND (target LIKE '/api/erp/%' OR operation LIKE 'odata.%' OR (target IS NOT NULL AND target NOT LIKE '/%'))
) a
GROUP BY tenant_id, operation, surface, bucket
ORDER BY tenant_id, bucket, operation, surface`;

export async function selectSurfaceTraffic(db: Database, q: { fromMs: number; toMs: number; bucketMs: number; tenantId?: string }): Promise<SurfaceTrafficRow[]> {
  if (!Number.isSafeInteger(q.bucketMs) || q.bucketMs <= 0) throw new Error(`select-surface-traffic: bad bucket ${q.bucketMs}`);
  const bindings = [q.fromMs, q.toMs, ...(q.tenantId !== undefined ? [q.tenantId] : [])];
  const rows = await rawRows(db, sql(q.bucketMs, q.tenantId !== undefined), bindings);
  return rows.map((r) => ({
    tenantId: String(r.tenant_id), operation: String(r.operation), surface: r.surface === 'erp' ? 'erp' : 'odata',
    bucketMs: Number(r.bucket) * q.bucketMs, requests: Number(r.requests), lastAtMs: Number(r.last_at_ms),
  }));
}
