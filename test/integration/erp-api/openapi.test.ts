// GET /api/openapi.json: an OpenAPI 3.1 document generated from the zod schemas, listing every
// /api route the app really registers, for any valid credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: string | string[];
  handle?: { stack?: Layer[] };
}

/** The app's routes as "method /full/pattern", walked independently of the document's own builder. */
function appRoutes(stack: readonly Layer[], prefix = ''): Array<{ method: string; path: string }> {
  return stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((method) => ({ method, path: `${prefix}${layer.route!.path}` }));
    if (!layer.handle?.stack) return [];
    const mounts = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath ?? ''];
    return mounts.flatMap((p) => appRoutes(layer.handle!.stack!, prefix + (p === '/' ? '' : p)));
  });
}

describe.each(testDialects())('OpenAPI document on %s', (dialect) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
  });
  afterAll(() => gw.close());

  it('is served to ERP and admin keys alike, and to nobody without one', async () => {
    for (const key of [await gw.keyFor('acme', ['usage.read']), await gw.adminKey()]) {
      const res = await gw.request('/api/openapi.json', key);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
    }
    expect((await fetch(`${gw.url}/api/openapi.json`)).status).toBe(401);
  });

  it('lists every registered /api route with its method, and documents their bodies', async () => {
    const doc = (await (await gw.request('/api/openapi.json', await gw.adminKey())).json()) as {
      openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const registered = appRoutes((gw.app as Express & { router: { stack: Layer[] } }).router.stack).filter((r) => r.path.startsWith('/api/'));
    expect(registered.length).toBeGreaterThanOrEqual(18);
    for (const r of registered) {
      const path = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method], `${r.method} ${path}`).toBeDefined();
      expect(doc.paths[path]?.[r.method]?.responses).toBeDefined();
      expect(JSON.stringify(doc.paths[path]?.[r.method]), `${r.method} ${path} has schemas`).not.toContain('(no schema registered)');
    }
    const body = (p: string, m: string) => doc.paths[p]?.[m]?.requestBody?.content['application/json']?.schema;
    expect(body('/api/admin/webhooks', 'post')).toEqual({ $ref: '#/components/schemas/WebhookSubscriptionInput' });
    expect(doc.components.schemas.WebhookSubscriptionInput).toMatchObject({ properties: { eventTypes: { type: 'array' } } });
    expect(JSON.stringify(doc.paths['/api/admin/webhooks']?.post?.responses)).toContain('#/components/schemas/CreatedWebhookSubscription');
    expect(JSON.stringify(doc.paths['/api/admin/webhooks/{id}/deliveries']?.get)).toContain('"status"');
    expect(JSON.stringify(body('/api/erp/customers/sync', 'post'))).toContain('customers');
    expect(doc.components.schemas.SyncCustomer).toMatchObject({ properties: { ID: { type: 'string' }, Contacts: { type: 'array' } } });
    expect(body('/api/erp/products/{id}', 'put')).toEqual({ $ref: '#/components/schemas/Product' });
    for (const [name, schema] of Object.entries(doc.components.schemas)) expect(JSON.stringify(schema), `component ${name} is not a reference to itself`).not.toBe(JSON.stringify({ $ref: `#/components/schemas/${name}` }));
    expect(JSON.stringify(body('/api/admin/service-accounts', 'post'))).toContain('rateLimitPerMinute');
    expect(JSON.stringify(body('/api/admin/tenants', 'post'))).toContain('"id"');
    expect(JSON.stringify(doc.paths['/api/erp/events']?.get)).toContain('"after"');
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });
});
