// Shared shapes and helpers of the demo-data generators: rows are already in the storage
// representation of edm/db-schema.ts (snake_case columns, scaled integers, 0/1, ISO-ms-Z text).
import type { Rng } from './prng';

export type SeedValue = string | number | null;
export type SeedRow = Record<string, SeedValue>;

/** Every generated timestamp lies in 2024-01-01 … 2025-06-30, derived only from the stream. */
const BASE_MS = Date.UTC(2024, 0, 1);
const HALF_SPAN_S = (Date.UTC(2025, 5, 30) - BASE_MS) / 2000;

/** A deterministic created/modified pair (modified ≥ created), ISO text with milliseconds. */
export function timestamps(rng: Rng): { created: string; modified: string } {
  const created = BASE_MS + rng.int(HALF_SPAN_S) * 1000 + rng.int(1000);
  const modified = created + rng.int(HALF_SPAN_S) * 1000 + rng.int(1000);
  return { created: new Date(created).toISOString(), modified: new Date(modified).toISOString() };
}

/** n random decimal digits as text (leading zeros kept). */
export function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(10));
  return s;
}
