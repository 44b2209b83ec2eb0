// One claimed delivery: sign, POST through the subscription's circuit breaker, then settle the row
// (delivered only after a 2xx — at-least-once; failed with full-jitter backoff; dead after the
// last attempt; released untouched when the circuit is open or the instance is shutting down).
import { BrokenCircuitError, type CircuitBreakerPolicy } from 'cockatiel';
import type { ClaimedDelivery } from '../data/webhooks/claim-deliveries';
import type { Outcome } from '../data/webhooks/settle-delivery';
import { backoffDelayMs, type BackoffOptions } from './backoff';
import { DeliveryFailure, postWebhook } from './post-webhook';
import { webhookBody, webhookHeaders } from './webhook-payload';

export interface AttemptContext {
  readonly secret: string;
  readonly breaker: CircuitBreakerPolicy;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly backoff: BackoffOptions;
  /** how long an open circuit keeps a row waiting */
  readonly halfOpenAfterMs: number;
  readonly shutdown: AbortSignal;
  readonly refuseInternal: boolean;
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

function failed(d: ClaimedDelivery, err: unknown, c: AttemptContext): Outcome {
  const attempts = d.attempts + 1;
  const dead = attempts >= c.maxAttempts;
  const status = err instanceof DeliveryFailure ? err.status : null;
  const error = err instanceof Error ? err.message : String(err);
  return { kind: dead ? 'dead' : 'failed', attempts, status, error, nextAttemptAt: later(dead ? 0 : backoffDelayMs(attempts, c.backoff)) };
}

/** Attempts `d` once and says how its row should be settled. */
export async function deliverOne(d: ClaimedDelivery, c: AttemptContext): Promise<Outcome> {
  if (c.shutdown.aborted) return { kind: 'released', nextAttemptAt: later(0) };
  const body = webhookBody(d);
  try {
    const status = await c.breaker.execute(() => postWebhook(d.url, body, webhookHeaders(d, c.secret, body, new Date()), { timeoutMs: c.timeoutMs, signal: c.shutdown, refuseInternal: c.refuseInternal }));
    return { kind: 'delivered', status, at: new Date().toISOString() };
  } catch (err) {
    if (err instanceof BrokenCircuitError) return { kind: 'released', nextAttemptAt: later(c.halfOpenAfterMs) };
    if (c.shutdown.aborted) return { kind: 'released', nextAttemptAt: later(0) };
    return failed(d, err, c);
  }
}
