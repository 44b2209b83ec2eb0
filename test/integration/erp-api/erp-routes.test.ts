// The other /api/erp routes over real HTTP: products PUT, access validation, events, usage stats —
// happy paths, each 4xx, grants, admin keys and tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { writerKey } from '../odata-write/write-client';
import { erpSend, syncContact, syncCustomer } from './erp-client';

const FUTURE = '2999-01-01T00:00:00.000Z';
const PAST = '2001-01-01T00:00:00.000Z';

describe.each(testDialects())('ERP API routes on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  let beta: string;
  const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>, k = key) => erpSend(gw, k, method, path, body, headers);
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    key = await writerKey(gw, 'acme');
    beta = await writerKey(gw, 'beta');
    const res = await send('POST', '/customers/sync', {
      customers: [
        syncCustomer('K1', [syncContact('OK', { HasShopAccess: true, AccessValidUntil: FUTURE, Email: 'Ok.Person@Example.com' }), syncContact('NOACCESS'), syncContact('EXPIRED', { HasShopAccess: true, AccessValidUntil: PAST })]),
        syncCustomer('K2', [syncContact('BLOCKED', { HasShopAccess: true })], { IsBlocked: true }),
      ],
    });
    expect(res.body).toMatchObject({ created: 2, failed: 0 });
  });
  afterAll(() => gw.close());

  describe('PUT /api/erp/products/{id}', () => {
    it('creates (201 + ETag + Location), replaces (200), and keeps the Version when nothing changes', async () => {
      const created = await send('PUT', '/products/P-1', { Name: 'Bolt', ListPrice: 1.5 });
      expect(created.status).toBe(201);
      expect(created.headers.get('etag')).toBe('W/"1"');
      expect(created.headers.get('location')).toBe('/api/erp/products/P-1');
      expect(created.body).toMatchObject({ ID: 'P-1', Name: 'Bolt', ListPrice: '1.5000', Unit: 'PCE', Version: '1' });
      const replaced = await send('PUT', '/products/P-1', { Name: 'Bolt M8', ListPrice: '2' }, { 'If-Match': 'W/"1"' });
      expect(replaced.status).toBe(200);
      expect(replaced.headers.get('etag')).toBe('W/"2"');
      const same = await send('PUT', '/products/P-1', { Name: 'Bolt M8', ListPrice: '2' });
      expect(same.status).toBe(200);
      expect(same.headers.get('etag')).toBe('W/"2"');
    });

    it('answers 412 to a stale If-Match (and to If-Match on a missing product), 400 to a malformed one', async () => {
      expect((await send('PUT', '/products/P-1', { Name: 'x', ListPrice: 1 }, { 'If-Match': 'W/"1"' })).status).toBe(412);
      expect((await send('PUT', '/products/P-NEW', { Name: 'x', ListPrice: 1 }, { 'If-Match': 'W/"1"' })).status).toBe(412);
      expect((await send('PUT', '/products/P-1', { Name: 'x', ListPrice: 1 }, { 'If-Match': 'garbage' })).status).toBe(400);
    });

    it('answers 400 to unknown properties or a different ID, 422 to invalid values, 403 without products.write', async () => {
      expect((await send('PUT', '/products/P-2', { Name: 'x', ListPrice: 1, Colour: 'red' })).status).toBe(400);
      expect((await send('PUT', '/products/P-1', { ID: 'P-9', Name: 'x', ListPrice: 1 })).status).toBe(400);
      const invalid = await send('PUT', '/products/P-2', { Name: 'x', ListPrice: 'cheap' });
      expect(invalid.status).toBe(422);
      expect(invalid.body.error.details[0].target).toBe('ListPrice');
      expect((await send('PUT', '/products/P-2', [1, 2])).status).toBe(400);
      expect((await send('PUT', `/products/${'x'.repeat(41)}`, { Name: 'x', ListPrice: 1 })).status).toBe(400);
      const noGrant = await writerKey(gw, 'acme', ['products.read']);
      const denied = await send('PUT', '/products/P-2', { Name: 'x', ListPrice: 1 }, {}, noGrant);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('products.write');
    });
  });

  describe('POST /api/erp/access/validate', () => {
    it('allows a contact with current access, by id or by e-mail ignoring case', async () => {
      const byId = await send('POST', '/access/validate', { contactId: 'OK' });
      expect(byId.status).toBe(200);
      expect(byId.body).toMatchObject({ allowed: true, reasons: [], contact: { ID: 'OK', CustomerID: 'K1' }, customer: { ID: 'K1', IsBlocked: false }, validUntil: FUTURE });
      const byEmail = await send('POST', '/access/validate', { email: 'ok.person@EXAMPLE.com' });
      expect(byEmail.body).toMatchObject({ allowed: true, contact: { ID: 'OK' } });
    });

    it('says why not: no shop access, expired, customer blocked', async () => {
      expect((await send('POST', '/access/validate', { contactId: 'NOACCESS' })).body).toMatchObject({ allowed: false, reasons: ['NoShopAccess'] });
      expect((await send('POST', '/access/validate', { contactId: 'EXPIRED' })).body).toMatchObject({ allowed: false, reasons: ['AccessExpired'], validUntil: PAST });
      expect((await send('POST', '/access/validate', { contactId: 'BLOCKED' })).body).toMatchObject({ allowed: false, reasons: ['CustomerBlocked'] });
    });

    it('answers 404 to an unknown contact and to another tenant\'s, 400 to a bad body', async () => {
      expect((await send('POST', '/access/validate', { contactId: 'NOPE' })).status).toBe(404);
      expect((await send('POST', '/access/validate', { contactId: 'OK' }, {}, beta)).status).toBe(404);
      expect((await send('POST', '/access/validate', { email: 'ok.person@example.com' }, {}, beta)).status).toBe(404);
      expect((await send('POST', '/access/validate', {})).status).toBe(400);
      expect((await send('POST', '/access/validate', { contactId: 'OK', email: 'x' })).status).toBe(400);
    });
  });

  describe('GET /api/erp/events', () => {
    it('pages through the tenant\'s events in order with an opaque cursor', async () => {
      const all = await send('GET', '/events?limit=1000');
      expect(all.status).toBe(200);
      expect(all.body.value.slice(0, 2).map((e: { type: string; key: string }) => `${e.type}${e.key}`)).toEqual(["CustomerCreated('K1')", "ContactCreated('OK')"]);
      expect(all.body.value[0]).toMatchObject({ entitySet: 'Customers', version: '1', data: { key: { ID: 'K1' } } });
      const first = await send('GET', '/events?limit=2');
      expect(first.body.value).toHaveLength(2);
      const rest = await send('GET', `/events?after=${first.body.nextCursor}&limit=1000`);
      expect([...first.body.value, ...rest.body.value].map((e: { id: string }) => e.id)).toEqual(all.body.value.map((e: { id: string }) => e.id));
      const empty = await send('GET', `/events?after=${all.body.nextCursor}`);
      expect(empty.body).toEqual({ value: [], nextCursor: all.body.nextCursor });
    });

    it('answers 400 to a garbage cursor or limit', async () => {
      for (const q of ['after=garbage!', 'after=YWJj', 'after=', 'limit=0', 'limit=1001', 'limit=x', 'other=1']) {
        expect((await send('GET', `/events?${q}`)).status, q).toBe(400);
      }
    });

    it('shows another tenant none of these events', async () => {
      const res = await send('GET', '/events', undefined, {}, beta);
      expect(res.body).toEqual({ value: [], nextCursor: null });
    });
  });

  describe('GET /api/erp/usage/stats', () => {
    it('aggregates the tenant\'s requests by account, operation and bucket', async () => {
      await send('POST', '/access/validate', { contactId: 'NOPE' }); // one error
      await gw.audit.flush();
      const from = new Date(Date.now() - 3600_000).toISOString();
      const to = new Date(Date.now() + 3600_000).toISOString();
      const res = await send('GET', `/usage/stats?from=${from}&to=${to}&granularity=hour`);
      expect(res.status).toBe(200);
      const access = res.body.value.filter((r: { operation: string }) => r.operation === 'access.validate');
      const sum = (k: string) => access.reduce((n: number, r: Record<string, number>) => n + (r[k] ?? 0), 0);
      expect(sum('requests')).toBeGreaterThanOrEqual(8);
      expect(sum('errors')).toBeGreaterThanOrEqual(3);
      const sync = res.body.value.find((r: { operation: string }) => r.operation === 'customers.write');
      expect(sync).toMatchObject({ requests: 1, errors: 0, rowsWritten: 2 });
      expect(sync.p95Ms).toBeGreaterThanOrEqual(sync.p50Ms);
      expect(res.body.value.every((r: { bucket: string }) => r.bucket.endsWith(':00:00.000Z'))).toBe(true);
      const day = await send('GET', `/usage/stats?from=${from}&to=${to}&granularity=day`);
      expect(day.body.value.every((r: { bucket: string }) => r.bucket.endsWith('T00:00:00.000Z'))).toBe(true);
    });

    it('shows another tenant none of it', async () => {
      await gw.audit.flush();
      const from = new Date(Date.now() - 3600_000).toISOString();
      const to = new Date(Date.now() + 3600_000).toISOString();
      const res = await send('GET', `/usage/stats?from=${from}&to=${to}`, undefined, {}, beta);
      expect(res.body.value.every((r: { accountId: string; operation: string }) => !['customers.write', 'products.write'].includes(r.operation))).toBe(true);
    });

    it('answers 400 to a missing, reversed or too long range', async () => {
      const day = 86_400_000;
      const iso = (ms: number) => new Date(ms).toISOString();
      const now = Date.now();
      for (const q of ['', `from=${iso(now)}`, `from=${iso(now)}&to=${iso(now - day)}`, `from=${iso(now - 93 * day)}&to=${iso(now)}&granularity=hour`, `from=x&to=y`, `from=${iso(now - day)}&to=${iso(now)}&granularity=week`]) {
        expect((await send('GET', `/usage/stats?${q}`)).status, q).toBe(400);
      }
      expect((await send('GET', `/usage/stats?from=${iso(now - 93 * day)}&to=${iso(now)}&granularity=day`)).status).toBe(200);
    });
  });

  it('refuses admin keys (403) and keys without the route\'s grant (403 naming it) on every route', async () => {
    const admin = await gw.adminKey();
    const onlyUsage = await writerKey(gw, 'acme', ['usage.read']);
    const now = new Date().toISOString();
    const routes: Array<[string, string, unknown, string]> = [
      ['POST', '/customers/sync', { customers: [syncCustomer('Z')] }, 'customers.write'],
      ['PUT', '/products/Z', { Name: 'z', ListPrice: 1 }, 'products.write'],
      ['POST', '/access/validate', { contactId: 'OK' }, 'access.validate'],
      ['GET', '/events', undefined, 'events.read'],
      ['GET', `/usage/stats?from=${now}&to=${now}`, undefined, 'usage.read'],
    ];
    for (const [method, path, body, op] of routes) {
      expect((await send(method, path, body, {}, admin)).status, `admin ${method} ${path}`).toBe(403);
      if (op === 'usage.read') continue;
      const res = await send(method, path, body, {}, onlyUsage);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.target).toBe(op);
    }
  });
});
