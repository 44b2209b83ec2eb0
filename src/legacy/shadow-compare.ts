// Shadow mode (issue #5): the client's answer comes from the primary side; the same read is sent to
// the other side in the background and both answers are compared and recorded. Bounded: at most
// LEGACY_SHADOW_CONCURRENCY comparisons in flight (more are skipped and counted), paused while the
// upstream's circuit is open — the legacy side being slow or down never delays or fails a client.
import { ServiceUnavailableError } from '../errors/catalogue';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { firstDifference } from './first-difference';
import type { LegacyStore, Side } from './legacy-settings';
import { normaliseAnswer } from './normalise-answer';

/** One side's answer, as far as comparing needs it. */
export interface ComparedAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

export interface ShadowRequest {
  readonly tenantId: string;
  readonly entitySet: string;
  readonly requestId: string;
  /** method, path and query below /odata */
  readonly request: string;
  readonly primary: Side;
}

export interface ShadowRunner {
  /** a slot for one comparison, or false (counted as skipped): cap reached or upstream paused */
  reserve(upstreamPaused: boolean): boolean;
  /** runs the comparison in the background on a reserved slot, which it releases */
  run(r: ShadowRequest, primary: ComparedAnswer, secondary: () => Promise<ComparedAnswer>): void;
  /** gives a reserved slot back without comparing (the primary answer could not be captured) */
  release(): void;
}

const MAX_REQUEST_CHARS = 2048;

export function shadowRunner(deps: { store: LegacyStore; metrics: Metrics; log: Logger; concurrency: number }): ShadowRunner {
  let inFlight = 0;
  const skip = (): false => (deps.metrics.legacyShadowComparisons.inc({ result: 'skipped' }), false);
  async function compare(r: ShadowRequest, primary: ComparedAnswer, secondary: () => Promise<ComparedAnswer>): Promise<void> {
    const other = await secondary();
    const difference = firstDifference(normaliseAnswer(primary.status, primary.contentType, primary.body), normaliseAnswer(other.status, other.contentType, other.body));
    await deps.store.recordComparison({ ...r, request: r.request.slice(0, MAX_REQUEST_CHARS), atMs: Date.now(), ...(difference ? { difference } : {}) });
    deps.metrics.legacyShadowComparisons.inc({ result: difference ? 'different' : 'equal' });
  }
  return {
    reserve(upstreamPaused) {
      if (upstreamPaused || inFlight >= deps.concurrency) return skip();
      inFlight++;
      return true;
    },
    release: () => void inFlight--,
    run(r, primary, secondary) {
      compare(r, primary, secondary)
        .catch((err: unknown) => {
          // the breaker opened meanwhile: comparisons pause, they do not fail
          if (err instanceof ServiceUnavailableError) return void deps.metrics.legacyShadowComparisons.inc({ result: 'skipped' });
          deps.metrics.legacyShadowComparisons.inc({ result: 'error' });
          deps.log.warn({ err, requestId: r.requestId, entitySet: r.entitySet }, 'shadow comparison failed');
        })
        .finally(() => void inFlight--);
    },
  };
}
