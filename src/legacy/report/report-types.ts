// The shape of the migration report (GET /api/admin/migration, `b2x-gateway migration report`):
// per tenant and entity set the route, traffic by surface over time, shadow evidence and the verdict.
import type { Granularity } from '../../queries/usage-stats';
import type { RouteMode, Side, SurfaceSetting } from '../legacy-settings';

export type { Granularity };

/** requests on the legacy OData surface (/odata) and on the new API (/api/erp) */
export interface SurfaceCounts {
  readonly odata: number;
  readonly erp: number;
}

export interface SeriesPoint extends SurfaceCounts {
  /** bucket start, ISO (UTC hour or day) */
  readonly bucket: string;
}

export interface DifferenceSummary {
  readonly at: string;
  readonly requestId: string;
  readonly request: string;
  readonly primary: Side;
  readonly path: string;
  readonly primaryValue: string;
  readonly secondaryValue: string;
}

export interface ShadowSummary {
  /** comparisons in the window (hour buckets) */
  readonly compared: number;
  readonly differed: number;
  /** differed / compared, null when nothing was compared */
  readonly differenceRate: number | null;
  /** comparisons ever recorded for the set (the evidence rule) */
  readonly comparedEver: number;
  /** start of the last hour with a comparison, null when never compared */
  readonly lastComparedHour: string | null;
  /** newest 5 differences in the window */
  readonly latestDifferences: readonly DifferenceSummary[];
}

export interface EntitySetReport extends SurfaceCounts {
  readonly entitySet: string;
  readonly mode: RouteMode;
  readonly primary: Side;
  /** false: no explicit route, the default mode applies */
  readonly explicit: boolean;
  readonly series: readonly SeriesPoint[];
  readonly shadow: ShadowSummary;
}

export interface LegacyTraffic {
  /** legacy OData requests in the 24 h before `to` */
  readonly requests: number;
  readonly lastAt: string | null;
  /** by entity set, or `$batch` / `$metadata` / `service document` for requests naming none */
  readonly byTarget: Readonly<Record<string, number>>;
}

export interface Verdict {
  readonly canSwitchOff: boolean;
  /** what must change before the legacy surface can be switched off, one sentence each */
  readonly blockers: readonly string[];
  /** worth knowing, blocks nothing */
  readonly notes: readonly string[];
}

export interface TenantReport {
  readonly tenant: string;
  readonly surface: SurfaceSetting & { readonly updatedAt: string | null };
  readonly entitySets: readonly EntitySetReport[];
  /** requests that name no entity set ($batch, $metadata, access/validate, usage, events) */
  readonly otherRequests: SurfaceCounts & { readonly series: readonly SeriesPoint[] };
  readonly legacyLast24h: LegacyTraffic;
  readonly verdict: Verdict;
}

export interface MigrationReport {
  readonly generatedAt: string;
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  readonly tenants: readonly TenantReport[];
}
