// One cockatiel circuit breaker for the legacy upstream (issue #5: fail fast, never hang): after
// `threshold` consecutive failures (network errors, timeouts, 5xx) no request is sent for
// `halfOpenAfterMs`; upstream sets answer 503 with Retry-After at once and shadow comparisons pause.
// Then one trial request (half-open) decides whether it closes again.
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleAll } from 'cockatiel';
import { ServiceUnavailableError } from '../errors/catalogue';
import type { Metrics } from '../observability/metrics';

export interface BreakerOptions {
  /** consecutive failures that open the circuit (default 5) */
  readonly threshold: number;
  /** cool-down before one trial request is let through (default 10 s) */
  readonly halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { threshold: 5, halfOpenAfterMs: 10_000 };

export interface UpstreamBreaker {
  /** runs `call` through the breaker; 503 with Retry-After while the circuit is open */
  execute<T extends { readonly status: number }>(call: () => Promise<T>): Promise<T>;
  /** ms until the next trial while open (0 = requests may be sent) */
  pausedFor(nowMs: number): number;
}

const STATE_GAUGE: Readonly<Record<CircuitState, number>> = { [CircuitState.Closed]: 0, [CircuitState.Open]: 1, [CircuitState.HalfOpen]: 2, [CircuitState.Isolated]: 1 };

export function upstreamBreaker(o: BreakerOptions, metrics: Metrics, onChange: (state: string) => void): UpstreamBreaker {
  const policy = circuitBreaker(
    handleAll.orWhenResult((r) => (r as { status: number }).status >= 500),
    { halfOpenAfter: o.halfOpenAfterMs, breaker: new ConsecutiveBreaker(o.threshold) },
  );
  let openUntil = 0;
  policy.onBreak(() => (openUntil = Date.now() + o.halfOpenAfterMs));
  policy.onStateChange((s) => {
    metrics.legacyBreakerState.set(STATE_GAUGE[s]);
    onChange(CircuitState[s]);
  });
  const pausedFor = (nowMs: number) => Math.max(0, openUntil - nowMs);
  return {
    pausedFor,
    async execute(call) {
      try {
        return await policy.execute(call);
      } catch (err) {
        if (!(err instanceof BrokenCircuitError)) throw err;
        metrics.legacyUpstreamRequests.inc({ outcome: 'rejected' });
        const seconds = Math.max(1, Math.ceil(pausedFor(Date.now()) / 1000));
        throw new ServiceUnavailableError('The legacy OData service is failing; requests to it are paused. Retry later.', { headers: { 'Retry-After': String(seconds) } });
      }
    },
  };
}
