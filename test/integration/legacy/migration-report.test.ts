// The migration report (issue #5) on both dialects: request counts by surface and entity set from
// seeded audit rows (SQL aggregation, day and hour buckets), shadow evidence from recorded
// comparisons, the verdict rules, real traffic classified end to end, and the admin route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { migrationReporter } from '../../../src/legacy/report/migration-report';
import type { TenantReport } from '../../../src/legacy/report/report-types';

const FROM = new Date('2026-03-01T00:00:00Z');
const TO = new Date('2026-03-08T00:00:00Z');
let seq = 1_000_000; // far above what the gateway's own audit writer reaches in this test

type Seed = { tenant?: string; operation: string; target: string | null; at: string; kind?: 'erp' | 'admin'; times?: number };

async function seedAudit(gw: TestGateway, seeds: readonly Seed[]): Promise<void> {
  const rows = seeds.flatMap((s) => Array.from({ length: s.times ?? 1 }, () => ({
    tenant_id: s.tenant ?? 'acme', seq: seq++, at: new Date(s.at).toISOString(), at_ms: Date.parse(s.at), request_id: `seed-${seq}`,
    principal_kind: s.kind ?? 'erp', account_id: 'sa_seed', operation: s.operation, target: s.target, method: 'GET', status: 200,
    rows_read: 1, rows_written: 0, duration_ms: 3, client_address: null, prev_hash: '0'.repeat(64), hash: '0'.repeat(64),
  })));
  await gw.database.db.knex.batchInsert('audit_log', rows, 100);
}

const setOf = (t: TenantReport | undefined, name: string) => t?.entitySets.find((s) => s.entitySet === name);

