// GET /api/admin/audit?tenant&from&to&limit (contract.md "Admin API"): newest first, admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';

describe.each(testDialects())('admin audit listing on %s', (dialect) => {
  let gw: TestGateway;
  let admin: string;
  let erp: string;
  let before: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    admin = await gw.adminKey();
    erp = await gw.keyFor('acme');
    await gw.keyFor('other').then((k) => gw.request('/odata', k)).then((r) => r.arrayBuffer());
    for (const path of ['/odata', '/odata/$metadata', '/odata/Customers']) await (await gw.request(path, erp)).arrayBuffer();
    await gw.audit.flush();
    before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await (await gw.request('/odata/Products', erp)).arrayBuffer();
    await gw.audit.flush();
  });
  afterAll(() => gw.close());

  const list = async (query: string, key = admin) => gw.request(`/api/admin/audit${query}`, key);

  it("lists one tenant's rows newest first, without secrets", async () => {
    const res = await list('?tenant=acme');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { value } = await json(res);
    expect(value.map((r: { operation: string }) => r.operation)).toEqual(['products.read', 'customers.read', 'odata.metadata', 'odata.service-document']);
    expect(value[0]).toMatchObject({ tenant: 'acme', seq: 4, principalKind: 'erp', method: 'GET', status: 200, target: 'Products' });
    expect(value[0].prevHash).toBe(value[1].hash);
    expect(JSON.stringify(value)).not.toContain(erp.slice(erp.lastIndexOf('.') + 1));
  });

  it('filters by time range and limits the count', async () => {
    const since = await json(await list(`?tenant=acme&from=${encodeURIComponent(before)}`));
    expect(since.value.map((r: { operation: string }) => r.operation)).toEqual(['products.read']);
    const until = await json(await list(`?tenant=acme&to=${encodeURIComponent(before)}&limit=2`));
    expect(until.value.map((r: { operation: string }) => r.operation)).toEqual(['customers.read', 'odata.metadata']);
  });

  it('lists every chain without a tenant, the platform chain with _platform', async () => {
    await gw.audit.flush(); // rows are written just after each response; the earlier listings' too
    const all = await json(await list('?limit=1000'));
    expect(new Set(all.value.map((r: { tenant: string }) => r.tenant))).toEqual(new Set(['acme', 'other', '_platform']));
    const platform = await json(await list('?tenant=_platform'));
    expect(platform.value.length).toBeGreaterThan(0);
    expect(platform.value.every((r: { principalKind: string; operation: string }) => r.principalKind === 'admin' && r.operation === 'admin.audit.list')).toBe(true);
  });

  it('answers 400 for a bad parameter and 403 for an ERP key', async () => {
    for (const q of ['?limit=0', '?limit=1001', '?limit=x', '?from=yesterday', '?tenant=ACME']) {
      const res = await list(q);
      expect(res.status, q).toBe(400);
      expect((await json(res)).error.code).toBe('BadRequest');
    }
    const forbidden = await list('', erp);
    expect(forbidden.status).toBe(403);
    expect((await json(forbidden)).error.code).toBe('Forbidden');
  });
});
