// The auth matrix: every route the app registers (found by walking Express's router stack) plus
// the OData surface, tried with each kind of bad credential. A route added without an entry in
// ROUTES fails the first test, so no route can ship without its authentication being checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { issueToken } from '../../../src/security/token';

type Area = 'open' | 'metrics' | 'token' | 'admin' | 'erp-data' | 'erp-meta';

interface RouteCase {
  readonly area: Area;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

/** Registered routes ("METHOD pattern") → a concrete request for each. */
const ROUTES: Record<string, RouteCase> = {
  'GET /health/live': { area: 'open', method: 'GET', path: '/health/live' },
  'GET /health/ready': { area: 'open', method: 'GET', path: '/health/ready' },
  'GET /metrics': { area: 'metrics', method: 'GET', path: '/metrics' },
  'POST /api/auth/token': { area: 'token', method: 'POST', path: '/api/auth/token', body: {} },
  'GET /api/openapi.json': { area: 'erp-meta', method: 'GET', path: '/api/openapi.json' },
  'POST /api/erp/customers/sync': { area: 'erp-data', method: 'POST', path: '/api/erp/customers/sync', body: { customers: [{ ID: 'M1', Name: 'Matrix' }] } },
  'PUT /api/erp/products/:id': { area: 'erp-data', method: 'PUT', path: '/api/erp/products/M-1', body: { Name: 'Matrix', ListPrice: 1 } },
  'POST /api/erp/access/validate': { area: 'erp-data', method: 'POST', path: '/api/erp/access/validate', body: { contactId: 'M1-A' } },
  'GET /api/erp/events': { area: 'erp-data', method: 'GET', path: '/api/erp/events' },
  // erp-meta: the matrix's no-grant key holds exactly usage.read, so this route must let it through
  'GET /api/erp/usage/stats': { area: 'erp-meta', method: 'GET', path: '/api/erp/usage/stats?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z' },
  'POST /api/admin/tenants': { area: 'admin', method: 'POST', path: '/api/admin/tenants', body: { id: 'new-tenant', name: 'New' } },
  'GET /api/admin/tenants': { area: 'admin', method: 'GET', path: '/api/admin/tenants' },
  'POST /api/admin/service-accounts': { area: 'admin', method: 'POST', path: '/api/admin/service-accounts', body: { tenant: 'acme', name: 'x' } },
  'GET /api/admin/service-accounts': { area: 'admin', method: 'GET', path: '/api/admin/service-accounts' },
  'GET /api/admin/service-accounts/:id': { area: 'admin', method: 'GET', path: '/api/admin/service-accounts/sa_unknown' },
  'PATCH /api/admin/service-accounts/:id': { area: 'admin', method: 'PATCH', path: '/api/admin/service-accounts/sa_unknown', body: { active: false } },
  'DELETE /api/admin/service-accounts/:id': { area: 'admin', method: 'DELETE', path: '/api/admin/service-accounts/sa_unknown' },
  'POST /api/admin/service-accounts/:id/rotate': { area: 'admin', method: 'POST', path: '/api/admin/service-accounts/sa_unknown/rotate', body: {} },
  'POST /api/admin/service-accounts/:id/revoke': { area: 'admin', method: 'POST', path: '/api/admin/service-accounts/sa_unknown/revoke', body: {} },
  'POST /api/admin/keys': { area: 'admin', method: 'POST', path: '/api/admin/keys', body: { name: 'k' } },
  'GET /api/admin/audit': { area: 'admin', method: 'GET', path: '/api/admin/audit' },
  'POST /api/admin/webhooks': { area: 'admin', method: 'POST', path: '/api/admin/webhooks', body: { tenant: 'acme', url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] } },
  'GET /api/admin/webhooks': { area: 'admin', method: 'GET', path: '/api/admin/webhooks' },
  'DELETE /api/admin/webhooks/:id': { area: 'admin', method: 'DELETE', path: '/api/admin/webhooks/wh_000000000000000000000000' },
  'GET /api/admin/webhooks/:id/deliveries': { area: 'admin', method: 'GET', path: '/api/admin/webhooks/wh_000000000000000000000000/deliveries?status=dead' },
  'POST /api/admin/webhooks/:id/redeliver': { area: 'admin', method: 'POST', path: '/api/admin/webhooks/wh_000000000000000000000000/redeliver', body: {} },
  'GET /api/admin/legacy/routes': { area: 'admin', method: 'GET', path: '/api/admin/legacy/routes' },
  'PUT /api/admin/legacy/routes/:tenant/:entitySet': { area: 'admin', method: 'PUT', path: '/api/admin/legacy/routes/acme/Customers', body: { mode: 'local' } },
  'GET /api/admin/legacy/surfaces/:tenant': { area: 'admin', method: 'GET', path: '/api/admin/legacy/surfaces/acme' },
  'PUT /api/admin/legacy/surfaces/:tenant': { area: 'admin', method: 'PUT', path: '/api/admin/legacy/surfaces/acme', body: { state: 'read-write' } },
  'PUT /api/admin/legacy/credentials/:tenant': { area: 'admin', method: 'PUT', path: '/api/admin/legacy/credentials/acme', body: { header: 'X-Matrix', value: 'v' } },
  'DELETE /api/admin/legacy/credentials/:tenant': { area: 'admin', method: 'DELETE', path: '/api/admin/legacy/credentials/acme' },
  'GET /api/admin/migration': { area: 'admin', method: 'GET', path: '/api/admin/migration' },
};

