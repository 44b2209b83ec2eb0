// A single-valued navigation that points at nothing (the root category's Parent, a product without
// category) is 204 No Content over HTTP (Protocol §11.2.6), also inside a $batch; a missing entity
// on the path is still a 404, and so is another tenant's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { seedFixtures } from './fixtures';

describe.each(testDialects())('null single-valued navigation on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    await seedFixtures(gw.database.db);
    key = (await gw.account('acme')).apiKey;
  });
  afterAll(() => gw.close());

  it('answers 204 without a body for an existing entity whose navigation is null', async () => {
    const res = await gw.request('/odata/Categories(1)/Parent', key);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('odata-version')).toBe('4.0');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('still answers 404 when the entity itself is missing', async () => {
    const res = await gw.request('/odata/Categories(999)/Parent', key);
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe('NotFound');
  });

  it('reads a navigation that is set as before', async () => {
    const res = await gw.request('/odata/Categories(3)/Parent', key);
    expect(res.status).toBe(200);
    expect((await json(res)).ID).toBe(2);
  });

  it('answers 204 for the same read inside a JSON $batch', async () => {
    const res = await gw.request('/odata/$batch', key, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: 'Categories(1)/Parent' }, { id: '2', method: 'GET', url: 'Categories(999)/Parent' }] }),
    });
    expect(res.status).toBe(200);
    const parts = (await json(res)).responses as Array<{ id: string; status: number; body?: unknown }>;
    expect(parts.map((p) => [p.id, p.status])).toEqual([['1', 204], ['2', 404]]);
    expect(parts[0]?.body).toBeUndefined();
  });
});
