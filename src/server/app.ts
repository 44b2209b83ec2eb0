// Composition root of the HTTP pipeline: the only place that mounts middleware, in this order:
//   request-id → access log → metrics → helmet → /health (open) → /metrics (token) → authenticate
//   → /odata router → 404 → error handler
import express, { type Express } from 'express';
import helmet from 'helmet';
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
import { authenticate, type KeyVerifier } from '../http/authenticate';
import { errorHandler } from '../http/error-handler';
import { NotFoundError } from '../errors/catalogue';
import { odataRouter } from '../../legacy-compat/router';

export interface AppDeps {
  readonly db: Database;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly verifyKey: KeyVerifier;
  /** host:port for absolute URLs when a request carries no Host header */
  readonly fallbackHost: string;
  /** Express `trust proxy` (TRUST_PROXY, already parsed by config) */
  readonly trustProxy?: boolean | number | string | undefined;
  readonly metricsToken?: string | undefined;
  readonly limits?: ODataLimits;
  /** serving HTTPS directly: only then is Strict-Transport-Security sent */
  readonly tls?: boolean;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // ETags are ours: W/"<Version>" on entities, content hashes on $metadata
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(requestIdMiddleware(deps.log));
  app.use(accessLog());
  app.use(metricsMiddleware(deps.metrics));
  app.use(helmet({ strictTransportSecurity: deps.tls === true }));
  app.use('/health', healthRouter(databaseReadiness(deps.db)));
  app.get('/metrics', metricsHandler(deps.metrics, poolStats(deps.db), deps.metricsToken));
  app.use(['/odata', '/api'], authenticate(deps.verifyKey));
  app.use('/odata', odataRouter({ db: deps.db, limits: deps.limits ?? DEFAULT_LIMITS, fallbackHost: deps.fallbackHost }));
  app.use(() => {
    throw new NotFoundError('No resource at this URL.');
  });
  app.use(errorHandler());
  return app;
}
