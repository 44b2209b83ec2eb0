// Tenant isolation through the full HTTP pipeline: two tenants with the SAME keys; nothing of one
// may be seen from the other — by key, widened $filter, $expand, counts, $search or paging tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { seedTenant } from '../../../src/data/seed/seed-tenant';

describe.each(testDialects())('cross-tenant isolation on %s', (dialect) => {
  let gw: TestGateway;
  let keyA: string;
  let keyB: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect, { authFailuresPerMinute: 10_000 });
    keyA = await gw.keyFor('tenant-a');
    keyB = await gw.keyFor('tenant-b');
    await seedTenant(gw.database.db, 'tenant-a', { customers: 30, products: 30, seed: 1 });
    await seedTenant(gw.database.db, 'tenant-b', { customers: 5, products: 5, seed: 2 });
    // a row only tenant A has, under a key tenant B lacks
    await gw.request('/odata/Customers', keyA, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ID: 'ONLY-A', Name: 'Only in A' }),
    });
  });
  afterAll(() => gw.close());

  it('answers 404 for another tenant’s entity in every entity set, exactly like a missing one', async () => {
    for (const path of ["Customers('ONLY-A')", "Customers('10020')", "Products('A-100020')", "Contacts('10020-1')"]) {
      const other = await gw.request(`/odata/${path}`, keyB);
      const missing = await gw.request(`/odata/${path.replace(/'\)$/, "-nope')")}`, keyB);
      expect(other.status, path).toBe(404);
      expect(await json(other)).toEqual(await json(missing));
    }
  });

  it('cannot widen a $filter past the tenant with `or true`', async () => {
    const res = await gw.request(`/odata/Customers?$filter=${encodeURIComponent("ID eq 'x' or true")}&$count=true`, keyB);
    const body = await json(res);
    expect(body['@odata.count']).toBe(5);
    expect(body.value.map((c: { ID: string }) => c.ID)).not.toContain('ONLY-A');
  });

  it('counts, searches and expands only the caller’s rows', async () => {
    expect(await (await gw.request('/odata/Customers/$count', keyB)).text()).toBe('5');
    const searched = await json(await gw.request('/odata/Customers?$search=Only', keyB));
    expect(searched.value).toEqual([]);
    const expanded = await json(await gw.request('/odata/Customers?$expand=Contacts', keyB));
    for (const c of expanded.value) for (const ct of c.Contacts) expect(ct.CustomerID).toBe(c.ID);
    const ids = new Set(expanded.value.map((c: { ID: string }) => c.ID));
    expect(ids.size).toBe(5);
  });

  it('makes a nextLink from tenant A useless to tenant B', async () => {
    const first = await json(await gw.request('/odata/Customers?$orderby=ID', keyA, { headers: { Prefer: 'odata.maxpagesize=25' } }));
    const next = new URL(first['@odata.nextLink'] as string);
    const fromB = await gw.request(`${next.pathname}${next.search}`, keyB);
    expect(fromB.status).toBe(200);
    const body = await json(fromB);
    // B sees only its own rows after the position — never A's 26th row onwards
    const bIds = new Set((await json(await gw.request('/odata/Customers', keyB))).value.map((c: { ID: string }) => c.ID));
    for (const c of body.value) expect(bIds.has(c.ID)).toBe(true);
    expect(body.value.map((c: { ID: string }) => c.ID)).not.toContain('ONLY-A');
  });

  it('refuses writes to another tenant’s entity as not found', async () => {
    const res = await gw.request("/odata/Customers('ONLY-A')", keyB, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ Name: 'hijacked' }),
    });
    expect(res.status).toBe(404);
    const still = await json(await gw.request("/odata/Customers('ONLY-A')", keyA));
    expect(still.Name).toBe('Only in A');
  });
});
