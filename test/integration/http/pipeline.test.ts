import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';

describe.each(testDialects())('HTTP pipeline on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect, { metricsToken: 'metrics-secret-token' });
    key = await gw.keyFor('acme');
  });
  afterAll(() => gw.close());

  it('answers liveness and readiness without a credential', async () => {
    expect((await fetch(`${gw.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${gw.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: 'ok' });
  });

  it('refuses every OData URL without a key with one uniform 401 and a Basic challenge', async () => {
    for (const path of ['/odata', '/odata/$metadata', '/odata/Customers', "/odata/Customers('1')"]) {
      const res = await fetch(`${gw.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(await json(res)).toEqual({ error: { code: 'Unauthorized', message: 'Missing or invalid credentials.' } });
    }
  });

  it('gives the same 401 for a malformed, unknown or wrong-tenant key', async () => {
    const forged = key.replace('erp-service.acme.', 'erp-service.other.');
    const wrongSecret = `${key.slice(0, -4)}AAAA`;
    for (const bad of ['nonsense', forged, wrongSecret, `${key}x`]) {
      const res = await gw.request('/odata/Customers', bad);
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('Unauthorized');
    }
  });

  it('accepts the key as X-API-Key and as Basic credentials', async () => {
    expect((await gw.request('/odata', key)).status).toBe(200);
    const [, tenant, secret] = /^(erp-service\.[a-z0-9-]+)\.(.+)$/.exec(key)!;
    const basic = Buffer.from(`${tenant}:${secret}`).toString('base64');
    const res = await fetch(`${gw.url}/odata`, { headers: { Authorization: `Basic ${basic}` } });
    expect(res.status).toBe(200);
  });

  it('serves the service document with an absolute context URL and every entity set', async () => {
    const res = await gw.request('/odata/', key);
    expect(res.headers.get('odata-version')).toBe('4.0');
    const body = await json(res);
    expect(body['@odata.context']).toBe(`${gw.url}/odata/$metadata`);
    expect(body.value.map((v: { name: string }) => v.name).sort()).toEqual(['Categories', 'Contacts', 'Customers', 'PriceAgreements', 'Products']);
  });

  it('serves $metadata as XML by default, JSON on request, and 304 for its ETag', async () => {
    const xml = await gw.request('/odata/$metadata', key);
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await xml.text()).toContain('<edmx:Edmx Version="4.0"');
    const asJson = await gw.request("/odata/$metadata?$format=json", key);
    expect((await json(asJson)).$Version).toBe('4.0');
    const viaAccept = await gw.request('/odata/$metadata', key, { headers: { Accept: 'application/json' } });
    expect(viaAccept.headers.get('content-type')).toMatch(/^application\/json/);
    const again = await gw.request('/odata/$metadata', key, { headers: { 'If-None-Match': xml.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('answers 406 with an OData error for an unsupported Accept or $format', async () => {
    const atom = await gw.request('/odata/', key, { headers: { Accept: 'application/atom+xml' } });
    expect(atom.status).toBe(406);
    expect((await json(atom)).error.code).toBe('NotAcceptable');
    expect((await gw.request('/odata/$metadata?$format=atom', key)).status).toBe(406);
  });

  it('answers 404 with an OData error for an unknown entity set and an unknown route', async () => {
    const set = await gw.request('/odata/Orders', key);
    expect(set.status).toBe(404);
    expect((await json(set)).error.message).toContain('Orders');
    const route = await fetch(`${gw.url}/nowhere`);
    expect(route.status).toBe(404);
    expect((await json(route)).error.code).toBe('NotFound');
  });

  it('answers 400 naming the position for a malformed $filter, never 500', async () => {
    const res = await gw.request("/odata/Customers?$filter=Name eq 'x", key);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.message).toMatch(/position/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|select |SQLITE|postgres/i);
  });

  it('answers 414 for a URL over 8 KiB', async () => {
    const res = await gw.request(`/odata/Customers?$filter=Name eq '${'x'.repeat(9000)}'`, key);
    expect(res.status).toBe(414);
  });

  it('answers 501 for valid OData this service does not implement', async () => {
    expect((await gw.request('/odata/Customers?$apply=aggregate(CreditLimit with sum as Total)', key)).status).toBe(501);
  });

  it('answers 405 with Allow for a method the resource does not support', async () => {
    const res = await gw.request('/odata/$metadata', key, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('rejects an OData-MaxVersion below 4.0', async () => {
    const res = await gw.request('/odata/', key, { headers: { 'OData-MaxVersion': '3.0' } });
    expect(res.status).toBe(400);
  });

  it('echoes a client X-Request-Id and makes one up otherwise', async () => {
    const echoed = await gw.request('/odata/', key, { headers: { 'X-Request-Id': 'erp-run-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('erp-run-42');
    const made = await gw.request('/odata/', key, { headers: { 'X-Request-Id': 'bad id\twith tab' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no X-Powered-By and marks tenant data no-store', async () => {
    const res = await gw.request('/odata/Customers', key);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('guards /metrics with METRICS_TOKEN and serves Prometheus text with it', async () => {
    expect((await fetch(`${gw.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${gw.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await fetch(`${gw.url}/metrics`, { headers: { Authorization: 'Bearer metrics-secret-token' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('gateway_http_requests_total');
    expect(text).toMatch(/gateway_http_request_duration_seconds_bucket\{[^}]*route="odata\/\$metadata"/);
  });
});

describe('transport headers', () => {
  it('sends no Strict-Transport-Security over plain HTTP', async () => {
    const gw = await startTestGateway('sqlite');
    try {
      const res = await fetch(`${gw.url}/health/live`);
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await gw.close();
    }
  });
});
