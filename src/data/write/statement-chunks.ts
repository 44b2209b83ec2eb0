// How many rows each multi-row statement of a bulk write carries. SQLite keeps prepared statements
// per SQL text (write-statements.ts); a text with a thousand VALUES tuples was compiled anew on
// every sync (~7% of a 1,000-customer sync's CPU), and keeping every size ever seen would hold
// ~0.36 MB per 256-row statement. So on SQLite a bulk write of more than SMALL rows goes in full
// chunks of 256 and a rest split into descending powers of two: at most ~9 distinct texts per
// statement shape, each prepared once. Small writes (a $batch change set's events) stay one
// statement of their exact size. PostgreSQL parses every statement anyway: there the fewest win.
import type { Dialect } from '../db';

/** Rows per SQLite statement at most (the widest, a Customers UPDATE, is then ~16.5 KB of SQL). */
const SQLITE_MAX_ROWS = 256;
/** Up to this many rows, one statement of the exact size. */
const SMALL = 64;

/** Largest power of two ≤ n (n ≥ 1). */
const floorPow2 = (n: number): number => 2 ** Math.floor(Math.log2(n));

/**
 * The sizes of consecutive chunks covering `total` rows, in order. `maxRows` is the dialect's own
 * bound (bind-parameter limit ÷ parameters per row).
 */
export function chunkSizes(dialect: Dialect, total: number, maxRows: number): number[] {
  const sizes: number[] = [];
  const max = Math.max(1, dialect === 'sqlite' ? Math.min(SQLITE_MAX_ROWS, maxRows) : maxRows);
  if (dialect !== 'sqlite' || total <= Math.min(SMALL, max)) {
    for (let left = total; left > 0; left -= Math.min(left, max)) sizes.push(Math.min(left, max));
    return sizes;
  }
  const full = floorPow2(max);
  let left = total;
  for (; left >= full; left -= full) sizes.push(full);
  for (; left > 0; left -= floorPow2(left)) sizes.push(floorPow2(left));
  return sizes;
}

/** `items` cut into consecutive slices of chunkSizes(). */
export function chunked<T>(dialect: Dialect, items: readonly T[], maxRows: number): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const n of chunkSizes(dialect, items.length, maxRows)) {
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

/**
 * Lookup values in IN lists: duplicates change nothing there, so on SQLite a list longer than
 * SMALL is padded (repeating its last value) to the next power of two up to 256 — one statement per
 * list and still few distinct texts.
 */
export function inLists<T>(dialect: Dialect, values: readonly T[], maxValues: number): T[][] {
  if (dialect !== 'sqlite') return chunked(dialect, values, maxValues);
  const max = Math.min(SQLITE_MAX_ROWS, maxValues);
  const lists: T[][] = [];
  for (let at = 0; at < values.length; at += max) {
    const list = values.slice(at, at + max);
    const size = list.length <= SMALL ? list.length : Math.min(max, 2 ** Math.ceil(Math.log2(list.length)));
    while (list.length < size) list.push(list[list.length - 1] as T);
    lists.push(list);
  }
  return lists;
}
