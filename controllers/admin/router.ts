// /api/admin (contract.md "Admin API"): one route per file, admin principals only (the guard in
// admin-area.ts runs before this router, on every spelling of the path). GET /audit is mounted
// from outside (AdminRouterDeps.auditRoute) by the audit trail.
import { Router, type RequestHandler } from 'express';
import type { AccountAdmin } from '../../src/security/accounts/account-admin';
import { setRoute } from '../../src/http/request-context';
import { requireJsonBody } from './json-body';
import { keysCreate } from './keys-create';
import { serviceAccountDelete } from './service-account-delete';
import { serviceAccountGet } from './service-account-get';
import { serviceAccountRevoke } from './service-account-revoke';
import { serviceAccountRotate } from './service-account-rotate';
import { serviceAccountUpdate } from './service-account-update';
import { serviceAccountsCreate } from './service-accounts-create';
import { serviceAccountsList } from './service-accounts-list';
import { tenantsCreate } from './tenants-create';
import { tenantsList } from './tenants-list';
import type { WebhookAdmin } from '../../src/events/webhook-admin';
import { webhookDelete } from './webhook-delete';
import { webhookDeliveries } from './webhook-deliveries';
import { webhookRedeliver } from './webhook-redeliver';
import { webhooksCreate } from './webhooks-create';
import { webhooksList } from './webhooks-list';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import type { MigrationReporter } from '../../src/legacy/report/migration-report';
import { legacyRoutes } from './legacy-routes';

export interface AdminRouterDeps {
  readonly admin: AccountAdmin;
  /** GET /api/admin/audit handler (audit trail), when available */
  readonly auditRoute?: RequestHandler;
  /** webhook subscriptions (src/events), when wired */
  readonly webhooks?: WebhookAdmin;
  /** dual running (issue #5): legacy routes, surfaces, upstream credentials */
  readonly legacy?: LegacyControlStore;
  /** GET /api/admin/migration */
  readonly migrationReport?: MigrationReporter;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export function adminRouter(deps: AdminRouterDeps): Router {
  const router = Router();
  const route = (method: Method, path: string, handler: RequestHandler) =>
    router[method](path, (_req, res, next) => (setRoute(res, `/api/admin${path}`), next()), handler);
  router.use(requireJsonBody());
  route('post', '/tenants', tenantsCreate(deps.admin));
  route('get', '/tenants', tenantsList(deps.admin));
  route('post', '/service-accounts', serviceAccountsCreate(deps.admin));
  route('get', '/service-accounts', serviceAccountsList(deps.admin));
  route('get', '/service-accounts/:id', serviceAccountGet(deps.admin));
  route('patch', '/service-accounts/:id', serviceAccountUpdate(deps.admin));
  route('delete', '/service-accounts/:id', serviceAccountDelete(deps.admin));
  route('post', '/service-accounts/:id/rotate', serviceAccountRotate(deps.admin));
  route('post', '/service-accounts/:id/revoke', serviceAccountRevoke(deps.admin));
  route('post', '/keys', keysCreate(deps.admin));
  if (deps.auditRoute) route('get', '/audit', deps.auditRoute);
  if (deps.webhooks) webhookRoutes(route, deps.webhooks);
  if (deps.legacy) legacyRoutes(route, deps.legacy, deps.migrationReport);
  return router;
}

function webhookRoutes(route: (method: Method, path: string, handler: RequestHandler) => unknown, webhooks: WebhookAdmin): void {
  route('post', '/webhooks', webhooksCreate(webhooks));
  route('get', '/webhooks', webhooksList(webhooks));
  route('delete', '/webhooks/:id', webhookDelete(webhooks));
  route('get', '/webhooks/:id/deliveries', webhookDeliveries(webhooks));
  route('post', '/webhooks/:id/redeliver', webhookRedeliver(webhooks));
}
