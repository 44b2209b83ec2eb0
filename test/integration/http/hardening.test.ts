// Transport hardening: TRACE refused, bodies over 10 MiB refused with 413, tenant data never cached,
// CORS only for configured origins, errors that never echo a credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { rawRequest } from '../../helpers/raw-request';

describe.each(testDialects())('HTTP hardening on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect, { corsOrigins: ['https://shop.example.com'] });
    key = await gw.keyFor('acme');
  });
  afterAll(() => gw.close());

  it('refuses TRACE on every path with 405, an Allow header and an OData error', async () => {
    for (const path of ['/odata/Customers', '/health/live', '/api/admin/tenants', '/']) {
      const res = await rawRequest(`${gw.url}${path}`, 'TRACE', { 'X-API-Key': key });
      expect(res.status, path).toBe(405);
      expect(res.headers.allow).toContain('GET');
      expect(JSON.parse(res.body).error.code).toBe('MethodNotAllowed');
      expect(res.body).not.toContain(key);
    }
  });

  it('refuses TRACK too (Node rejects the unknown method before the app)', async () => {
    const res = await rawRequest(`${gw.url}/odata`, 'TRACK', { 'X-API-Key': key }).catch(() => ({ status: 400 }));
    expect([400, 405]).toContain(res.status);
  });

  it('answers 413 with an OData error for an /odata body over 10 MiB', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const res = await gw.request('/odata/Customers', key, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('PayloadTooLarge');
  });

  it('answers 413 for a chunked /odata body that grows past 10 MiB', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 11) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await gw.request('/odata/Customers', key, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('PayloadTooLarge');
  });

  it('accepts an /odata body up to the limit (the route decides what to do with it)', async () => {
    const res = await gw.request('/odata/Customers', key, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).not.toBe(413);
  });

  it('marks /odata and /api answers, errors included, as never to be stored', async () => {
    expect((await gw.request('/odata/Customers', key)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${gw.url}/odata/Customers`)).headers.get('cache-control')).toBe('no-store');
    expect((await gw.request('/api/admin/tenants', key)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${gw.url}/api/admin/tenants`)).headers.get('cache-control')).toBe('no-store');
  });

  it('sends the API security headers on data and error answers, and no document-only ones', async () => {
    for (const res of [await gw.request('/odata/Customers', key), await fetch(`${gw.url}/odata/Customers`)]) {
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      for (const documentOnly of ['cross-origin-opener-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection', 'x-powered-by', 'strict-transport-security']) {
        expect(res.headers.get(documentOnly), documentOnly).toBeNull();
      }
    }
  });

  it('never echoes a presented credential in an error', async () => {
    const wrong = `${key.slice(0, -6)}ZZZZZZ`;
    const attempts: RequestInit[] = [{ headers: { 'X-API-Key': wrong } }, { headers: { Authorization: `Bearer ${wrong}` } }];
    for (const init of attempts) {
      const res = await fetch(`${gw.url}/odata/Customers`, init);
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(text).not.toContain('ZZZZZZ');
      expect([...res.headers.values()].join(' ')).not.toContain('ZZZZZZ');
    }
  });

  it('answers CORS preflights only for configured origins', async () => {
    const preflight = (origin: string) => fetch(`${gw.url}/odata/Customers`, {
      method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-api-key' },
    });
    const ok = await preflight('https://shop.example.com');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(ok.headers.get('access-control-allow-headers')).toContain('X-API-Key');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await gw.request('/odata/Customers', key, { headers: { Origin: 'https://shop.example.com' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(get.headers.get('access-control-expose-headers')).toContain('RateLimit');
    expect(get.headers.get('vary')).toMatch(/Origin/);
  });
});

describe('CORS off by default', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(() => gw.close());

  it('sends no CORS headers without CORS_ORIGINS', async () => {
    const res = await fetch(`${gw.url}/odata/Customers`, { method: 'OPTIONS', headers: { Origin: 'https://shop.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
