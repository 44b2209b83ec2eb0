// A small deterministic PRNG (mulberry32) so demo data depends only on the seed number — never on
// Math.random, the platform or the row count. Each entity gets its own stream derived from
// (seed, stream, index), so customer 10042 is the same whether 100 or 100,000 are generated.

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const STREAMS = { customer: 1, product: 2, agreement: 3 } as const;

/** 32-bit seed of one entity's stream. */
export function streamSeed(seed: number, stream: number, index: number): number {
  return fmix32((fmix32((seed >>> 0) ^ Math.imul(stream, 0x9e3779b9)) + Math.imul(index, 0x632be5ab)) >>> 0);
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** next uint32 (mulberry32) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** integer in [0, n) — n ≤ 2^32; the tiny modulo bias is irrelevant for demo data */
  int(n: number): number {
    return this.next() % n;
  }

  /** integer in [min, max] */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** true with probability `percent`/100 */
  chance(percent: number): boolean {
    return this.int(10_000) < percent * 100;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }
}

export const rngFor = (seed: number, stream: number, index: number): Rng => new Rng(streamSeed(seed, stream, index));
