// One cockatiel circuit breaker per subscription, in this process: after `threshold` consecutive
// failed deliveries the receiver gets no requests for `halfOpenAfterMs`, then one trial request
// (half-open) decides whether it closes again. `openUntil` lets the claim skip such subscriptions.
import { ConsecutiveBreaker, circuitBreaker, handleAll, type CircuitBreakerPolicy } from 'cockatiel';

export interface BreakerOptions {
  readonly threshold: number;
  readonly halfOpenAfterMs: number;
}

export interface SubscriptionBreakers {
  policy(subscriptionId: string): CircuitBreakerPolicy;
  /** subscriptions still cooling down at `nowMs` (their requests would be refused anyway) */
  open(nowMs: number): string[];
}

export function subscriptionBreakers(o: BreakerOptions, onBreak: (subscriptionId: string) => void): SubscriptionBreakers {
  const policies = new Map<string, CircuitBreakerPolicy>();
  const openUntil = new Map<string, number>();
  const create = (id: string): CircuitBreakerPolicy => {
    const p = circuitBreaker(handleAll, { halfOpenAfter: o.halfOpenAfterMs, breaker: new ConsecutiveBreaker(o.threshold) });
    p.onBreak(() => (openUntil.set(id, Date.now() + o.halfOpenAfterMs), onBreak(id)));
    p.onReset(() => openUntil.delete(id));
    policies.set(id, p);
    return p;
  };
  return {
    policy: (id) => policies.get(id) ?? create(id),
    open: (nowMs) => [...openUntil].filter(([, until]) => until > nowMs).map(([id]) => id),
  };
}
