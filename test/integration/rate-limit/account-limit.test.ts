// contract.md "Rate limiting": per account, 429 with Retry-After, RateLimit-* headers and the OData
// error body; accounts have separate budgets; /health is never limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';

describe.each(testDialects())('per-account rate limit on %s', (dialect) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
  });
  afterAll(() => gw.close());

  it('answers 429 with Retry-After, RateLimit headers and an OData body once the account has used its budget', async () => {
    const { apiKey } = await gw.account('acme', { ratePerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      const ok = await gw.request('/odata/Customers?$top=1', apiKey);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(ok.headers.get('ratelimit')).toMatch(new RegExp(`^limit=3, remaining=${2 - i}, reset=\\d+$`));
    }
    const over = await gw.request('/odata/Customers?$top=1', apiKey);
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get('ratelimit')).toMatch(/^limit=3, remaining=0, reset=\d+$/);
    expect(over.headers.get('content-type')).toMatch(/^application\/json/);
    expect(over.headers.get('odata-version')).toBe('4.0');
    expect(over.headers.get('x-request-id')).toBeTruthy();
    const body = await json(over);
    expect(body.error.code).toBe('TooManyRequests');
    expect(body.error.message).toContain('3 requests per minute');
  });

  it('keeps separate budgets per account, even of the same tenant', async () => {
    const a = await gw.account('budgets', { ratePerMinute: 2 });
    const b = await gw.account('budgets', { ratePerMinute: 2 });
    expect((await gw.request('/odata', a.apiKey)).status).toBe(200);
    expect((await gw.request('/odata', a.apiKey)).status).toBe(200);
    expect((await gw.request('/odata', a.apiKey)).status).toBe(429);
    const fresh = await gw.request('/odata', b.apiKey);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ratelimit')).toMatch(/^limit=2, remaining=1,/);
  });

  it('counts every route of the account, errors included, and uses the default of 600 per minute', async () => {
    const key = await gw.keyFor('defaults');
    const notFound = await gw.request('/odata/Nowhere', key);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('ratelimit-policy')).toBe('600;w=60');
    const next = await gw.request('/odata/$metadata', key);
    expect(next.headers.get('ratelimit')).toMatch(/^limit=600, remaining=598,/);
  });

  it('limits admin keys by key, on the admin API too', async () => {
    const admin = await gw.adminKey();
    const res = await gw.request('/api/admin/tenants', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit')).toMatch(/^limit=600, remaining=599,/);
  });

  it('never limits /health', async () => {
    const { apiKey } = await gw.account('health', { ratePerMinute: 1 });
    await gw.request('/odata', apiKey);
    expect((await gw.request('/odata', apiKey)).status).toBe(429);
    for (let i = 0; i < 5; i++) {
      const live = await fetch(`${gw.url}/health/live`, { headers: { 'X-API-Key': apiKey } });
      expect(live.status).toBe(200);
      expect(live.headers.get('ratelimit')).toBeNull();
    }
  });
});
