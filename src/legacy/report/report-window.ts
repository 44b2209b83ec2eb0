// The report's window: default the 7 days before now in day buckets; bounded like the usage API
// (MAX_RANGE_DAYS) so a report never scans unbounded history.
import { BadRequestError } from '../../errors/catalogue';
import { MAX_RANGE_DAYS } from '../../queries/usage-stats';
import type { Granularity } from './report-types';

export const BUCKET_MS: Readonly<Record<Granularity, number>> = { hour: 3_600_000, day: 86_400_000 };
export const DEFAULT_WINDOW_DAYS = 7;

export interface ReportQuery {
  readonly tenant?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly granularity?: Granularity;
}

export interface ReportWindow {
  readonly fromMs: number;
  readonly toMs: number;
  readonly granularity: Granularity;
  readonly bucketMs: number;
}

export function reportWindow(q: ReportQuery, now: Date): ReportWindow {
  const granularity = q.granularity ?? 'day';
  const toMs = (q.to ?? now).getTime();
  const fromMs = q.from?.getTime() ?? toMs - DEFAULT_WINDOW_DAYS * 86_400_000;
  if (toMs <= fromMs) throw new BadRequestError('`to` must be after `from`.', { target: 'to' });
  const max = MAX_RANGE_DAYS[granularity];
  if ((toMs - fromMs) / 86_400_000 > max) throw new BadRequestError(`The range may span at most ${max} days with granularity=${granularity}.`, { target: 'from' });
  return { fromMs, toMs, granularity, bucketMs: BUCKET_MS[granularity] };
}
