// Throttles key guessing: counts only 401 answers per client address; once an address has used its
// failures for the minute, every credentialed request from it gets 429 until the window resets.
// Not express-rate-limit's skipSuccessfulRequests: that counts every request while it is in flight,
// so a busy ERP connector behind one address would trip it with no failure at all.
import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { routeLabel } from './metrics-middleware';
import { initStore, type UnitStore } from './rate-limit-store';
import { tooManyRequests } from './rate-limit-headers';
import { clientAddress } from './request-context';

export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;

export interface AuthFailureLimitDeps {
  readonly store: UnitStore;
  readonly metrics: Pick<Metrics, 'rateLimited'>;
  readonly log: Logger;
  /** failed authentications allowed per address per minute; default 30 */
  readonly perMinute?: number;
}

/**
 * The per-address key (IPv6 grouped by /56, express-rate-limit's ipKeyGenerator), remembered per
 * address: it is worked out before every credentialed request, and a client sends thousands from
 * one address. Bounded: cleared when it reaches KEYS_KEPT distinct addresses.
 */
const KEYS_KEPT = 10_000;
const keysByAddress = new Map<string, string>();
function addressKey(req: Request, res: Response): string {
  const address = clientAddress(req, res) ?? '';
  let key = keysByAddress.get(address);
  if (key === undefined) {
    if (keysByAddress.size >= KEYS_KEPT) keysByAddress.clear();
    key = ipKeyGenerator(address);
    keysByAddress.set(address, key);
  }
  return key;
}

const MESSAGE = 'Too many failed authentication attempts from this address; try again later.';

export function authFailureLimit(deps: AuthFailureLimitDeps) {
  const perMinute = deps.perMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE;
  const store = initStore(deps.store);
  const notLimiting = (err: unknown): undefined => {
    deps.log.error({ err }, 'auth-failure limiter: store failed; not limiting');
    return undefined;
  };
  const countFailed = (err: unknown) => deps.log.error({ err }, 'auth-failure limiter: store failed');
  // One listener for every request (res is `this`): the address key is worked out again only for a 401.
  function countIf401(this: Response): void {
    if (this.statusCode !== 401) return;
    store.incrementBy(addressKey(this.req, this), 1).catch(countFailed);
  }
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // Checked before the key is verified, so a blocked address learns nothing about its guesses.
    // Concurrent guesses can overshoot by the number in flight; the next check stops them.
    const seen = await store.get(addressKey(req, res)).catch(notLimiting);
    if (seen && seen.totalHits >= perMinute && seen.resetTime !== undefined) {
      deps.metrics.rateLimited.inc({ route: routeLabel(req.originalUrl.split('?', 1)[0] ?? ''), limiter: 'auth-failures' });
      throw tooManyRequests(MESSAGE, seen.resetTime);
    }
    res.on('finish', countIf401);
    next();
  };
}
