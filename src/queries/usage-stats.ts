// GET /api/erp/usage/stats, read side: the tenant's API usage (requests, errors = status ≥ 400,
// rows read/written, p50/p95 latency) by account, operation and hour or day bucket (UTC), computed
// in SQL from the audit trail. Ranges are bounded so a query never scans unbounded history.
import type { Database } from '../data/db';
import { selectUsageStats, type UsageRow } from '../data/erp/select-usage-stats';
import { BadRequestError } from '../errors/catalogue';

export type Granularity = 'hour' | 'day';

const BUCKET_MS: Readonly<Record<Granularity, number>> = { hour: 3600_000, day: 86_400_000 };
/** longest range per granularity: 92 days of hours (≈ 2,200 buckets), about 3 years of days */
export const MAX_RANGE_DAYS: Readonly<Record<Granularity, number>> = { hour: 92, day: 1100 };

export interface UsageQuery {
  readonly from: Date;
  readonly to: Date;
  readonly granularity: Granularity;
}

/** A row of the statement with its bucket start as ISO text instead of epoch ms. */
export interface UsageBucket extends Omit<UsageRow, 'bucketMs'> {
  readonly bucket: string;
}

export interface UsageStats {
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  readonly value: readonly UsageBucket[];
}

export type UsageStatsReader = (tenantId: string, q: UsageQuery) => Promise<UsageStats>;

function checkRange(q: UsageQuery): void {
  if (q.to.getTime() <= q.from.getTime()) throw new BadRequestError('`to` must be after `from`.', { target: 'to' });
  const days = (q.to.getTime() - q.from.getTime()) / 86_400_000;
  const max = MAX_RANGE_DAYS[q.granularity];
  if (days > max) throw new BadRequestError(`The range may span at most ${max} days with granularity=${q.granularity}.`, { target: 'to' });
}

export function usageStatsReader(db: Database): UsageStatsReader {
  return async (tenantId, q) => {
    checkRange(q);
    const rows = await selectUsageStats(db, tenantId, q.from.getTime(), q.to.getTime(), BUCKET_MS[q.granularity]);
    return {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      granularity: q.granularity,
      value: rows.map(({ bucketMs, ...r }) => ({ bucket: new Date(bucketMs).toISOString(), ...r })),
    };
  };
}
