// Request counters and latency histograms by a coarse route label (never the raw path, which would
// explode label cardinality), plus the /metrics endpoint guarded by METRICS_TOKEN or an admin key.
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Metrics } from '../observability/metrics';
import { entitySet } from '../../metadata';
import { ForbiddenError } from '../errors/catalogue';
import type { Principal } from '../security/principal';
import { unauthorized } from './authenticate';
import { routeOf, startedMsOf } from './request-context';

const SEGMENT = /[^/]*/y;
const SET_NAME = /[^/(?]*/y;

/** The match of a sticky pattern at `from` (no split, no slices before it: this runs per request). */
function matchAt(re: RegExp, s: string, from: number): string {
  re.lastIndex = from;
  return re.exec(s)?.[0] ?? '';
}

/** Coarse route label for metrics (never the raw path: label cardinality). */
export function routeLabel(path: string): string {
  const first = matchAt(SEGMENT, path, 1);
  if (first === 'odata') {
    const name = path.length > 7 ? matchAt(SET_NAME, path, 7) : '';
    if (name === '' || name === '$metadata' || name === '$batch') return `odata/${name}`;
    return entitySet(name) ? `odata/${name}` : 'odata/other';
  }
  if (first === 'health' || first === 'metrics') return first;
  return first === 'api' ? 'api/other' : 'other';
}

interface RouteLabels {
  readonly timer: { method: string; route: string };
  readonly byStatus: Map<number, { method: string; route: string; status: string }>;
}

/**
 * Label objects per method × route × status, built once and reused: the label set is small and
 * bounded (routeLabel is coarse; unknown methods are refused by Node before they get here), and a
 * fresh object (or key string) per request was avoidable allocation on the hot path.
 */
function labelCache() {
  const byMethod = new Map<string, Map<string, RouteLabels>>();
  return (method: string, route: string): RouteLabels => {
    let byRoute = byMethod.get(method);
    if (!byRoute) byMethod.set(method, (byRoute = new Map()));
    let labels = byRoute.get(route);
    if (!labels) {
      labels = { timer: { method, route }, byStatus: new Map() };
      byRoute.set(route, labels);
    }
    return labels;
  };
}

function statusLabels(labels: RouteLabels, status: number) {
  let l = labels.byStatus.get(status);
  if (!l) {
    l = { ...labels.timer, status: String(status) };
    labels.byStatus.set(status, l);
  }
  return l;
}

export function metricsMiddleware(metrics: Metrics) {
  const labelsOf = labelCache();
  // One listener for every request (res is `this`); the start time is the pipeline's (request-id).
  function onFinish(this: Response): void {
    const labels = labelsOf(this.req.method, routeOf(this) ?? routeLabel(this.req.path));
    metrics.duration.observe(labels.timer, (performance.now() - startedMsOf(this)) / 1e3);
    metrics.requests.inc(statusLabels(labels, this.statusCode));
  }
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.on('finish', onFinish);
    next();
  };
}

export type PoolSampler = () => { used: number; free: number; pending: number } | undefined;

function samplePool(sample: PoolSampler, metrics: Metrics): void {
  const s = sample();
  if (!s) return;
  metrics.dbPool.set({ state: 'used' }, s.used);
  metrics.dbPool.set({ state: 'free' }, s.free);
  metrics.dbPool.set({ state: 'pending' }, s.pending);
}

function bearerMatches(req: Request, token: string | undefined): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!token || !m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The caller's verified principal (admin keys and admin tokens unlock /metrics, contract.md). */
export type MetricsPrincipal = (req: Request) => Promise<Principal | undefined>;

async function assertMetricsAccess(req: Request, token: string | undefined, principalOf?: MetricsPrincipal): Promise<void> {
  if (bearerMatches(req, token)) return;
  const principal = principalOf ? await principalOf(req) : undefined;
  if (principal?.kind === 'admin') return;
  if (principal) throw new ForbiddenError('Only admin keys may read /metrics.');
  throw unauthorized();
}

export function metricsHandler(metrics: Metrics, sample: PoolSampler, token: string | undefined, principalOf?: MetricsPrincipal) {
  return async (req: Request, res: Response): Promise<void> => {
    await assertMetricsAccess(req, token, principalOf);
    samplePool(sample, metrics);
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  };
}
