// The /odata LegacyGate (issue #5, data plane): per request, one cached settings lookup for the
// caller's tenant, its lifecycle headers and refusals, then the side that answers — local dispatch
// (the common, allocation-free path), the legacy upstream, a shadow comparison, or the $batch rule.
// Always installed: the lifecycle works without an upstream. Admin principals pass through untouched
// (local dispatch refuses them tenant data as always).
import type { LegacyGate } from '../../legacy-compat/legacy-gate';
import type { LocalReader } from '../../legacy-compat/background-read';
import { principalOf } from '../http/request-context';
import type { Naming } from '../edm/naming';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { DEFAULT_LIMITS, type ODataLimits } from '../odata/uri/limits';
import { decideRoute } from './decide-route';
import type { GateParts, GateRequest } from './gate-parts';
import type { LegacyStore } from './legacy-settings';
import { applyLifecycleHeaders, assertSurfaceAllows } from './lifecycle-headers';
import { routeBatch } from './route-batch';
import { shadowLocalPrimary, shadowUpstreamPrimary } from './route-shadow';
import { routeUpstream } from './route-upstream';
import { shadowRunner } from './shadow-compare';
import { DEFAULT_BREAKER, upstreamBreaker, type BreakerOptions } from './upstream-breaker';
import { upstreamSide } from './upstream-side';

export interface LegacyGateDeps {
  readonly store: LegacyStore;
  /** LEGACY_UPSTREAM_URL (service root); absent = upstream and shadow routes answer 503 */
  readonly upstreamUrl?: string | undefined;
  /** LEGACY_UPSTREAM_TIMEOUT_MS */
  readonly timeoutMs: number;
  /** LEGACY_SHADOW_CONCURRENCY */
  readonly shadowConcurrency: number;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** the in-process local read for shadow sets whose primary is upstream (without it those comparisons are skipped) */
  readonly readLocally?: LocalReader;
  /** the URL limits of /odata, for $batch part URLs (default DEFAULT_LIMITS) */
  readonly limits?: ODataLimits;
  /** circuit breaker of the upstream (default 5 consecutive failures, 10 s before half-open) */
  readonly breaker?: BreakerOptions;
  /** the public names /odata speaks (ODATA_NAME_MAPPING_FILE); absent = the canonical names */
  readonly naming?: Naming;
}

function gateParts(deps: LegacyGateDeps): GateParts {
  const onChange = (state: string) => deps.log.warn({ upstream: deps.upstreamUrl, state }, 'legacy upstream circuit breaker changed state');
  const breaker = upstreamBreaker(deps.breaker ?? DEFAULT_BREAKER, deps.metrics, onChange);
  return {
    upstream: deps.upstreamUrl ? upstreamSide(deps.upstreamUrl.replace(/\/+$/, ''), deps.timeoutMs, breaker, deps.metrics) : undefined,
    shadow: shadowRunner({ store: deps.store, metrics: deps.metrics, log: deps.log, concurrency: deps.shadowConcurrency }),
    readLocally: deps.readLocally,
    limits: deps.limits ?? DEFAULT_LIMITS,
    tables: deps.naming && !deps.naming.identity ? deps.naming.tables : undefined,
    log: deps.log,
  };
}

export function createLegacyGate(deps: LegacyGateDeps): LegacyGate {
  const parts = gateParts(deps);
  return {
    async intercept(req, res, uri, target) {
      const principal = principalOf(res);
      if (principal === undefined || principal.kind !== 'erp') return false;
      const settings = await deps.store.settingsFor(principal.tenantId);
      applyLifecycleHeaders(res, settings.surface);
      const route = decideRoute(uri, req.method, settings.routes);
      // a read-only surface may still answer a $batch of reads: route-batch.ts looks inside
      if (settings.surface.state !== 'read-write') assertSurfaceAllows(settings.surface, route.kind === 'batch' ? 'GET' : req.method);
      if (route.kind === 'local') return false;
      const g: GateRequest = { req, res, uri, target, principal, settings };
      if (route.kind === 'batch') return routeBatch(parts, g);
      if (route.kind === 'upstream') return (await routeUpstream(parts, g, route.entitySet), true);
      return route.primary === 'local' ? shadowLocalPrimary(parts, g, route.entitySet) : shadowUpstreamPrimary(parts, g, route.entitySet);
    },
  };
}