describe.each(testDialects())('migration report on %s', (dialect) => {
  let gw: TestGateway;
  let admin: string;
  let acme: TenantReport | undefined;
  let beta: TenantReport | undefined;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    admin = await gw.adminKey();
    await gw.keyFor('acme');
    await gw.keyFor('beta');
    const store = gw.legacyStore;
    await store.setRoute('acme', { entitySet: 'Products', mode: 'shadow', primary: 'local' });
    await store.setRoute('acme', { entitySet: 'Contacts', mode: 'upstream', primary: 'upstream' });
    await store.setRoute('acme', { entitySet: 'PriceAgreements', mode: 'shadow', primary: 'upstream' });
    await seedAudit(gw, [
      { operation: 'customers.read', target: "Customers('1')", at: '2026-03-02T10:00:00Z', times: 3 },
      { operation: 'customers.read', target: 'Customers', at: '2026-03-05T08:30:00Z', times: 2 },
      { operation: 'customers.write', target: '/api/erp/customers/sync', at: '2026-03-05T09:00:00Z', times: 4 },
      { operation: 'products.write', target: '/api/erp/products/P-1', at: '2026-03-06T09:00:00Z' },
      { operation: 'prices.read', target: 'PriceAgreements', at: '2026-03-07T12:00:00Z' },
      { operation: 'odata.batch', target: '$batch', at: '2026-03-07T20:00:00Z', times: 2 },
      { operation: 'access.validate', target: '/api/erp/access/validate', at: '2026-03-03T00:00:00Z' },
      { operation: 'customers.read', target: 'Customers', at: '2026-02-20T00:00:00Z' }, // before the window
      { operation: 'customers.read', target: 'Customers', at: '2026-03-08T00:00:00Z' }, // `to` is exclusive
      { operation: 'auth.token', target: '/api/auth/token', at: '2026-03-04T00:00:00Z' }, // neither surface
      { operation: 'admin.legacy-routes.list', target: '/api/admin/legacy/routes', at: '2026-03-04T00:00:00Z', kind: 'admin' },
    ]);
    const cmp = (tenantId: string, entitySet: string, at: string, differs = false, requestId = 'c') =>
      store.recordComparison({
        tenantId, entitySet, atMs: Date.parse(at), requestId, request: `GET /${entitySet}`, primary: 'local',
        ...(differs ? { difference: { path: `/value/0/${requestId}`, primaryValue: '"a"', secondaryValue: '"b"' } } : {}),
      });
    for (let i = 0; i < 10; i++) await cmp('acme', 'Customers', '2026-03-03T10:00:00Z');
    for (let i = 0; i < 7; i++) await cmp('acme', 'Products', `2026-03-06T1${i}:00:00Z`, i < 6, `d${i}`);
    await cmp('acme', 'Products', '2026-01-01T00:00:00Z', true, 'old'); // differs, but outside the window
    await cmp('acme', 'PriceAgreements', '2026-03-04T00:00:00Z');
    for (const set of ['Customers', 'Contacts', 'Products', 'Categories', 'PriceAgreements']) await cmp('beta', set, '2026-02-01T00:00:00Z');
    await store.setSurface('beta', { state: 'off', sunset: '2026-03-01T00:00:00Z' });
    await seedAudit(gw, [{ tenant: 'beta', operation: 'customers.read', target: 'Customers', at: '2026-03-07T23:00:00Z' }]);
    const report = await migrationReporter(gw.database.db, gw.legacyStore)({ from: FROM, to: TO });
    acme = report.tenants.find((t) => t.tenant === 'acme');
    beta = report.tenants.find((t) => t.tenant === 'beta');
  });
  afterAll(() => gw.close());

  it('counts requests per entity set and surface in the window, in day buckets', () => {
    expect(setOf(acme, 'Customers')).toMatchObject({ odata: 5, erp: 4, mode: 'local', primary: 'local', explicit: false });
    const series = setOf(acme, 'Customers')?.series ?? [];
    expect(series).toHaveLength(7);
    expect(series[1]).toEqual({ bucket: '2026-03-02T00:00:00.000Z', odata: 3, erp: 0 });
    expect(series[4]).toEqual({ bucket: '2026-03-05T00:00:00.000Z', odata: 2, erp: 4 });
    expect(setOf(acme, 'Products')).toMatchObject({ odata: 0, erp: 1 });
    expect(setOf(acme, 'PriceAgreements')).toMatchObject({ odata: 1, erp: 0 });
    expect(acme?.otherRequests).toMatchObject({ odata: 2, erp: 1 });
  });

  it('summarises legacy OData traffic in the 24 h before the end of the window', () => {
    expect(acme?.legacyLast24h).toEqual({ requests: 3, lastAt: '2026-03-07T20:00:00.000Z', byTarget: { PriceAgreements: 1, $batch: 2 } });
  });

  it('reports shadow comparisons, the difference rate and the newest five differences per set', () => {
    expect(setOf(acme, 'Customers')?.shadow).toMatchObject({ compared: 10, differed: 0, differenceRate: 0, comparedEver: 10, latestDifferences: [] });
    const products = setOf(acme, 'Products')?.shadow;
    expect(products).toMatchObject({ compared: 7, differed: 6, comparedEver: 8, lastComparedHour: '2026-03-06T16:00:00.000Z' });
    expect(products?.differenceRate).toBeCloseTo(6 / 7);
    expect(products?.latestDifferences.map((d) => d.requestId)).toEqual(['d5', 'd4', 'd3', 'd2', 'd1']);
    expect(products?.latestDifferences[0]).toEqual({
      at: '2026-03-06T15:00:00.000Z', requestId: 'd5', request: 'GET /Products', primary: 'local', path: '/value/0/d5', primaryValue: '"a"', secondaryValue: '"b"',
    });
    expect(setOf(acme, 'Categories')?.shadow).toMatchObject({ compared: 0, differenceRate: null, comparedEver: 0, lastComparedHour: null });
  });

  it('blocks switching off for every rule that applies, one readable sentence each', () => {
    expect(acme?.verdict.canSwitchOff).toBe(false);
    const blockers = acme?.verdict.blockers ?? [];
    expect(blockers).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Contacts is still served by the legacy service \(mode upstream\)/),
      expect.stringMatching(/^PriceAgreements is shadowed with the legacy service answering clients/),
      expect.stringMatching(/^Products: 6 of 7 shadow comparisons in the window differed \(85\.7 %\).*\/value\/0\/d5/),
      expect.stringMatching(/^Categories is served by the gateway but was never shadow-compared/),
      expect.stringMatching(/^Clients used the legacy OData surface 3 times in the last 24 h .*\$batch 2, PriceAgreements 1/),
    ]));
    expect(blockers).toHaveLength(5);
    expect(acme?.verdict.notes).toEqual(expect.arrayContaining([expect.stringMatching(/No Deprecation or Sunset/), expect.stringMatching(/Still shadowed with the gateway primary: Products/)]));
  });

  it('lets a fully migrated tenant switch off; refused traffic on an off surface is only a note', () => {
    expect(beta?.surface).toMatchObject({ state: 'off', sunset: '2026-03-01T00:00:00.000Z' });
    expect(beta?.verdict).toEqual({
      canSwitchOff: true,
      blockers: [],
      notes: [expect.stringMatching(/^1 legacy OData requests in the last 24 h were refused/), 'The legacy surface is already off.'],
    });
  });

  it('buckets by hour when asked, and bounds the range', async () => {
    const report = await migrationReporter(gw.database.db, gw.legacyStore)({ tenant: 'acme', from: FROM, to: TO, granularity: 'hour' });
    const series = report.tenants[0]?.entitySets.find((s) => s.entitySet === 'Customers')?.series ?? [];
    expect(series).toHaveLength(168);
    expect(series.find((p) => p.bucket === '2026-03-05T08:00:00.000Z')).toEqual({ bucket: '2026-03-05T08:00:00.000Z', odata: 2, erp: 0 });
    expect(series.find((p) => p.bucket === '2026-03-05T09:00:00.000Z')).toEqual({ bucket: '2026-03-05T09:00:00.000Z', odata: 0, erp: 4 });
    await expect(migrationReporter(gw.database.db, gw.legacyStore)({ from: new Date('2025-01-01T00:00:00Z'), to: TO, granularity: 'hour' })).rejects.toMatchObject({ status: 400 });
  });

  it('serves the report at GET /api/admin/migration with query validation and 404 for an unknown tenant', async () => {
    const res = await gw.request(`/api/admin/migration?tenant=acme&from=${FROM.toISOString()}&to=${TO.toISOString()}`, admin);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ from: FROM.toISOString(), to: TO.toISOString(), granularity: 'day' });
    expect(body.tenants.map((t: { tenant: string }) => t.tenant)).toEqual(['acme']);
    expect(body.tenants[0].verdict.canSwitchOff).toBe(false);
    expect((await gw.request('/api/admin/migration?tenant=nobody', admin)).status).toBe(404);
    expect((await gw.request('/api/admin/migration?granularity=week', admin)).status).toBe(400);
    expect((await gw.request('/api/admin/migration?from=yesterday', admin)).status).toBe(400);
    expect((await gw.request(`/api/admin/migration?from=${TO.toISOString()}&to=${FROM.toISOString()}`, admin)).status).toBe(400);
    const byDefault = await json(await gw.request('/api/admin/migration', admin));
    expect(Date.parse(byDefault.to) - Date.parse(byDefault.from)).toBe(7 * 86_400_000);
  });

  it('classifies real traffic: /odata reads as legacy, /api/erp writes as the new API', async () => {
    const key = await gw.keyFor('gamma');
    expect((await gw.request('/odata/Customers', key)).status).toBe(200);
    expect((await gw.request('/odata/$metadata', key)).status).toBe(200);
    const sync = await gw.request('/api/erp/customers/sync', key, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ customers: [{ ID: 'G1', Name: 'Gamma' }] }) });
    expect(sync.status).toBe(200);
    await gw.audit.flush();
    const report = await migrationReporter(gw.database.db, gw.legacyStore)({ tenant: 'gamma', granularity: 'hour' });
    const gamma = report.tenants[0];
    expect(setOf(gamma, 'Customers')).toMatchObject({ odata: 1, erp: 1 });
    expect(gamma?.otherRequests.odata).toBe(1);
    expect(gamma?.legacyLast24h).toMatchObject({ requests: 2, byTarget: { Customers: 1, $metadata: 1 } });
  });
});
