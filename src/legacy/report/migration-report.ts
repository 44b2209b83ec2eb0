// Builds the migration report: the routes and surfaces from the store, then four aggregate
// statements (traffic in the window, legacy traffic in the last 24 h, shadow totals, newest
// differences) folded per tenant and entity set, and the verdict (verdict.ts) for each tenant.
import type { Database } from '../../data/db';
import { selectComparisonTotals, type ComparisonTotalsRow } from '../../data/legacy/select-comparison-totals';
import { selectLatestDifferences } from '../../data/legacy/select-latest-differences';
import { selectSurfaces } from '../../data/legacy/select-surfaces';
import { selectSurfaceTraffic } from '../../data/legacy/select-surface-traffic';
import type { ShadowDifferenceRow } from '../../data/legacy/rows';
import type { LegacyControlStore } from '../legacy-store';
import type { ListedRoute } from '../route-table';
import { surfaceOfRow } from '../surface-row';
import { DAY_MS, legacyLast24h } from './legacy-last-24h';
import type { DifferenceSummary, EntitySetReport, MigrationReport, ShadowSummary, TenantReport } from './report-types';
import { reportWindow, type ReportQuery, type ReportWindow } from './report-window';
import { bucketStarts, tenantTraffic, type Traffic } from './traffic-series';
import { verdictOf } from './verdict';

export type MigrationReporter = (q: ReportQuery) => Promise<MigrationReport>;

export const DIFFERENCES_SHOWN = 5;
const HOUR_MS = 3_600_000;

const differenceOf = (d: ShadowDifferenceRow): DifferenceSummary => ({
  at: d.at, requestId: d.request_id, request: d.request, primary: d.primary_side === 'local' ? 'local' : 'upstream',
  path: d.first_path, primaryValue: d.primary_value, secondaryValue: d.secondary_value,
});

function shadowOf(totals: ComparisonTotalsRow | undefined, diffs: readonly ShadowDifferenceRow[]): ShadowSummary {
  const compared = totals?.compared ?? 0;
  const differed = totals?.differed ?? 0;
  return {
    compared, differed, differenceRate: compared === 0 ? null : differed / compared,
    comparedEver: totals?.comparedEver ?? 0,
    lastComparedHour: totals && totals.comparedEver > 0 ? new Date(totals.lastBucketMs).toISOString() : null,
    latestDifferences: diffs.map(differenceOf),
  };
}

async function loadFacts(db: Database, w: ReportWindow, tenantId: string | undefined) {
  const one = tenantId !== undefined ? { tenantId } : {};
  // comparisons are counted per hour: the window's edges are taken to the hour
  const hourFrom = Math.floor(w.fromMs / HOUR_MS) * HOUR_MS;
  const [traffic, recent, totals, diffs, surfaces] = await Promise.all([
    selectSurfaceTraffic(db, { fromMs: w.fromMs, toMs: w.toMs, bucketMs: w.bucketMs, ...one }),
    selectSurfaceTraffic(db, { fromMs: w.toMs - DAY_MS, toMs: w.toMs, bucketMs: HOUR_MS, ...one }),
    selectComparisonTotals(db, { fromMs: hourFrom, toMs: w.toMs, ...one }),
    selectLatestDifferences(db, { fromMs: w.fromMs, toMs: w.toMs, perSet: DIFFERENCES_SHOWN, ...one }),
    selectSurfaces(db.knex, tenantId),
  ]);
  return { traffic, recent, totals, diffs, surfaces };
}

type Facts = Awaited<ReturnType<typeof loadFacts>>;

function setReport(route: ListedRoute, traffic: Traffic | undefined, facts: Facts): EntitySetReport {
  return {
    entitySet: route.entitySet, mode: route.mode, primary: route.primary, explicit: route.explicit,
    odata: traffic?.odata ?? 0, erp: traffic?.erp ?? 0, series: traffic?.series ?? [],
    shadow: shadowOf(
      facts.totals.find((t) => t.tenantId === route.tenantId && t.entitySet === route.entitySet),
      facts.diffs.filter((d) => d.tenant_id === route.tenantId && d.entity_set === route.entitySet),
    ),
  };
}

function tenantReport(tenant: string, routes: readonly ListedRoute[], facts: Facts, w: ReportWindow): TenantReport {
  const buckets = bucketStarts(w.fromMs, w.toMs, w.bucketMs);
  const traffic = tenantTraffic(facts.traffic, tenant, routes.map((r) => r.entitySet), buckets);
  const row = facts.surfaces.find((s) => s.tenant_id === tenant);
  const surface = { ...surfaceOfRow(row), updatedAt: row?.updated_at ?? null };
  const entitySets = routes.map((r) => setReport(r, traffic.bySet.get(r.entitySet), facts));
  const legacy = legacyLast24h(facts.recent, tenant);
  return { tenant, surface, entitySets, otherRequests: traffic.other, legacyLast24h: legacy, verdict: verdictOf({ surface, entitySets, legacyLast24h: legacy }) };
}

export function migrationReporter(db: Database, store: LegacyControlStore, now: () => Date = () => new Date()): MigrationReporter {
  return async (q) => {
    const generatedAt = now();
    const w = reportWindow(q, generatedAt);
    const routes = await store.listRoutes(q.tenant); // 404 for an unknown tenant
    const facts = await loadFacts(db, w, q.tenant);
    const tenants = [...new Set(routes.map((r) => r.tenantId))];
    return {
      generatedAt: generatedAt.toISOString(), from: new Date(w.fromMs).toISOString(), to: new Date(w.toMs).toISOString(), granularity: w.granularity,
      tenants: tenants.map((t) => tenantReport(t, routes.filter((r) => r.tenantId === t), facts, w)),
    };
  };
}
