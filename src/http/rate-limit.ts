// Per-ACCOUNT rate limit (contract.md "Rate limiting"): a fixed-window count keyed by the principal,
// never by address, so many ERP workers behind one NAT share nothing and one account spread over
// many addresses shares one budget. Mounted after authenticate. consume() lets $batch charge one
// unit per operation against the same budget.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, type ClientRateLimitInfo } from 'express-rate-limit';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { Principal } from '../security/principal';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../security/operations';
import { routeLabel } from './metrics-middleware';
import { budgetOf, clientAddress, principalOf, requestLog, setBudget } from './request-context';
import { initStore, WINDOW_MS, type UnitStore } from './rate-limit-store';
import { setRateLimitHeaders, tooManyRequests, type RateLimitState } from './rate-limit-headers';

export type { RateLimitState };

export interface AccountRateLimiterDeps {
  readonly store: UnitStore;
  readonly metrics: Pick<Metrics, 'rateLimited'>;
  readonly log: Logger;
  /** budget of an admin key per minute (ERP accounts carry their own); default 600 */
  readonly adminPerMinute?: number;
}

export interface AccountRateLimiter {
  /** the middleware; needs the principal, so it runs after authenticate */
  readonly middleware: RequestHandler;
  /** charges `units` to the principal's budget; `allowed` false once it is exhausted (units are charged anyway) */
  tryConsume(principal: Principal, units: number): Promise<RateLimitState & { readonly allowed: boolean }>;
}

const accountKey = (p: Principal): string => (p.kind === 'erp' ? `erp:${p.accountId}` : `admin:${p.adminKeyId}`);
const limitOf = (p: Principal | undefined, adminPerMinute: number): number =>
  p?.kind === 'erp' ? p.rateLimitPerMinute : adminPerMinute;
const pathOf = (req: Request): string => req.originalUrl.split('?', 1)[0] ?? '';
const overMessage = (limit: number): string => `Rate limit of ${limit} requests per minute exceeded for this account.`;

/** The limiter and principal of each request in flight, for consume(res, …); kept in the request state (no WeakMap entry per request). */
interface Budget {
  readonly limiter: AccountRateLimiter;
  readonly principal: Principal;
  /** for the metrics label, computed only when the budget runs out (no closure per request) */
  readonly req: Request;
  readonly metrics: Pick<Metrics, 'rateLimited'>;
}

const countLimited = (metrics: Pick<Metrics, 'rateLimited'>, req: Request): void =>
  metrics.rateLimited.inc({ route: routeLabel(pathOf(req)), limiter: 'account' });

/**
 * One request's charge: our own middleware rather than express-rate-limit's, which cost ~10 µs and
 * several promises per request on W1 (its option lookups, validations and async key/limit hooks).
 * It behaves as the express-rate-limit configuration it replaces did: one unit per request on the
 * principal's budget, draft-7 `RateLimit`/`RateLimit-Policy` headers, 429 past the limit, and a store
 * failure lets the request through (logged).
 */
function chargeRequest(deps: AccountRateLimiterDeps, store: UnitStore, adminPerMinute: number) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const p = principalOf(res);
    let hit: ClientRateLimitInfo;
    try {
      hit = await store.increment(p ? accountKey(p) : `ip:${ipKeyGenerator(clientAddress(req, res) ?? '')}`);
    } catch (err) {
      deps.log.error({ err }, 'rate limiter: store failed; request allowed without rate limiting');
      return next();
    }
    const limit = limitOf(p, adminPerMinute);
    const resetTime = hit.resetTime ?? new Date(Date.now() + WINDOW_MS);
    setRateLimitHeaders(res, { limit, used: hit.totalHits, remaining: Math.max(limit - hit.totalHits, 0), resetTime }, WINDOW_MS);
    if (hit.totalHits <= limit) return next();
    countLimited(deps.metrics, req);
    next(tooManyRequests(overMessage(limit), resetTime));
  };
}

export function accountRateLimiter(deps: AccountRateLimiterDeps): AccountRateLimiter {
  const adminPerMinute = deps.adminPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const limited = chargeRequest(deps, initStore(deps.store), adminPerMinute);
  const limiter: AccountRateLimiter = {
    middleware: (req, res, next) => {
      const principal = principalOf(res);
      if (principal) setBudget(res, { limiter, principal, req, metrics: deps.metrics } satisfies Budget);
      return limited(req, res, next);
    },
    async tryConsume(principal, units) {
      if (!Number.isInteger(units) || units < 0) throw new RangeError(`consume: units must be a non-negative integer (got ${units})`);
      const limit = limitOf(principal, adminPerMinute);
      const key = accountKey(principal);
      const hit = units === 0 ? await deps.store.get(key) : await deps.store.incrementBy(key, units);
      const used = hit?.totalHits ?? 0;
      const resetTime = hit?.resetTime ?? new Date(Date.now() + WINDOW_MS);
      return { limit, used, remaining: Math.max(0, limit - used), resetTime, allowed: used <= limit };
    },
  };
  return limiter;
}

/**
 * Charges `units` more to the budget of the account that made this request — the $batch processor
 * calls it with one unit per operation beyond the first (the HTTP request itself was already
 * charged one unit by the middleware, so a batch of N operations costs N). Updates the RateLimit
 * headers; past the limit throws TooManyRequestsError (429, Retry-After, OData body). A request
 * that never passed the limiter (no principal) is not charged. A store outage fails open.
 */
export async function consume(res: Response, units: number): Promise<RateLimitState | undefined> {
  const budget = budgetOf(res) as Budget | undefined;
  if (!budget) return undefined;
  let state: RateLimitState & { allowed: boolean };
  try {
    state = await budget.limiter.tryConsume(budget.principal, units);
  } catch (err) {
    if (err instanceof RangeError) throw err;
    requestLog(res).error({ err }, 'rate-limit store failed; operations not charged');
    return undefined; // store unreachable: the same fail-open policy as the middleware
  }
  setRateLimitHeaders(res, state, WINDOW_MS);
  if (!state.allowed) {
    countLimited(budget.metrics, budget.req);
    throw tooManyRequests(overMessage(state.limit), state.resetTime, state, WINDOW_MS);
  }
  return state;
}
