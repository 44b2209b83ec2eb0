// consume(res, units): the API the $batch processor uses to charge one unit per operation against
// the account's budget — on the in-process store and on the shared Redis store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express, { type Express } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRateLimiter, consume } from '../../../src/http/rate-limit';
import { createRateLimitStores, type RateLimitStores } from '../../../src/http/rate-limit-store';
import { requestIdMiddleware } from '../../../src/http/request-id';
import { setPrincipal } from '../../../src/http/request-context';
import { errorHandler } from '../../../src/http/error-handler';
import { createLogger } from '../../../src/observability/logger';
import { createMetrics } from '../../../src/observability/metrics';
import { deleteRedisPrefix, REDIS_URL, redisForTests, uniqueRedisPrefix } from '../../helpers/redis';

/** A stand-in for the batch processor: the request is one unit, `ops` operations cost ops − 1 more. */
function batchApp(stores: RateLimitStores): Express {
  const log = createLogger('silent');
  const app = express();
  app.use(requestIdMiddleware(log));
  app.use((req, res, next) => {
    const account = req.get('x-account') ?? 'a';
    setPrincipal(res, { kind: 'erp', tenantId: 't', accountId: account, operations: new Set(), rateLimitPerMinute: 10 });
    next();
  });
  app.use(accountRateLimiter({ store: stores.account, metrics: createMetrics({ defaultMetrics: false }), log }).middleware);
  app.post('/batch', async (req, res) => {
    const ops = Number(req.query.ops);
    const state = await consume(res, Math.max(0, ops - 1));
    res.json(state ?? null);
  });
  app.use(errorHandler());
  return app;
}

async function listen(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

const stores: Record<'memory' | 'redis', () => Promise<{ stores: RateLimitStores; cleanup(): Promise<void> } | undefined>> = {
  memory: async () => {
    const s = await createRateLimitStores(undefined);
    return { stores: s, cleanup: () => s.close() };
  },
  redis: async () => {
    if (!(await redisForTests())) return undefined;
    const prefix = uniqueRedisPrefix();
    const s = await createRateLimitStores({ url: REDIS_URL, prefix });
    return { stores: s, cleanup: async () => { await s.close(); await deleteRedisPrefix(prefix); } };
  },
};

describe.each(['memory', 'redis'] as const)('consume() for $batch on the %s store', (kind) => {
  let server: { url: string; close(): Promise<void> } | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const made = await stores[kind]();
    if (!made) return;
    cleanup = made.cleanup;
    server = await listen(batchApp(made.stores));
  });
  afterAll(async () => {
    await server?.close();
    await cleanup?.();
  });
  const batch = (ops: number, account = 'a') => fetch(`${server!.url}/batch?ops=${ops}`, { method: 'POST', headers: { 'X-Account': account } });

  it('charges one unit per operation and reports the budget in the RateLimit header', async (ctx) => {
    if (!server) return ctx.skip();
    const four = await batch(4);
    expect(four.status).toBe(200);
    expect(await four.json()).toMatchObject({ limit: 10, used: 4, remaining: 6 });
    expect(four.headers.get('ratelimit')).toMatch(/^limit=10, remaining=6, reset=\d+$/);
    const six = await batch(6);
    expect(six.status).toBe(200);
    expect(six.headers.get('ratelimit')).toMatch(/^limit=10, remaining=0,/);
    const one = await batch(1);
    expect(one.status).toBe(429);
  });

  it('answers 429 with Retry-After and the OData body when a batch needs more than is left', async (ctx) => {
    if (!server) return ctx.skip();
    const res = await batch(12, 'b');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('ratelimit')).toMatch(/^limit=10, remaining=0,/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
  });

  it('charges nothing extra for a single-operation batch', async (ctx) => {
    if (!server) return ctx.skip();
    const res = await batch(1, 'c');
    expect(await res.json()).toMatchObject({ used: 1, remaining: 9 });
  });
});
