// Folds the aggregated traffic rows into per-set and "other" counts with a dense series (one point
// per bucket of the window, zeros included, so charts and eyes need no gap filling). An operation
// names its entity set by its prefix (metadata: entitySet.operation, e.g. prices → PriceAgreements).
import { MODEL } from '../../../metadata';
import type { SurfaceTrafficRow } from '../../data/legacy/select-surface-traffic';
import type { SeriesPoint, SurfaceCounts } from './report-types';

const SET_OF_OPERATION = new Map(MODEL.entitySets.map((s) => [s.operation, s.name]));

/** The entity set an audited operation touched, or undefined ($batch, access.validate …). */
export const entitySetOfOperation = (operation: string): string | undefined =>
  operation.startsWith('odata.') ? undefined : SET_OF_OPERATION.get(operation.split('.', 1)[0] ?? '');

export interface Traffic extends SurfaceCounts {
  readonly series: SeriesPoint[];
}

export interface TenantTraffic {
  readonly bySet: ReadonlyMap<string, Traffic>;
  readonly other: Traffic;
}

/** Bucket starts (epoch ms) covering [fromMs, toMs). */
export function bucketStarts(fromMs: number, toMs: number, bucketMs: number): number[] {
  const out: number[] = [];
  for (let b = Math.floor(fromMs / bucketMs) * bucketMs; b < toMs; b += bucketMs) out.push(b);
  return out;
}

function emptyTraffic(buckets: readonly number[]): Traffic & { odata: number; erp: number } {
  return { odata: 0, erp: 0, series: buckets.map((b) => ({ bucket: new Date(b).toISOString(), odata: 0, erp: 0 })) };
}

function add(t: Traffic & { odata: number; erp: number }, row: SurfaceTrafficRow, index: ReadonlyMap<number, number>): void {
  t[row.surface] += row.requests;
  const i = index.get(row.bucketMs);
  const point = i === undefined ? undefined : (t.series[i] as { odata: number; erp: number } | undefined);
  if (point) point[row.surface] += row.requests;
}

export function tenantTraffic(rows: readonly SurfaceTrafficRow[], tenant: string, sets: readonly string[], buckets: readonly number[]): TenantTraffic {
  const index = new Map(buckets.map((b, i) => [b, i]));
  const bySet = new Map(sets.map((s) => [s, emptyTraffic(buckets)]));
  const other = emptyTraffic(buckets);
  for (const row of rows) {
    if (row.tenantId !== tenant) continue;
    const set = entitySetOfOperation(row.operation);
    add((set === undefined ? undefined : bySet.get(set)) ?? other, row, index);
  }
  return { bySet, other };
}
