// The legacy OData traffic of a tenant in the 24 h before the report's end: how many requests, the
// last one, and what they named — the verdict's "clients still use the legacy surface" evidence.
import type { SurfaceTrafficRow } from '../../data/legacy/select-surface-traffic';
import type { LegacyTraffic } from './report-types';
import { entitySetOfOperation } from './traffic-series';

export const DAY_MS = 86_400_000;

const UNNAMED: Readonly<Record<string, string>> = {
  'odata.batch': '$batch', 'odata.metadata': '$metadata', 'odata.service-document': 'service document',
};

const targetOf = (operation: string): string => entitySetOfOperation(operation) ?? UNNAMED[operation] ?? 'other';

export function legacyLast24h(rows: readonly SurfaceTrafficRow[], tenant: string): LegacyTraffic {
  let requests = 0;
  let lastAtMs = -1;
  const byTarget: Record<string, number> = {};
  for (const r of rows) {
    if (r.tenantId !== tenant || r.surface !== 'odata') continue;
    requests += r.requests;
    lastAtMs = Math.max(lastAtMs, r.lastAtMs);
    const target = targetOf(r.operation);
    byTarget[target] = (byTarget[target] ?? 0) + r.requests;
  }
  return { requests, lastAt: lastAtMs < 0 ? null : new Date(lastAtMs).toISOString(), byTarget };
}
