// Throughput ratios between two targets from their alternated rounds.
import type { LoadSample } from './load';

/** The measured rounds of one workload × target (report.ts's Cell, as far as a ratio needs it). */
interface Rounds {
  readonly rounds: readonly LoadSample[];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** a's req/s over b's in each round (the same round index: seconds apart), one per round. */
export function roundRatios(a: Rounds, b: Rounds): number[] {
  const n = Math.min(a.rounds.length, b.rounds.length);
  return Array.from({ length: n }, (_, i) => (a.rounds[i] as LoadSample).reqPerSec / (b.rounds[i] as LoadSample).reqPerSec);
}

/**
 * a/b as the median of the per-round ratios. Within a round the targets run seconds apart, but this
 * machine's speed drifts over minutes: in one run (2026-12-08 00:50) it halved between express's
 * and the service's first W5 rounds, and the ratio of the means came out 0.77 while the three
 * rounds gave 0.50, 0.99 and 1.02. Pairing by round and taking the median leaves one such event out.
 */
export function pairedRatio(a: Rounds | undefined, b: Rounds | undefined): number | undefined {
  if (!a || !b) return undefined;
  const ratios = roundRatios(a, b);
  return ratios.length === 0 ? undefined : median(ratios);
}
