// The migration report's difference statement: the newest `perSet` differences in [from, to) of
// each tenant's entity sets (ROW_NUMBER per set, the same SQL on both dialects).
import type { Database } from '../db';
import { rawRows } from './raw-rows';
import type { ShadowDifferenceRow } from './rows';

const sql = (oneTenant: boolean, perSet: number) => `
SELECT tenant_id, entity_set, at, at_ms, request_id, request, primary_side, first_path, primary_value, secondary_value
FROM (
  SELECT d.*, ROW_NUMBER() OVER (PARTITION BY tenant_id, entity_set ORDER BY id DESC) AS rn
  FROM shadow_differences d
  WHERE at_ms >= ? AND at_ms < ?${oneTenant ? ' AND tenant_id = ?' : ''}
) x
WHERE rn <= ${perSet}
ORDER BY tenant_id, entity_set, rn`;

export async function selectLatestDifferences(db: Database, q: { fromMs: number; toMs: number; perSet: number; tenantId?: string }): Promise<ShadowDifferenceRow[]> {
  if (!Number.isSafeInteger(q.perSet) || q.perSet <= 0) throw new Error(`select-latest-differences: bad limit ${q.perSet}`);
  const rows = await rawRows(db, sql(q.tenantId !== undefined, q.perSet), [q.fromMs, q.toMs, ...(q.tenantId !== undefined ? [q.tenantId] : [])]);
  return rows.map((r) => ({ ...(r as unknown as ShadowDifferenceRow), at_ms: Number(r.at_ms) }));
}
