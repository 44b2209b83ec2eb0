// Tuning of the webhook dispatcher, with the defaults `serve` uses (env: src/server/webhook-config.ts).
import type { BackoffOptions } from './backoff';
import type { BreakerOptions } from './subscription-breakers';

export interface DispatcherOptions {
  /** wait between polls when there was nothing to do */
  readonly pollIntervalMs: number;
  /** deliveries claimed per poll */
  readonly batchSize: number;
  /** per request (AbortController) */
  readonly timeoutMs: number;
  /** attempts before a delivery is dead-lettered */
  readonly maxAttempts: number;
  readonly backoff: BackoffOptions;
  readonly breaker: BreakerOptions;
  /** lease = timeout × batch + margin: a crashed instance's rows are due again after it */
  readonly leaseMarginMs: number;
  /** how long stop() lets in-flight deliveries finish */
  readonly stopGraceMs: number;
  /** backlog gauges are refreshed at most this often */
  readonly gaugeIntervalMs: number;
  /** production: never connect to receivers that are or resolve to internal addresses (SSRF) */
  readonly refuseInternalTargets: boolean;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  pollIntervalMs: 1000,
  batchSize: 20,
  timeoutMs: 5000,
  maxAttempts: 10,
  backoff: { baseMs: 1000, capMs: 600_000 },
  breaker: { threshold: 5, halfOpenAfterMs: 30_000 },
  leaseMarginMs: 30_000,
  stopGraceMs: 5000,
  gaugeIntervalMs: 5000,
  refuseInternalTargets: false,
};
