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

export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;

export interface AuthFailureLimitDeps {
  readonly store: UnitStore;
  readonly metrics: Pick<Metrics, 'rateLimited'>;
  readonly log: Logger;
  /** failed authentications allowed per address per minute; default 30 */
  readonly perMinute?: number;
}

const MESSAGE = 'Too many failed authentication attempts from this address; try again later.';

export function authFailureLimit(deps: AuthFailureLimitDeps) {
  const perMinute = deps.perMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE;
  const store = initStore(deps.store);
  const countIf401 = (key: string) => (res: Response) => {
    if (res.statusCode !== 401) return;
    store.incrementBy(key, 1).catch((err: unknown) => deps.log.error({ err }, 'auth-failure limiter: store failed'));
  };
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = ipKeyGenerator(req.ip ?? '');
    // Checked before the key is verified, so a blocked address learns nothing about its guesses.
    // Concurrent guesses can overshoot by the number in flight; the next check stops them.
    const seen = await store.get(key).catch((err: unknown) => {
      deps.log.error({ err }, 'auth-failure limiter: store failed; not limiting');
      return undefined;
    });
    if (seen && seen.totalHits >= perMinute && seen.resetTime !== undefined) {
      deps.metrics.rateLimited.inc({ route: routeLabel(req.originalUrl.split('?', 1)[0] ?? ''), limiter: 'auth-failures' });
      throw tooManyRequests(MESSAGE, seen.resetTime);
    }
    res.once('finish', () => countIf401(key)(res));
    next();
  };
}
