import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../helpers/databases';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { writerKey } from '../odata-write/write-client';
import { customer, startPair, switchableRelay, TENANT, type Pair } from './dual-running-setup';

const metric = async (gw: TestGateway, name: string, labels: Record<string, string>): Promise<number> => {
  const m = (await gw.metrics.registry.getMetricsAsJSON()).find((x) => x.name === name);
  const v = m?.values.find((x) => Object.entries(labels).every(([k, l]) => x.labels[k] === l));
  return Number(v?.value ?? 0);
};

async function rawServer(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

describe.each(testDialects())('the legacy upstream failing (%s)', (dialect) => {
  let p: Pair;
  let relay: Awaited<ReturnType<typeof switchableRelay>>;
  beforeAll(async () => {
    p = await startPair(dialect, {
      upstreamUrl: async (legacy) => ((relay = await switchableRelay(legacy.url)), `${relay.url}/odata`),
      breaker: { threshold: 3, halfOpenAfterMs: 600 },
    });
    await p.client.post('Customers', customer('1', 'Here'), { Prefer: 'return=minimal' });
    await p.legacyClient.post('Customers', customer('1', 'There'), { Prefer: 'return=minimal' });
    await p.route('Customers', 'upstream');
    await p.route('Products', 'shadow', 'local');
  });
  afterAll(async () => {
    await relay?.stop().catch(() => undefined);
    await p?.close();
  });

  it('answers 502 while failing, then 503 with Retry-After at once; local sets and shadow primaries are unaffected', async () => {
    expect((await p.client.get("Customers('1')")).body.Name).toBe('There');
    await relay.stop();
    for (let i = 0; i < 3; i++) {
      const failed = await p.client.get("Customers('1')");
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe('BadGateway');
    }
    const t0 = Date.now();
    const open = await p.client.get("Customers('1')");
    expect(Date.now() - t0).toBeLessThan(200);
    expect(open.status).toBe(503);
    expect(Number(open.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(open.body.error.code).toBe('ServiceUnavailable');
    const t1 = Date.now();
    expect((await p.client.get("Customers('1')/Contacts")).status).toBe(503); // routed by its first segment
    expect((await p.client.get('Contacts')).status).toBe(200);
    const skippedBefore = await metric(p.gw, 'gateway_legacy_shadow_comparisons_total', { result: 'skipped' });
    expect((await p.client.get('Products')).status).toBe(200);
    expect(Date.now() - t1).toBeLessThan(500);
    expect(await metric(p.gw, 'gateway_legacy_shadow_comparisons_total', { result: 'skipped' })).toBe(skippedBefore + 1);
    expect(await metric(p.gw, 'gateway_legacy_breaker_state', {})).toBe(1);
    expect(await metric(p.gw, 'gateway_legacy_upstream_requests_total', { outcome: 'rejected' })).toBeGreaterThanOrEqual(2);
  });

  it('recovers once the upstream is back and the breaker has gone half-open', async () => {
    await relay.start();
    await new Promise((r) => setTimeout(r, 700));
    const back = await p.client.get("Customers('1')");
    expect(back.status).toBe(200);
    expect(back.body.Name).toBe('There');
    expect(await metric(p.gw, 'gateway_legacy_breaker_state', {})).toBe(0);
  });
});

describe.each(testDialects())('forwarding to a raw upstream (%s)', (dialect) => {
  let gw: TestGateway | undefined;
  let upstream: { url: string; close(): Promise<void> } | undefined;
  afterEach(async () => {
    await gw?.close();
    await upstream?.close();
    gw = undefined;
    upstream = undefined;
  });

  it('answers 504 within the timeout when the upstream never answers', async () => {
    upstream = await rawServer(() => undefined); // accepts, never answers
    gw = await startTestGateway(dialect, { legacy: { upstreamUrl: `${upstream.url}/odata`, timeoutMs: 300 } });
    const key = await writerKey(gw, TENANT);
    await gw.legacyStore.setRoute(TENANT, { entitySet: 'Customers', mode: 'upstream', primary: 'upstream' });
    const t0 = Date.now();
    const res = await gw.request("/odata/Customers('1')", key);
    const ms = Date.now() - t0;
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GatewayTimeout');
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1500);
  });

  it('sends the stored credential and never the client\'s, relays only safe headers and rewrites the root', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    upstream = await rawServer((req, res) => {
      seen.push(req.headers);
      const root = `http://${req.headers.host}/legacy/odata`;
      res.writeHead(201, { 'Content-Type': 'application/json; odata.metadata=minimal', Location: `${root}/Customers('9')`, 'Set-Cookie': 'sid=upstream', Server: 'IIS', ETag: 'W/"1"' });
      res.end(JSON.stringify({ '@odata.context': `${root}/$metadata#Customers/$entity`, ID: '9' }));
    });
    gw = await startTestGateway(dialect, { legacy: { upstreamUrl: `${upstream.url}/legacy/odata` } });
    const key = await writerKey(gw, TENANT);
    await gw.legacyStore.setRoute(TENANT, { entitySet: 'Customers', mode: 'upstream', primary: 'upstream' });
    await gw.legacyStore.setUpstreamCredential(TENANT, { header: 'X-Legacy-Key', value: 'legacy-secret-for-acme' });
    const res = await gw.request('/odata/Customers?$select=ID', key, {
      method: 'POST',
      body: JSON.stringify({ ID: '9' }),
      headers: { 'Content-Type': 'application/json', Cookie: 'session=abc', Prefer: 'return=representation', 'X-Request-Id': 'trace-42' },
    });
    expect(res.status).toBe(201);
    const h = seen[0] ?? {};
    expect(h['x-legacy-key']).toBe('legacy-secret-for-acme');
    expect(h['x-api-key']).toBeUndefined();
    expect(h.authorization).toBeUndefined();
    expect(h.cookie).toBeUndefined();
    expect(h.prefer).toBe('return=representation');
    expect(h['x-request-id']).toBe('trace-42');
    expect(res.headers.get('location')).toBe(`${gw.url}/odata/Customers('9')`);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('server')).toBeNull();
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(((await res.json()) as Record<string, string>)['@odata.context']).toBe(`${gw.url}/odata/$metadata#Customers/$entity`);
    // Basic credentials of the client stay here too
    const [account, secret] = key.replace(/^erp-service\./, '').split(/\.(.*)/s);
    const basic = Buffer.from(`erp-service.${account}:${secret}`).toString('base64');
    const viaBasic = await fetch(`${gw.url}/odata/Customers`, { headers: { Authorization: `Basic ${basic}` } });
    expect(viaBasic.status).toBe(201);
    expect(seen[1]?.authorization).toBeUndefined();
  });

  it('skips and counts shadow comparisons beyond LEGACY_SHADOW_CONCURRENCY, never calling upstream for them', async () => {
    let calls = 0;
    upstream = await rawServer((_req, res) => (calls++, res.writeHead(200, { 'Content-Type': 'application/json' }), res.end('{"value":[]}')));
    gw = await startTestGateway(dialect, { legacy: { upstreamUrl: `${upstream.url}/odata`, shadowConcurrency: 0 } });
    const key = await writerKey(gw, TENANT);
    await gw.legacyStore.setRoute(TENANT, { entitySet: 'Products', mode: 'shadow', primary: 'local' });
    expect((await gw.request('/odata/Products', key)).status).toBe(200);
    expect((await gw.request('/odata/Products', key)).status).toBe(200);
    expect(await metric(gw, 'gateway_legacy_shadow_comparisons_total', { result: 'skipped' })).toBe(2);
    expect(calls).toBe(0);
  });

  it('answers 503 naming LEGACY_UPSTREAM_URL when a set is routed upstream without one', async () => {
    gw = await startTestGateway(dialect);
    const key = await writerKey(gw, TENANT);
    await gw.legacyStore.setRoute(TENANT, { entitySet: 'Customers', mode: 'shadow', primary: 'local' });
    const res = await gw.request('/odata/Customers', key);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/LEGACY_UPSTREAM_URL/);
    expect((await gw.request('/odata/Products', key)).status).toBe(200);
  });
});
