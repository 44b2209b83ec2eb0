// REDIS_URL: every instance counts against one budget per account (contract.md "Process and
// configuration": one Redis for shared rate limits) — two app instances on one database and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { deleteRedisPrefix, REDIS_URL, redisForTests, uniqueRedisPrefix } from '../../helpers/redis';

describe.each(testDialects())('shared Redis rate-limit store on %s', (dialect) => {
  let one: TestGateway | undefined;
  let two: TestGateway | undefined;
  const prefix = uniqueRedisPrefix();
  beforeAll(async () => {
    if (!(await redisForTests())) return;
    const redis = { url: REDIS_URL, prefix };
    one = await startTestGateway(dialect, { redis, authFailuresPerMinute: 4 });
    two = await startTestGateway(dialect, { redis, authFailuresPerMinute: 4, sameDatabaseAs: one });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
    await deleteRedisPrefix(prefix);
  });

  it('makes two instances share one budget per account', async (ctx) => {
    if (!one || !two) return ctx.skip();
    const { apiKey } = await one.account('acme', { ratePerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await (i % 2 === 0 ? one : two).request('/odata', apiKey)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const last = await two.request('/odata', apiKey);
    expect(last.headers.get('ratelimit')).toMatch(/^limit=5, remaining=0,/);
    expect(last.status).toBe(429);
    expect((await json(last)).error.code).toBe('TooManyRequests');
    expect((await one.request('/odata', apiKey)).status).toBe(429);
  });

  it('keeps other accounts unaffected', async (ctx) => {
    if (!one || !two) return ctx.skip();
    const { apiKey } = await two.account('acme', { ratePerMinute: 5 });
    expect((await one.request('/odata', apiKey)).status).toBe(200);
  });

  it('shares the failed-authentication count of an address across instances', async (ctx) => {
    if (!one || !two) return ctx.skip();
    for (let i = 0; i < 4; i++) expect((await (i % 2 === 0 ? one : two).request('/odata', 'nonsense')).status).toBe(401);
    expect((await one.request('/odata', 'nonsense')).status).toBe(429);
    expect((await two.request('/odata', 'nonsense')).status).toBe(429);
  });
});
