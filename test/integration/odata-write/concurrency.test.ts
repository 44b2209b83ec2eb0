// Optimistic concurrency as RESTier does it: If-Match required on PATCH/PUT/DELETE of entities with
// a Version (428), stale → 412, `*` accepted, ODATA_REQUIRE_IF_MATCH=false makes it optional —
// and no lost update: of 20 simultaneous PATCHes with the same ETag exactly one succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { customer, eventsOf, writeClient, writerKey, type WriteClient } from './write-client';

describe.each(testDialects())('optimistic concurrency on %s', (dialect) => {
  let gw: TestGateway;
  let w: WriteClient;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    w = writeClient(gw, await writerKey(gw, 'acme'));
    await w.post('Customers', customer('10001'));
    await w.post('Categories', { ID: 1, Name: 'Root' });
  });
  afterAll(() => gw.close());

  it('428 PreconditionRequired for PATCH, PUT and DELETE without If-Match', async () => {
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const res = await w.send(method, "Customers('10001')", method === 'DELETE' ? undefined : { Name: 'x' });
      expect(res.status, method).toBe(428);
      expect(res.body.error.code).toBe('PreconditionRequired');
    }
  });

  it('needs no If-Match for an entity without a Version (Category)', async () => {
    expect((await w.send('PATCH', 'Categories(1)', { Name: 'All' })).status).toBe(204);
    expect((await w.patch('Categories(1)', { Name: 'All' }, 'W/"1"')).status).toBe(412);
  });

  it('412 PreconditionFailed for a stale ETag; nothing changes', async () => {
    expect((await w.patch("Customers('10001')", { Name: 'First' }, 'W/"1"')).status).toBe(204);
    const stale = await w.patch("Customers('10001')", { Name: 'Second' }, 'W/"1"');
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('PreconditionFailed');
    expect((await w.put("Customers('10001')", { Name: 'Second' }, 'W/"1"')).status).toBe(412);
    expect((await w.del("Customers('10001')", 'W/"1"')).status).toBe(412);
    expect((await w.get("Customers('10001')")).body).toMatchObject({ Name: 'First', Version: 2 });
  });

  it('accepts If-Match: *, a strong-form tag and a list naming the current ETag', async () => {
    expect((await w.patch("Customers('10001')", { Name: 'Star' }, '*')).headers.get('etag')).toBe('W/"3"');
    expect((await w.patch("Customers('10001')", { Name: 'Strong' }, '"3"')).status).toBe(204);
    expect((await w.patch("Customers('10001')", { Name: 'Listed' }, 'W/"1", W/"4"')).status).toBe(204);
  });

  it('lets exactly one of 20 simultaneous PATCHes with the same ETag through; the rest get 412', async () => {
    const etag = (await w.get("Customers('10001')")).headers.get('etag') ?? '';
    const before = (await eventsOf(gw, 'acme')).length;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => w.patch("Customers('10001')", { Name: `Writer ${i}` }, etag)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = results.findIndex((r) => r.status === 204);
    expect((await w.get("Customers('10001')")).body.Name).toBe(`Writer ${winner}`);
    expect((await eventsOf(gw, 'acme')).length).toBe(before + 1);
  });
});

describe.each(testDialects())('ODATA_REQUIRE_IF_MATCH=false on %s', (dialect) => {
  let gw: TestGateway;
  let w: WriteClient;
  beforeAll(async () => {
    gw = await startTestGateway(dialect, { odataRequireIfMatch: false });
    w = writeClient(gw, await writerKey(gw, 'acme'));
    await w.post('Customers', customer('10001'));
  });
  afterAll(() => gw.close());

  it('makes If-Match optional, but still checks it when sent', async () => {
    expect((await w.send('PATCH', "Customers('10001')", { Name: 'No If-Match' })).status).toBe(204);
    expect((await w.patch("Customers('10001')", { Name: 'Stale' }, 'W/"1"')).status).toBe(412);
    expect((await w.send('DELETE', "Customers('10001')")).status).toBe(204);
  });
});
