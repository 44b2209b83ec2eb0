// Composition root of the HTTP pipeline: the only place that mounts middleware, in this order
// (steps joined by → run in series as one Express layer, http/series.ts):
//   layer 1: request-id → access log → metrics → refuse TRACE → helmet → CORS (if configured)
//   layer 2: /health (open, unlimited; its own router)
//   layer 3: audit trail → by prefix (http/prefix-dispatch.ts, case-insensitive as app.use):
//     /odata: no-store → failed-auth limiter (per address) → authenticate → rate limit (per account)
//             → body ≤ 10 MiB → OData router
//     /api:   no-store → failed-auth limiter → authenticate → rate limit → API router (JSON ≤ 1 MiB,
//             admin-area guard, auth/token, admin, erp, openapi.json)
//   then /metrics: failed-auth limiter → token or admin key → 404 → error handler
// The fixed steps as one layer and both surfaces behind one prefix dispatch (rather than a layer
// per step and a path-mounted app.use per prefix), because every layer costs the router a match,
// a params step and closures per request, and every path-mounted one strips and restores the URL
// prefix: that was a measurable share of W1's routing cost.
import express, { type Express, type RequestHandler } from 'express';
import type { Database } from '../data/db';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { ODataLimits } from '../odata/uri/limits';
import { DEFAULT_LIMITS } from '../odata/uri/limits';
import { requestIdMiddleware } from '../http/request-id';
import { metricsHandler, metricsMiddleware } from '../http/metrics-middleware';
import { accessLog } from '../http/access-log';
import { healthRouter } from '../http/health';
import { databaseReadiness, poolStats } from '../data/readiness';
import { authenticate, resolvePrincipal, type KeyVerifier, type TokenVerifier } from '../http/authenticate';
import { errorHandler } from '../http/error-handler';
import { NotFoundError } from '../errors/catalogue';
import { odataRouter } from '../../legacy-compat/router';
import { apiRouter, type ApiRouterDeps } from '../../controllers/router';
import { refuseTrace } from '../http/refuse-trace';
import { cors } from '../http/cors';
import { noStore } from '../http/no-store';
import { auditTrail } from '../http/audit-trail';
import { authFailureLimit } from '../http/auth-failure-limit';
import { accountRateLimiter } from '../http/rate-limit';
import { memoryStores, type RateLimitStores } from '../http/rate-limit-store';
import { odataBodyLimit } from '../http/odata-body-limit';
import { series } from '../http/series';
import { prefixDispatch } from '../http/prefix-dispatch';
import { apiSecurityOptions } from '../http/api-security-options';
import { securityHeaders } from '../http/security-headers';
import { createAuditRecorder, type AuditSink } from '../audit/record-operation';
import { auditLister } from '../queries/list-audit';
import { auditListHandler } from '../../controllers/admin/audit-list';
import { erpServices } from './erp-services';
import type { LegacyGate } from '../../legacy-compat/legacy-gate';
import type { Naming } from '../edm/naming';

export interface AppDeps {
  readonly db: Database;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly verifyKey: KeyVerifier;
  /** Bearer tokens from POST /api/auth/token; without it a Bearer credential is a 401 */
  readonly verifyToken?: TokenVerifier;
  /** the /api routes (admin API, token endpoint); without them /api answers 404 after authentication */
  readonly api?: ApiRouterDeps;
  /** host:port for absolute URLs when a request carries no Host header */
  readonly fallbackHost: string;
  /** Express `trust proxy` (TRUST_PROXY, already parsed by config) */
  readonly trustProxy?: boolean | number | string | undefined;
  readonly metricsToken?: string | undefined;
  readonly limits?: ODataLimits;
  /** serving HTTPS directly: only then is Strict-Transport-Security sent */
  readonly tls?: boolean;
  /** ODATA_REQUIRE_IF_MATCH (default true): PATCH/PUT/DELETE without If-Match → 428 */
  readonly odataRequireIfMatch?: boolean;
  /** hit counts of both rate limiters (REDIS_URL: shared); in-process stores when omitted */
  readonly rateLimitStores?: RateLimitStores;
  /** failed authentications allowed per client address per minute (default 30) */
  readonly authFailuresPerMinute?: number;
  /** where each request's audit row goes; a recorder writing to `db` when omitted */
  readonly audit?: AuditSink;
  /** CORS_ORIGINS; none = CORS off */
  readonly corsOrigins?: readonly string[];
  /** dual running beside the legacy RESTier service (LEGACY_UPSTREAM_URL); absent = all local */
  readonly legacy?: LegacyGate;
  /** the names /odata speaks (ODATA_NAME_MAPPING_FILE); absent = the canonical names */
  readonly naming?: Naming;
}

/** The per-address failed-auth limiter and the per-account limiter, on the given (or in-process) stores. */
function limiters(deps: AppDeps) {
  const stores = deps.rateLimitStores ?? memoryStores();
  const common = { metrics: deps.metrics, log: deps.log };
  return {
    authFailures: authFailureLimit({ ...common, store: stores.authFailures, ...(deps.authFailuresPerMinute !== undefined ? { perMinute: deps.authFailuresPerMinute } : {}) }),
    perAccount: accountRateLimiter({ ...common, store: stores.account }).middleware,
  };
}

/** /odata and /api, each behind its credential steps, as one prefix dispatch (see the header). */
function surfaces(deps: AppDeps, limit: ReturnType<typeof limiters>): RequestHandler {
  const authn = authenticate(deps.verifyKey, deps.verifyToken);
  const guard = [noStore(), limit.authFailures, authn, limit.perAccount] as const;
  const odata = odataRouter({ db: deps.db, limits: deps.limits ?? DEFAULT_LIMITS, fallbackHost: deps.fallbackHost, requireIfMatch: deps.odataRequireIfMatch ?? true, ...(deps.legacy ? { legacy: deps.legacy } : {}), ...(deps.naming ? { naming: deps.naming } : {}) });
  // without api deps /api still authenticates, then falls through to the 404
  const api = deps.api ? [apiRouter({ ...deps.api, auditRoute: auditListHandler(auditLister(deps.db)), erp: erpServices(deps.db) })] : [];
  return prefixDispatch([
    { prefix: '/odata', handler: series(...guard, odataBodyLimit(), odata), stripUrl: false },
    { prefix: '/api', handler: series(...guard, ...api), stripUrl: true },
  ]);
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // ETags are ours: W/"<Version>" on entities, content hashes on $metadata
  app.set('trust proxy', deps.trustProxy ?? false);
  const limit = limiters(deps); // one failed-auth store for /odata, /api and /metrics
  app.use(
    series(
      requestIdMiddleware(deps.log),
      accessLog(deps.log),
      metricsMiddleware(deps.metrics),
      refuseTrace(),
      securityHeaders(apiSecurityOptions(deps.tls === true)),
      ...(deps.corsOrigins && deps.corsOrigins.length > 0 ? [cors(deps.corsOrigins)] : []),
      prefixDispatch([{ prefix: '/health', handler: healthRouter(databaseReadiness(deps.db)), stripUrl: true }]),
      auditTrail(deps.audit ?? createAuditRecorder({ db: deps.db, log: deps.log })),
      surfaces(deps, limit),
    ),
  );
  const metricsPrincipal = (req: express.Request) => resolvePrincipal(req, deps.verifyKey, deps.verifyToken);
  app.use('/metrics', limit.authFailures);
  app.get('/metrics', metricsHandler(deps.metrics, poolStats(deps.db), deps.metricsToken, metricsPrincipal));
  app.use(() => {
    throw new NotFoundError('No resource at this URL.');
  });
  app.use(errorHandler());
  return app;
}
