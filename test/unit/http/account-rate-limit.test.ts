// The per-account limiter's own middleware (it replaced express-rate-limit's): one unit per request,
// draft-7 RateLimit headers, 429 past the limit, and a failing store lets the request through.
import { describe, expect, it, vi } from 'vitest';
import type { Request, Response } from 'express';
import { accountRateLimiter } from '../../../src/http/rate-limit';
import { initRequestState, setPrincipal } from '../../../src/http/request-context';
import type { UnitStore } from '../../../src/http/rate-limit-store';
import type { Logger } from '../../../src/observability/logger';
import { TooManyRequestsError } from '../../../src/errors/catalogue';

const principal = { kind: 'erp', tenantId: 't1', accountId: 'a1', operations: new Set<string>(), rateLimitPerMinute: 2 } as const;

function fixture(increment: UnitStore['increment']) {
  const store = { increment, incrementBy: vi.fn(), get: vi.fn(), decrement: vi.fn(), resetKey: vi.fn() } as unknown as UnitStore;
  const log = { error: vi.fn(), warn: vi.fn() } as unknown as Logger;
  const metrics = { rateLimited: { inc: vi.fn() } };
  const headers = new Map<string, unknown>();
  const res = { locals: {}, headersSent: false, setHeader: (n: string, v: unknown) => headers.set(n, v) } as unknown as Response;
  initRequestState(res, { requestId: 'r1', rootLog: log });
  setPrincipal(res, principal);
  const req = { originalUrl: '/odata/Customers', ip: '127.0.0.1' } as Request;
  const limiter = accountRateLimiter({ store, log, metrics: metrics as never });
  const run = async () => {
    let passed: unknown = 'not called';
    await limiter.middleware(req, res, (err?: unknown) => {
      passed = err;
    });
    return passed;
  };
  return { run, headers, log, metrics };
}

const inAMinute = () => new Date(Date.now() + 60_000);

describe('account rate limit middleware', () => {
  it('given hits within the budget, then it passes with the draft-7 headers', async () => {
    const f = fixture(async () => ({ totalHits: 1, resetTime: inAMinute() }));
    expect(await f.run()).toBeUndefined();
    expect(f.headers.get('RateLimit-Policy')).toBe('2;w=60');
    expect(f.headers.get('RateLimit')).toMatch(/^limit=2, remaining=1, reset=(59|60)$/);
  });

  it('given the budget is used up, then it answers 429 with the headers and counts the refusal', async () => {
    const f = fixture(async () => ({ totalHits: 3, resetTime: inAMinute() }));
    const err = await f.run();
    expect(err).toBeInstanceOf(TooManyRequestsError);
    expect(f.headers.get('RateLimit')).toMatch(/^limit=2, remaining=0,/);
    expect(f.metrics.rateLimited.inc).toHaveBeenCalledWith({ route: 'odata/Customers', limiter: 'account' });
  });

  it('given the store fails, then the request passes unlimited and the failure is logged', async () => {
    const f = fixture(async () => {
      throw new Error('redis down');
    });
    expect(await f.run()).toBeUndefined();
    expect(f.headers.size).toBe(0);
    expect(f.log.error).toHaveBeenCalledTimes(1);
  });
});
