// The dual-running admin API (issue #5) over real HTTP on both dialects: routes, surfaces and
// upstream credentials — validation errors, 404s, values never echoed — and the OpenAPI entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { createLegacyStore } from '../../../src/legacy/legacy-store';
import { secretBox } from '../../../src/security/secret-box';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects())('legacy admin API on %s', (dialect) => {
  let gw: TestGateway;
  let admin: string;
  const send = (method: string, path: string, body?: unknown) =>
    gw.request(path, admin, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    admin = await gw.adminKey();
    await gw.keyFor('acme');
  });
  afterAll(() => gw.close());

  it('lists every entity set of every tenant with its mode, explicit or default', async () => {
    const res = await send('GET', '/api/admin/legacy/routes');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.value).toHaveLength(5);
    expect(body.value[0]).toEqual({ tenant: 'acme', entitySet: 'Customers', mode: 'local', primary: 'local', explicit: false, updatedAt: null });
  });

  it('sets a route, answers with it, and the gate sees it at once', async () => {
    const res = await send('PUT', '/api/admin/legacy/routes/acme/Products', { mode: 'shadow' });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ tenant: 'acme', entitySet: 'Products', mode: 'shadow', primary: 'upstream', explicit: true });
    expect((await gw.legacyStore.settingsFor('acme')).routes.get('Products')).toEqual({ entitySet: 'Products', mode: 'shadow', primary: 'upstream' });
    const again = await send('PUT', '/api/admin/legacy/routes/acme/Products', { mode: 'shadow', primary: 'local' });
    expect((await json(again)).primary).toBe('local');
    const listed = await json(await send('GET', '/api/admin/legacy/routes?tenant=acme'));
    expect(listed.value.find((r: { entitySet: string }) => r.entitySet === 'Products')).toMatchObject({ mode: 'shadow', primary: 'local' });
  });

  it('answers 404 for an unknown tenant or entity set, 400 for a bad mode or body, 422 for a contradicting primary', async () => {
    expect((await send('PUT', '/api/admin/legacy/routes/nobody/Customers', { mode: 'local' })).status).toBe(404);
    expect((await send('PUT', '/api/admin/legacy/routes/acme/Widgets', { mode: 'local' })).status).toBe(404);
    expect((await send('GET', '/api/admin/legacy/routes?tenant=nobody')).status).toBe(404);
    const bad = await send('PUT', '/api/admin/legacy/routes/acme/Customers', { mode: 'remote' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toMatchObject({ code: 'BadRequest', details: [expect.objectContaining({ target: 'mode' })] });
    expect((await send('PUT', '/api/admin/legacy/routes/acme/Customers', { mode: 'local', extra: 1 })).status).toBe(400);
    expect((await send('PUT', '/api/admin/legacy/routes/acme/Customers', {})).status).toBe(400);
    expect((await send('PUT', '/api/admin/legacy/routes/acme/Customers', { mode: 'local', primary: 'upstream' })).status).toBe(422);
    expect((await send('PUT', '/api/admin/legacy/routes/ACME!/Customers', { mode: 'local' })).status).toBe(400);
  });

  it('reads and replaces the legacy surface', async () => {
    expect(await json(await send('GET', '/api/admin/legacy/surfaces/acme'))).toEqual({ tenant: 'acme', state: 'read-write', updatedAt: null });
    const body = { state: 'read-only', deprecation: '2026-01-01T00:00:00Z', sunset: '2026-07-01T00:00:00Z', link: 'https://docs.example.com/migrate' };
    const res = await send('PUT', '/api/admin/legacy/surfaces/acme', body);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ tenant: 'acme', state: 'read-only', deprecation: '2026-01-01T00:00:00.000Z', sunset: '2026-07-01T00:00:00.000Z', link: body.link });
    expect((await gw.legacyStore.settingsFor('acme')).surface.state).toBe('read-only');
    const replaced = await json(await send('PUT', '/api/admin/legacy/surfaces/acme', { state: 'read-write' }));
    expect(replaced).toEqual({ tenant: 'acme', state: 'read-write', updatedAt: expect.any(String) });
  });

  it('refuses a bad surface: unknown state, date without time, non-http link, sunset before deprecation, unknown tenant', async () => {
    expect((await send('PUT', '/api/admin/legacy/surfaces/acme', { state: 'closed' })).status).toBe(400);
    expect((await send('PUT', '/api/admin/legacy/surfaces/acme', { state: 'off', sunset: '2026-01-01' })).status).toBe(400);
    expect((await send('PUT', '/api/admin/legacy/surfaces/acme', { state: 'off', link: 'javascript:alert(1)' })).status).toBe(400);
    expect((await send('PUT', '/api/admin/legacy/surfaces/acme', { state: 'off', deprecation: '2026-05-01T00:00:00Z', sunset: '2026-01-01T00:00:00Z' })).status).toBe(422);
    expect((await send('PUT', '/api/admin/legacy/surfaces/nobody', { state: 'off' })).status).toBe(404);
    expect((await send('GET', '/api/admin/legacy/surfaces/nobody')).status).toBe(404);
  });

  it('stores the upstream credential sealed, answers 204 and never echoes the value', async () => {
    const value = 'Bearer legacy-token-0123456789';
    const res = await send('PUT', '/api/admin/legacy/credentials/acme', { header: 'Authorization', value });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await gw.legacyStore.settingsFor('acme')).credential).toEqual({ header: 'Authorization', value });
    const raw = (await gw.database.db.knex('sealed_secrets').where({ name: 'legacy-upstream:acme' }).first()) as { sealed: string };
    expect(raw.sealed).not.toContain('legacy-token');
    for (const path of ['/api/admin/legacy/routes', '/api/admin/legacy/surfaces/acme', '/api/admin/migration']) {
      expect(await (await send('GET', path)).text()).not.toContain('legacy-token');
    }
    const bad = await send('PUT', '/api/admin/legacy/credentials/acme', { header: 'X Bad', value: 'secret-in-error' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('secret-in-error');
    const crlf = await send('PUT', '/api/admin/legacy/credentials/acme', { header: 'X-Key', value: 'secret-in-error\r\nX-Evil: 1' });
    expect(crlf.status).toBe(400);
    expect(await crlf.text()).not.toContain('secret-in-error');
    expect((await send('PUT', '/api/admin/legacy/credentials/nobody', { header: 'X-Key', value: 'v' })).status).toBe(404);
    expect((await send('DELETE', '/api/admin/legacy/credentials/acme')).status).toBe(204);
    expect((await send('DELETE', '/api/admin/legacy/credentials/acme')).status).toBe(204);
    expect((await gw.legacyStore.settingsFor('acme')).credential).toBeUndefined();
    expect((await send('DELETE', '/api/admin/legacy/credentials/nobody')).status).toBe(404);
  });

  it('names the audit operation of each legacy admin route without the credential value', async () => {
    await send('PUT', '/api/admin/legacy/credentials/acme', { header: 'X-Key', value: 'audited-secret' });
    await gw.audit.flush();
    const rows = (await gw.database.db.knex('audit_log').where('operation', 'like', 'admin.legacy-%').select('operation', 'target')) as Array<{ operation: string; target: string }>;
    expect(rows).toContainEqual({ operation: 'admin.legacy-credentials.replace', target: '/api/admin/legacy/credentials/acme' });
    expect(rows).toContainEqual({ operation: 'admin.legacy-routes.replace', target: '/api/admin/legacy/routes/acme/Products' });
    expect(JSON.stringify(rows)).not.toContain('audited-secret');
  });

  it('lets a running gateway pick up a change made by another store (CLI, other instance) within 1 s', async () => {
    await gw.legacyStore.settingsFor('acme'); // warm this instance's cache
    const other = createLegacyStore({ db: gw.database.db, box: secretBox(gw.masterKey) });
    await other.setRoute('acme', { entitySet: 'Categories', mode: 'upstream', primary: 'upstream' });
    const t0 = Date.now();
    while ((await gw.legacyStore.settingsFor('acme')).routes.get('Categories')?.mode !== 'upstream') await sleep(50);
    expect(Date.now() - t0).toBeLessThanOrEqual(1200); // the 1 s TTL plus one poll
  });

  it('describes every legacy route with its schemas in the OpenAPI document', async () => {
    const doc = await json(await send('GET', '/api/openapi.json'));
    expect(doc.paths['/api/admin/legacy/routes/{tenant}/{entitySet}'].put.requestBody).toBeDefined();
    expect(doc.paths['/api/admin/legacy/routes'].get.responses['200'].content['application/json'].schema).toBeDefined();
    expect(doc.paths['/api/admin/legacy/credentials/{tenant}'].put.responses['204']).toBeDefined();
    expect(doc.paths['/api/admin/migration'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['tenant', 'from', 'to', 'granularity']));
    expect(doc.components.schemas.MigrationReport).toBeDefined();
  });

  it('refuses the legacy routes to ERP keys', async () => {
    const erp = await gw.keyFor('acme');
    expect((await gw.request('/api/admin/legacy/routes', erp)).status).toBe(403);
    expect((await gw.request('/api/admin/migration', erp)).status).toBe(403);
  });
});
