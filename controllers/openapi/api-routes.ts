// Every /api route with its schemas, in one table: the OpenAPI document is generated from it.
// A route the app registers but this table lacks still appears in the document (openapi-document.ts).
import type { z } from 'zod';
import * as A from '../schemas/admin';
import * as E from '../schemas/erp';
import * as W from '../schemas/webhooks';

export interface ApiRoute {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express pattern under /api, e.g. /admin/service-accounts/:id */
  readonly path: string;
  readonly summary: string;
  /** ERP operation grants needed (ERP routes) */
  readonly operations?: readonly string[];
  readonly tag: 'erp' | 'admin' | 'auth' | 'meta';
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly headers?: Readonly<Record<string, string>>;
  /** status → response body schema (undefined = no body) */
  readonly responses: Readonly<Record<number, z.ZodType | undefined>>;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/openapi.json', tag: 'meta', summary: 'this OpenAPI document', responses: { 200: undefined } },
  { method: 'post', path: '/auth/token', tag: 'auth', summary: 'a short-lived bearer token for the calling key', responses: { 200: A.TOKEN_RESPONSE } },
  { method: 'post', path: '/erp/customers/sync', tag: 'erp', operations: ['customers.write', 'contacts.write (if contacts sent)'], summary: 'bulk upsert of up to 1,000 customers with their contacts in one transaction', body: E.SYNC_BODY_DOC, headers: { 'Idempotency-Key': 'optional; same key + same body within 24 h replays the first response, another body → 422' }, responses: { 200: E.SYNC_REPORT } },
  { method: 'put', path: '/erp/products/:id', tag: 'erp', operations: ['products.write'], summary: 'create (201) or replace (200) one product', body: E.PRODUCT_BODY_DOC, headers: { 'If-Match': 'optional; W/"<Version>" or *; stale → 412' }, responses: { 200: E.PRODUCT_STATE, 201: E.PRODUCT_STATE } },
  { method: 'post', path: '/erp/access/validate', tag: 'erp', operations: ['access.validate'], summary: 'does this contact currently have shop access, and why not', body: E.ACCESS_BODY, responses: { 200: E.ACCESS_DECISION } },
  { method: 'get', path: '/erp/usage/stats', tag: 'erp', operations: ['usage.read'], summary: "the tenant's API usage by account, operation and time bucket", query: E.USAGE_QUERY, responses: { 200: E.USAGE_STATS } },
  { method: 'get', path: '/erp/events', tag: 'erp', operations: ['events.read'], summary: "the tenant's domain events in commit order from a cursor", query: E.EVENTS_QUERY, responses: { 200: E.EVENT_PAGE } },
  { method: 'post', path: '/admin/tenants', tag: 'admin', summary: 'create a tenant', body: A.TENANT_BODY, responses: { 201: A.TENANT } },
  { method: 'get', path: '/admin/tenants', tag: 'admin', summary: 'list tenants', responses: { 200: A.TENANT_LIST } },
  { method: 'post', path: '/admin/service-accounts', tag: 'admin', summary: 'create an ERP service account (the only time its key is shown)', body: A.ACCOUNT_BODY, responses: { 201: A.CREATED_ACCOUNT } },
  { method: 'get', path: '/admin/service-accounts', tag: 'admin', summary: 'list service accounts', query: A.ACCOUNTS_QUERY, responses: { 200: A.SERVICE_ACCOUNT_LIST } },
  { method: 'get', path: '/admin/service-accounts/:id', tag: 'admin', summary: 'one service account', responses: { 200: A.SERVICE_ACCOUNT } },
  { method: 'patch', path: '/admin/service-accounts/:id', tag: 'admin', summary: 'change grants, limit, state', body: A.ACCOUNT_PATCH, responses: { 200: A.SERVICE_ACCOUNT } },
  { method: 'delete', path: '/admin/service-accounts/:id', tag: 'admin', summary: 'revoke and remove', responses: { 204: undefined } },
  { method: 'post', path: '/admin/service-accounts/:id/rotate', tag: 'admin', summary: 'new key; the old one works for the grace period', body: A.ROTATE_BODY, responses: { 200: A.ROTATED_KEY } },
  { method: 'post', path: '/admin/service-accounts/:id/revoke', tag: 'admin', summary: 'every key of the account stops working at once', responses: { 200: A.REVOKED } },
  { method: 'post', path: '/admin/keys', tag: 'admin', summary: 'a new platform admin key', body: A.KEY_BODY, responses: { 201: A.ADMIN_KEY } },
  { method: 'post', path: '/admin/webhooks', tag: 'admin', summary: 'register a webhook subscription (the only time its signing secret is shown)', body: W.WEBHOOK_BODY, responses: { 201: W.CREATED_WEBHOOK } },
  { method: 'get', path: '/admin/webhooks', tag: 'admin', summary: 'list webhook subscriptions', query: W.WEBHOOKS_QUERY, responses: { 200: W.WEBHOOK_LIST } },
  { method: 'delete', path: '/admin/webhooks/:id', tag: 'admin', summary: 'remove a subscription and its delivery state', responses: { 204: undefined } },
  { method: 'get', path: '/admin/webhooks/:id/deliveries', tag: 'admin', summary: "a subscription's deliveries, newest event first", query: W.DELIVERIES_QUERY, responses: { 200: W.DELIVERY_LIST } },
  { method: 'post', path: '/admin/webhooks/:id/redeliver', tag: 'admin', summary: 'make the given events (or every dead letter) due again with a fresh attempt budget', body: W.REDELIVER_BODY, responses: { 202: W.REDELIVERED } },
  { method: 'get', path: '/admin/audit', tag: 'admin', summary: 'audit rows, newest first', query: A.AUDIT_QUERY, responses: { 200: A.AUDIT_LIST } },
  { method: 'get', path: '/admin/legacy/routes', tag: 'admin', summary: 'who serves each entity set of each tenant (local, upstream, shadow), explicit or default', query: A.LEGACY_ROUTES_QUERY, responses: { 200: A.LEGACY_ROUTE_LIST } },
  { method: 'put', path: '/admin/legacy/routes/:tenant/:entitySet', tag: 'admin', summary: 'set the mode (and in shadow the primary side) of one entity set; effective within 1 s on every instance', body: A.LEGACY_ROUTE_BODY, responses: { 200: A.LEGACY_ROUTE } },
  { method: 'get', path: '/admin/legacy/surfaces/:tenant', tag: 'admin', summary: "the tenant's legacy OData surface: state and announced Deprecation/Sunset/Link", responses: { 200: A.LEGACY_SURFACE } },
  { method: 'put', path: '/admin/legacy/surfaces/:tenant', tag: 'admin', summary: 'replace the legacy surface setting (read-write, read-only, off; Deprecation, Sunset, Link)', body: A.LEGACY_SURFACE_BODY, responses: { 200: A.LEGACY_SURFACE } },
  { method: 'put', path: '/admin/legacy/credentials/:tenant', tag: 'admin', summary: 'the header the gateway sends to the legacy service for this tenant; stored sealed, never shown', body: A.LEGACY_CREDENTIAL_BODY, responses: { 204: undefined } },
  { method: 'delete', path: '/admin/legacy/credentials/:tenant', tag: 'admin', summary: 'forget the upstream credential of the tenant', responses: { 204: undefined } },
  { method: 'get', path: '/admin/migration', tag: 'admin', summary: 'migration report: routes, traffic by surface, shadow evidence and what still blocks switching the legacy surface off', query: A.MIGRATION_QUERY, responses: { 200: A.MIGRATION_REPORT } },
];
