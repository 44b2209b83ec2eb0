// Key guessing is throttled per client address: only 401 answers count; past the limit every
// credentialed request from that address gets 429 (its guesses are no longer even checked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';

describe.each(testDialects())('failed-authentication limiter on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect); // the served default: 30 failures per address per minute
    key = await gw.keyFor('acme');
  });
  afterAll(() => gw.close());

  it('lets successful requests through without counting them', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, () => gw.request('/odata', key)));
    expect(all.map((r) => r.status)).toEqual(Array(40).fill(200));
  });

  it('answers 429 with Retry-After after 30 failed attempts from one address, then even for a valid key', async () => {
    const wrong = `${key.slice(0, -4)}AAAA`;
    for (let i = 0; i < 30; i++) {
      const res = await gw.request('/odata/Customers', i % 2 === 0 ? wrong : 'nonsense');
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const blocked = await gw.request('/odata/Customers', wrong);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await json(blocked);
    expect(body.error.code).toBe('TooManyRequests');
    expect(JSON.stringify(body)).not.toContain(wrong.slice(-20));
    expect((await gw.request('/odata', key)).status).toBe(429);
    expect((await fetch(`${gw.url}/api/admin/tenants`)).status).toBe(429);
    expect((await fetch(`${gw.url}/metrics`)).status).toBe(429);
    expect((await fetch(`${gw.url}/health/ready`)).status).toBe(200);
  });
});