/** The OData surface is one catch-all router; these are its resource kinds. */
const ODATA: RouteCase[] = [
  { area: 'erp-meta', method: 'GET', path: '/odata' },
  { area: 'erp-meta', method: 'GET', path: '/odata/$metadata' },
  { area: 'erp-data', method: 'POST', path: '/odata/$batch' },
  ...['Customers', 'Contacts', 'Products', 'Categories', 'PriceAgreements'].map((s): RouteCase => ({ area: 'erp-data', method: 'GET', path: `/odata/${s}` })),
  { area: 'erp-data', method: 'GET', path: '/odata/Customers/$count' },
  { area: 'erp-data', method: 'GET', path: "/odata/Customers('10042')" },
  { area: 'erp-data', method: 'POST', path: '/odata/Customers', body: { ID: '1', Name: 'x' } },
];

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: string | string[];
  handle?: { stack?: Layer[] };
}

function registeredRoutes(stack: readonly Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${prefix}${layer.route!.path}`);
    }
    if (!layer.handle?.stack) return [];
    const mounts = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath ?? ''];
    return mounts.flatMap((p) => registeredRoutes(layer.handle!.stack!, prefix + (p === '/' ? '' : p)));
  });
}

const ALL_CASES = [...Object.values(ROUTES), ...ODATA];

describe.each(testDialects())('authentication matrix on %s', (dialect) => {
  let gw: TestGateway;
  const creds: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    gw = await startTestGateway(dialect, { authFailuresPerMinute: 100_000 });
    const good = await gw.account('acme');
    const revoked = await gw.account('acme');
    await fetch(`${gw.url}/api/admin/service-accounts/${revoked.id}/revoke`, { method: 'POST', headers: { 'X-API-Key': await gw.adminKey() } });
    const noGrant = await gw.keyFor('acme', ['usage.read']);
    const past = new Date(Date.now() - 3600_000);
    const expired = await issueToken({ typ: 'erp', kid: 'k', sub: good.id, ten: 'acme' }, gw.secrets.tokenSigningKey, past, 60);
    creds.none = {};
    creds.malformed = { 'X-API-Key': 'erp-service.acme.not-a-real-secret' };
    creds.wrongTenant = { 'X-API-Key': good.apiKey.replace('erp-service.acme.', 'erp-service.other.') };
    creds.revoked = { 'X-API-Key': revoked.apiKey };
    creds.expiredToken = { Authorization: `Bearer ${expired}` };
    creds.noGrant = { 'X-API-Key': noGrant };
    creds.erp = { 'X-API-Key': good.apiKey };
    creds.admin = { 'X-API-Key': await gw.adminKey() };
  });
  afterAll(() => gw.close());

  const send = (c: RouteCase, headers: Record<string, string>) => {
    const body: { body?: string; headers?: Record<string, string> } = c.body === undefined ? {} : json(c.body);
    return fetch(`${gw.url}${c.path}`, { method: c.method, ...body, headers: { ...(body.headers ?? {}), ...headers } });
  };

  it('knows the authentication of every registered route', () => {
    const routes = registeredRoutes((gw.app as Express & { router: { stack: Layer[] } }).router.stack);
    expect(routes.length).toBeGreaterThan(10);
    const unknown = routes.filter((r) => !(r in ROUTES));
    expect(unknown, `routes without an auth expectation: ${unknown.join(', ')}`).toEqual([]);
  });

  for (const kind of ['none', 'malformed', 'wrongTenant', 'revoked', 'expiredToken'] as const) {
    it(`refuses a ${kind} credential with the uniform 401 everywhere but /health`, async () => {
      for (const c of ALL_CASES) {
        const res = await send(c, creds[kind]!);
        if (c.area === 'open') expect(res.status, `${c.method} ${c.path}`).toBe(200);
        else {
          expect(res.status, `${kind}: ${c.method} ${c.path}`).toBe(401);
          expect(res.headers.get('www-authenticate')).toContain('Basic');
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');
        }
      }
    });
  }

  it('answers 403 to an ERP key without the grant on data, admin and metrics routes', async () => {
    for (const c of ALL_CASES.filter((c) => ['erp-data', 'admin', 'metrics'].includes(c.area))) {
      const res = await send(c, creds.noGrant!);
      expect([403, 501], `${c.method} ${c.path}`).toContain(res.status);
    }
  });

  it('answers 403 to an admin key on tenant data', async () => {
    for (const c of ODATA.filter((c) => c.area === 'erp-data' && c.method === 'GET')) {
      expect((await send(c, creds.admin!)).status, c.path).toBe(403);
    }
  });

  it('lets a valid credential through every route it is meant for', async () => {
    for (const c of ALL_CASES) {
      const key = c.area === 'admin' || c.area === 'metrics' ? creds.admin! : creds.erp!;
      const res = await send(c, key);
      expect([401, 403], `${c.method} ${c.path} → ${res.status}`).not.toContain(res.status);
    }
  });
});
