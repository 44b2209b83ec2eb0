import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../helpers/databases';
import { customer, eventually, startPair, TENANT, type Pair } from './dual-running-setup';

interface DifferenceRow { tenant_id: string; entity_set: string; request: string; primary_side: string; first_path: string; primary_value: string; secondary_value: string }

describe.each(testDialects())('dual running beside a legacy OData service (%s)', (dialect) => {
  let p: Pair;
  const differences = (p: Pair) => p.gw.database.db.knex<DifferenceRow>('shadow_differences').where({ tenant_id: TENANT }).orderBy('id');
  const comparedCount = async (p: Pair): Promise<number> =>
    (await p.gw.database.db.knex('shadow_comparison_counts').where({ tenant_id: TENANT })).reduce((n: number, r: { compared: number | string }) => n + Number(r.compared), 0);

  beforeAll(async () => {
    p = await startPair(dialect);
    // the same key on both sides, with a different name: whoever answers shows itself
    const minimal = { Prefer: 'return=minimal' };
    expect((await p.client.post('Customers', customer('1', 'Here'), minimal)).status).toBe(204);
    expect((await p.legacyClient.post('Customers', customer('1', 'There'), minimal)).status).toBe(204);
    expect((await p.client.post('Customers', customer('2', 'Same'), minimal)).status).toBe(204);
    expect((await p.legacyClient.post('Customers', customer('2', 'Same'), minimal)).status).toBe(204);
  });
  afterAll(async () => p?.close());

  it('serves an upstream set from the legacy side, with URLs rewritten to ours and our headers kept', async () => {
    await p.route('Customers', 'upstream');
    const res = await p.gw.request("/odata/Customers('1')", p.key, { headers: { 'X-Request-Id': 'req-upstream-1' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.Name).toBe('There');
    expect(body['@odata.context']).toBe(`${p.gw.url}/odata/$metadata#Customers/$entity`);
    expect(res.headers.get('etag')).toBe('W/"1"');
    expect(res.headers.get('x-request-id')).toBe('req-upstream-1');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('ratelimit-policy')).toMatch(/;w=60$/);
    const list = (await (await p.gw.request('/odata/Customers', p.key, { headers: { Prefer: 'odata.maxpagesize=1' } })).json()) as Record<string, string>;
    expect(list['@odata.nextLink']?.startsWith(`${p.gw.url}/odata/Customers?`)).toBe(true);
    // a set still local answers from our database
    expect((await p.client.get("Customers('1')/Contacts")).status).toBe(200);
    await p.route('Customers', 'local');
    expect((await p.client.get("Customers('1')")).body.Name).toBe('Here');
  });

  it('sends writes of an upstream set to the legacy database, answering with our Location', async () => {
    await p.route('Customers', 'upstream');
    const created = await p.client.post('Customers', customer('3', 'Written upstream'));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${p.gw.url}/odata/Customers('3')`);
    const patched = await p.client.patch("Customers('3')", { Name: 'Patched upstream' }, 'W/"1"');
    expect(patched.status).toBe(204);
    expect((await p.legacyClient.get("Customers('3')")).body.Name).toBe('Patched upstream');
    await p.route('Customers', 'local');
    expect((await p.client.get("Customers('3')")).status).toBe(404);
  });

  it('authorizes before forwarding: a missing grant is our 403 and nothing leaves', async () => {
    await p.route('Customers', 'upstream');
    const narrow = await p.gw.keyFor(TENANT, ['products.read']);
    const res = await p.gw.request("/odata/Customers('1')", narrow);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/customers\.read/);
    const expandDenied = await p.gw.request("/odata/Customers('1')?$expand=Contacts", await p.gw.keyFor(TENANT, ['customers.read']));
    expect(expandDenied.status).toBe(403);
    await p.route('Customers', 'local');
  });

  // CreatedAt/ModifiedAt are stamped by each side when the rows are seeded, so the reads select what both sides were given
  it('records a seeded disagreement in shadow mode (local primary) and not an agreement', async () => {
    await p.route('Customers', 'shadow', 'local');
    const before = await comparedCount(p);
    const res = await p.client.get("Customers('1')?$select=ID,Name");
    expect(res.body.Name).toBe('Here');
    expect((await p.client.get("Customers('2')?$select=ID,Name")).body.Name).toBe('Same');
    await eventually(async () => ((await comparedCount(p)) >= before + 2 ? true : undefined));
    const rows = (await differences(p)).filter((r) => r.request === "GET /Customers('1')?$select=ID,Name" && r.primary_side === 'local');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity_set: 'Customers', first_path: '/Name', primary_value: '"Here"', secondary_value: '"There"' });
    expect((await differences(p)).some((r) => r.request.includes("Customers('2')"))).toBe(false);
    await p.route('Customers', 'local');
  });

  it('with the legacy side primary, answers from it and compares with the local read in the background', async () => {
    await p.route('Customers', 'shadow', 'upstream');
    expect((await p.client.get("Customers('1')?$select=ID,Name")).body.Name).toBe('There');
    const row = await eventually(async () => (await differences(p)).find((r) => r.primary_side === 'upstream'));
    expect(row).toMatchObject({ first_path: '/Name', primary_value: '"There"', secondary_value: '"Here"', request: "GET /Customers('1')?$select=ID,Name" });
    // writes in shadow go to the primary only
    expect((await p.client.patch("Customers('2')", { Name: 'Renamed upstream' }, '*')).status).toBe(204);
    expect((await p.legacyClient.get("Customers('2')")).body.Name).toBe('Renamed upstream');
    await p.route('Customers', 'local');
    expect((await p.client.get("Customers('2')")).body.Name).toBe('Same');
    await p.legacyClient.patch("Customers('2')", { Name: 'Same' }, '*');
  });

  it('switches a set upstream → shadow → local at run time with no failed request', async () => {
    await p.route('Customers', 'upstream');
    const statuses: number[] = [];
    let running = true;
    const load = Array.from({ length: 4 }, async () => {
      while (running) statuses.push((await p.gw.request("/odata/Customers('2')", p.key)).status);
    });
    for (const [mode, primary] of [['shadow', 'upstream'], ['shadow', 'local'], ['local', 'local']] as const) {
      await new Promise((r) => setTimeout(r, 150));
      await p.route('Customers', mode, primary);
    }
    await new Promise((r) => setTimeout(r, 150));
    running = false;
    await Promise.all(load);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('serves $batch on the side all sets agree on and refuses a split with 409 naming the sets', async () => {
    const batch = { requests: [{ id: '1', method: 'GET', url: "Customers('1')" }] };
    await p.route('Customers', 'upstream');
    const split = await p.client.post('$batch', batch);
    expect(split.status).toBe(409);
    expect(split.body.error.message).toMatch(/served by the legacy service: Customers.*lockstep/);
    for (const s of ['Customers', 'Contacts', 'Products', 'Categories', 'PriceAgreements']) await p.route(s, 'upstream');
    const forwarded = await p.client.post('$batch', batch);
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.responses[0].body.Name).toBe('There');
    // absolute part URLs name our root and are sent with the upstream's; `$new` references are authorized by the set they name
    const linked = await p.client.post('$batch', { requests: [
      { id: 'abs', method: 'GET', url: `${p.gw.url}/odata/Customers('1')?$select=Name` },
      { id: 'new', method: 'POST', url: 'Customers', atomicityGroup: 'g', body: customer('B-1', 'Batched upstream'), headers: { 'Content-Type': 'application/json' } },
      { id: 'nav', method: 'GET', url: '$new/Contacts', dependsOn: ['g'] },
    ] });
    expect(linked.status).toBe(200);
    expect(linked.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 201, 200]);
    expect(linked.body.responses[0].body.Name).toBe('There');
    expect((await p.legacyClient.get("Customers('B-1')")).body.Name).toBe('Batched upstream');
    const noContacts = await p.gw.keyFor(TENANT, ['customers.read', 'customers.write']);
    const refDenied = await p.gw.request('/odata/$batch', noContacts, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ requests: [
      { id: 'n', method: 'POST', url: 'Customers', body: customer('B-2', 'x'), headers: { 'Content-Type': 'application/json' } },
      { id: 'c', method: 'GET', url: '$n/Contacts', dependsOn: ['n'] },
    ] }) });
    expect(refDenied.status).toBe(403);
    expect(((await refDenied.json()) as { error: { message: string } }).error.message).toMatch(/contacts\.read/);
    const denied = await p.gw.request('/odata/$batch', await p.gw.keyFor(TENANT, ['products.read']), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batch) });
    expect(denied.status).toBe(403);
    for (const s of ['Customers', 'Contacts', 'Products', 'Categories', 'PriceAgreements']) await p.route(s, 'local');
    expect((await p.client.post('$batch', batch)).body.responses[0].body.Name).toBe('Here');
  });

  it('runs the surface lifecycle: headers on every answer, read-only refuses writes, off refuses all', async () => {
    const link = 'https://docs.example.com/erp-migration';
    await p.gw.legacyStore.setSurface(TENANT, { state: 'read-only', deprecation: '2026-01-01T00:00:00.000Z', sunset: '2027-06-30T00:00:00.000Z', link });
    const read = await p.gw.request("/odata/Customers('1')", p.key);
    expect(read.status).toBe(200);
    expect(read.headers.get('deprecation')).toBe('@1767225600');
    expect(read.headers.get('sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
    expect(read.headers.get('link')).toBe(`<${link}>; rel="deprecation", <${link}>; rel="sunset"`);
    const write = await p.client.patch("Customers('1')", { Name: 'x' });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toMatch(/read-only.*\/api\/erp/);
    expect(write.headers.get('deprecation')).toBe('@1767225600');
    const writeBatch = await p.client.post('$batch', { requests: [{ id: '1', method: 'DELETE', url: "Customers('1')", headers: { 'If-Match': '*' } }] });
    expect(writeBatch.status).toBe(403);
    expect((await p.client.post('$batch', { requests: [{ id: '1', method: 'GET', url: "Customers('1')" }] })).status).toBe(200);
    await p.gw.legacyStore.setSurface(TENANT, { state: 'off' });
    for (const path of ["Customers('1')", '$metadata', '']) {
      const off = await p.client.get(path);
      expect(off.status).toBe(403);
      expect(off.body.error.message).toMatch(/switched off.*\/api\/erp/);
    }
    await p.gw.legacyStore.setSurface(TENANT, { state: 'read-write' });
    const after = await p.gw.request("/odata/Customers('1')", p.key);
    expect(after.headers.get('deprecation')).toBeNull();
  });
});
