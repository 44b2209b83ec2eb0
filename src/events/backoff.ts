// Exponential backoff with full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^(n-1))],
// so receivers coming back are not hit by every retry at the same instant.

export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
  /** uniform in [0, 1) (tests fix it) */
  readonly random?: () => number;
}

/** Delay before retry number `attempt` (1 = after the first failure). */
export function backoffDelayMs(attempt: number, o: BackoffOptions): number {
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.floor((o.random ?? Math.random)() * ceiling);
}
