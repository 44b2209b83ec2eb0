import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { ERP_OPERATIONS } from '../../../src/security/operations';

/** A request whose path goes out byte for byte (fetch would normalise `..` and case-fold nothing). */
function rawRequest(url: string, path: string, method: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(testDialects())('admin API on %s', (dialect) => {
  let gw: TestGateway;
  let admin: Record<string, string>;
  let erpKey: string;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = admin) =>
    fetch(`${gw.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const createAccount = async (body: Record<string, unknown>) => json(await call('POST', '/api/admin/service-accounts', body));
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    admin = { 'X-API-Key': await gw.adminKey() };
    erpKey = await gw.keyFor('seeded');
  });
  afterAll(() => gw.close());

  it('creates and lists tenants; a duplicate is 409, a bad id 400', async () => {
    const created = await call('POST', '/api/admin/tenants', { id: 'acme', name: 'ACME GmbH' });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ id: 'acme', name: 'ACME GmbH' });
    expect((await call('POST', '/api/admin/tenants', { id: 'acme' })).status).toBe(409);
    const bad = await call('POST', '/api/admin/tenants', { id: 'Bad Id' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.target).toBe('id');
    const list = await json(await call('GET', '/api/admin/tenants'));
    expect(list.value.map((t: { id: string }) => t.id)).toEqual(['acme', 'seeded']);
  });

  it('creates a service account whose key works once shown, and never shows it again', async () => {
    const res = await call('POST', '/api/admin/service-accounts', { tenant: 'acme', name: 'ERP', operations: ['customers.read'], rateLimitPerMinute: 60 });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(['apiKey', 'id', 'name', 'operations', 'rateLimitPerMinute', 'tenant']);
    expect(res.headers.get('location')).toBe(`/api/admin/service-accounts/${body.id}`);
    expect((await gw.request('/odata/Customers', body.apiKey)).status).toBe(200);
    expect((await gw.request('/odata/Products', body.apiKey)).status).toBe(403);

    const secret = String(body.apiKey).split('.')[2];
    const hash = (await gw.database.db.knex('api_keys').where({ account_id: body.id }).first()).key_hash;
    for (const path of ['/api/admin/service-accounts', '/api/admin/service-accounts?tenant=acme', `/api/admin/service-accounts/${body.id}`]) {
      const text = await (await call('GET', path)).text();
      expect(text).toContain(body.id);
      expect(text).not.toMatch(/apiKey|key_hash|keyHash|secret|erp-service\./);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hash);
    }
  });

  it('validates input with OData error bodies: 400 for bad fields, 422 for an unknown tenant, 415, 413', async () => {
    const unknownField = await call('POST', '/api/admin/service-accounts', { tenant: 'acme', apiKey: 'mine' });
    expect(unknownField.status).toBe(400);
    expect((await json(unknownField)).error).toMatchObject({ code: 'BadRequest', details: [expect.objectContaining({ code: 'BadRequest' })] });
    expect((await call('POST', '/api/admin/service-accounts', { tenant: 'acme', operations: ['customers.delete'] })).status).toBe(400);
    expect((await call('POST', '/api/admin/service-accounts', { tenant: 'nobody' })).status).toBe(422);
    const text = await fetch(`${gw.url}/api/admin/tenants`, { method: 'POST', headers: { ...admin, 'Content-Type': 'text/plain' }, body: 'id=x' });
    expect(text.status).toBe(415);
    const broken = await fetch(`${gw.url}/api/admin/tenants`, { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: '{"id":' });
    expect(broken.status).toBe(400);
    const huge = await call('POST', '/api/admin/tenants', { id: 'big', name: 'x'.repeat(1024 * 1024 + 10) });
    expect(huge.status).toBe(413);
    expect((await json(huge)).error.code).toBe('PayloadTooLarge');
    expect((await call('GET', '/api/admin/service-accounts/sa_000000000000000000000000')).status).toBe(404);
    expect((await call('GET', '/api/admin/service-accounts/nonsense')).status).toBe(400);
  });

  it('changes grants, limit and state; deactivating stops the key, reactivating restores it', async () => {
    const acc = await createAccount({ tenant: 'acme' });
    const patched = await call('PATCH', `/api/admin/service-accounts/${acc.id}`, { operations: ['products.read'], rateLimitPerMinute: 5 });
    expect(await json(patched)).toMatchObject({ id: acc.id, operations: ['products.read'], rateLimitPerMinute: 5, active: true });
    expect((await gw.request('/odata/Customers', acc.apiKey)).status).toBe(403);
    await call('PATCH', `/api/admin/service-accounts/${acc.id}`, { active: false });
    expect((await gw.request('/odata/Products', acc.apiKey)).status).toBe(401);
    await call('PATCH', `/api/admin/service-accounts/${acc.id}`, { active: true, operations: [...ERP_OPERATIONS] });
    expect((await gw.request('/odata/Customers', acc.apiKey)).status).toBe(200);
    expect((await call('PATCH', `/api/admin/service-accounts/${acc.id}`, { rateLimitPerMinute: 0 })).status).toBe(400);
  });

  it('rotates with a grace period, revokes, and deletes', async () => {
    const acc = await createAccount({ tenant: 'acme' });
    const rotated = await call('POST', `/api/admin/service-accounts/${acc.id}/rotate`, { graceSeconds: 0 });
    expect(rotated.status).toBe(200);
    const r = await json(rotated);
    expect(Object.keys(r).sort()).toEqual(['apiKey', 'id', 'previousKeyExpiresAt']);
    expect(r.id).toBe(acc.id);
    expect((await gw.request('/odata/Customers', acc.apiKey)).status).toBe(401);
    expect((await gw.request('/odata/Customers', r.apiKey)).status).toBe(200);

    const long = await json(await call('POST', `/api/admin/service-accounts/${acc.id}/rotate`));
    expect(Date.parse(long.previousKeyExpiresAt) - Date.now()).toBeGreaterThan(86_390_000);
    expect((await gw.request('/odata/Customers', r.apiKey)).status).toBe(200);

    const revoked = await call('POST', `/api/admin/service-accounts/${acc.id}/revoke`);
    expect(await json(revoked)).toMatchObject({ id: acc.id, keysRevoked: 3 }); // the expired first key is marked too
    expect((await gw.request('/odata/Customers', r.apiKey)).status).toBe(401);
    expect((await gw.request('/odata/Customers', long.apiKey)).status).toBe(401);

    const fresh = await json(await call('POST', `/api/admin/service-accounts/${acc.id}/rotate`, {}));
    expect(fresh.previousKeyExpiresAt).toBeNull();
    expect((await gw.request('/odata/Customers', fresh.apiKey)).status).toBe(200);
    expect((await call('DELETE', `/api/admin/service-accounts/${acc.id}`)).status).toBe(204);
    expect((await gw.request('/odata/Customers', fresh.apiKey)).status).toBe(401);
    expect((await call('GET', `/api/admin/service-accounts/${acc.id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/admin/service-accounts/${acc.id}`)).status).toBe(404);
    expect((await call('POST', `/api/admin/service-accounts/${acc.id}/rotate`, { graceSeconds: -1 })).status).toBe(400);
  });

  it('creates admin keys that work as admin keys', async () => {
    const res = await call('POST', '/api/admin/keys', { name: 'second operator' });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(['apiKey', 'id']);
    expect(body.apiKey).toMatch(/^b2x-admin\.[A-Za-z0-9_-]{43}$/);
    expect((await gw.request('/api/admin/tenants', body.apiKey)).status).toBe(200);
  });

  it('answers 403 to ERP keys on every admin route', async () => {
    const erp = { 'X-API-Key': erpKey };
    const id = 'sa_000000000000000000000000';
    const routes: Array<[string, string, unknown?]> = [
      ['POST', '/api/admin/tenants', { id: 'evil' }], ['GET', '/api/admin/tenants'],
      ['POST', '/api/admin/service-accounts', { tenant: 'seeded' }], ['GET', '/api/admin/service-accounts'],
      ['GET', `/api/admin/service-accounts/${id}`], ['PATCH', `/api/admin/service-accounts/${id}`, { active: true }],
      ['DELETE', `/api/admin/service-accounts/${id}`], ['POST', `/api/admin/service-accounts/${id}/rotate`, {}],
      ['POST', `/api/admin/service-accounts/${id}/revoke`], ['POST', '/api/admin/keys', { name: 'x' }],
      ['GET', '/api/admin/audit'], ['GET', '/api/admin'], ['GET', '/api/admin/nowhere'],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(method, path, body, erp);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await json(res)).error.code).toBe('Forbidden');
    }
    expect((await gw.database.db.knex('tenants').where({ id: 'evil' })).length).toBe(0);
  });

  it('answers 403 to ERP keys whatever the case, encoding or dot segments of the admin path', async () => {
    const variants = [
      '/API/ADMIN/tenants', '/Api/Admin/Tenants', '/api/%61dmin/tenants', '/api/%41DMIN/tenants', '/api/admin%2Ftenants',
      '/api/admin/../admin/tenants', '/api/x/../admin/tenants', '/api/%2e%2e/api/admin/tenants', '/api//admin/tenants',
      '/api/admin/./tenants', '/api/%252561dmin/tenants',
    ];
    for (const path of variants) {
      expect(await rawRequest(gw.url, path, 'GET', { 'X-API-Key': erpKey }), path).toBe(403);
      expect(await rawRequest(gw.url, path, 'POST', { 'X-API-Key': erpKey, 'Content-Type': 'application/json' }), `POST ${path}`).toBe(403);
    }
    // the admin itself reaches the canonical spellings Express routes (case-insensitively)
    expect(await rawRequest(gw.url, '/API/ADMIN/tenants', 'GET', admin)).toBe(200);
  });
});
