// /api (after authentication): JSON bodies up to 1 MiB (413 beyond), never cached; the admin-area
// guard for every spelling of /api/admin, then /api/auth/token, /api/admin, /api/erp and /api/openapi.json.
import express, { Router, type RequestHandler } from 'express';
import { setRoute } from '../src/http/request-context';
import type { AccountAdmin } from '../src/security/accounts/account-admin';
import type { WebhookAdmin } from '../src/events/webhook-admin';
import type { LegacyControlStore } from '../src/legacy/legacy-store';
import type { MigrationReporter } from '../src/legacy/report/migration-report';
import { adminAreaGuard } from './admin/admin-area';
import { adminRouter } from './admin/router';
import { authToken, type TokenIssuer } from './auth-token';
import { erpRouter } from './erp/router';
import type { ErpServices } from './erp/erp-services';
import { openApiDocument, routesOf } from './openapi-document';

export const API_BODY_LIMIT = '1mb';

export interface ApiRouterDeps {
  readonly admin: AccountAdmin;
  readonly issueToken: TokenIssuer;
  /** GET /api/admin/audit (audit trail) */
  readonly auditRoute?: RequestHandler;
  /** /api/erp (commands and queries bound to the database) */
  readonly erp?: ErpServices;
  /** /api/admin/webhooks (subscriptions, deliveries, redelivery) */
  readonly webhooks?: WebhookAdmin;
  /** /api/admin/legacy/* (dual running: routes, surfaces, upstream credentials) */
  readonly legacy?: LegacyControlStore;
  /** GET /api/admin/migration (migration report over the audit trail and shadow evidence) */
  readonly migrationReport?: MigrationReporter;
}

export function apiRouter(deps: ApiRouterDeps): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store'); // responses carry keys and tokens
    next();
  });
  router.use(adminAreaGuard());
  router.use(express.json({ limit: API_BODY_LIMIT }));
  router.post('/auth/token', (_req, res, next) => (setRoute(res, '/api/auth/token'), next()), authToken(deps.issueToken));
  router.use('/admin', adminRouter({ admin: deps.admin, ...(deps.auditRoute ? { auditRoute: deps.auditRoute } : {}), ...(deps.webhooks ? { webhooks: deps.webhooks } : {}), ...(deps.legacy ? { legacy: deps.legacy } : {}), ...(deps.migrationReport ? { migrationReport: deps.migrationReport } : {}) }));
  if (deps.erp) router.use('/erp', erpRouter(deps.erp));
  let openApi: RequestHandler | undefined; // built once below, when every route is registered
  router.get('/openapi.json', (_req, res, next) => (setRoute(res, '/api/openapi.json'), next()), (req, res, next) => openApi?.(req, res, next));
  openApi = openApiDocument(routesOf(router));
  return router;
}
