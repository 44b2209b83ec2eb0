import { describe, expect, it } from 'vitest';
import { chunkSizes, chunked, inLists } from '../../../src/data/write/statement-chunks';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('bulk statement chunks', () => {
  it('cover every row exactly once, in order, on both dialects', () => {
    for (const dialect of ['sqlite', 'pg'] as const) {
      for (const total of [0, 1, 63, 64, 65, 100, 255, 256, 257, 1000, 4000, 12_345]) {
        const rows = Array.from({ length: total }, (_, i) => i);
        expect(chunked(dialect, rows, 2_000).flat()).toEqual(rows);
        expect(sum(chunkSizes(dialect, total, 2_000))).toBe(total);
      }
    }
  });

  it('on SQLite: one exact statement up to 64 rows, then full 256-row chunks and powers of two', () => {
    expect(chunkSizes('sqlite', 50, 2_000)).toEqual([50]);
    expect(chunkSizes('sqlite', 100, 2_000)).toEqual([64, 32, 4]);
    expect(chunkSizes('sqlite', 1000, 2_000)).toEqual([256, 256, 256, 128, 64, 32, 8]);
  });

  it('on SQLite: never more rows than the bind-parameter bound allows, and few distinct sizes', () => {
    expect(Math.max(...chunkSizes('sqlite', 10_000, 100))).toBeLessThanOrEqual(100);
    const sizes = new Set<number>();
    for (let total = 65; total <= 3000; total++) for (const n of chunkSizes('sqlite', total, 2_000)) sizes.add(n);
    expect(sizes.size).toBeLessThanOrEqual(9);
  });

  it('on PostgreSQL: the fewest statements the bound allows', () => {
    expect(chunkSizes('pg', 4000, 5000)).toEqual([4000]);
    expect(chunkSizes('pg', 12_000, 5000)).toEqual([5000, 5000, 2000]);
  });

  it('pads long SQLite IN lists with their last value to a power of two, keeping every value', () => {
    const values = Array.from({ length: 400 }, (_, i) => `v${i}`);
    const lists = inLists('sqlite', values, 5000);
    expect(lists.map((l) => l.length)).toEqual([256, 256]);
    expect(new Set(lists.flat())).toEqual(new Set(values));
    expect(lists[1]?.slice(-2)).toEqual(['v399', 'v399']);
    expect(inLists('sqlite', values.slice(0, 300), 5000).map((l) => l.length)).toEqual([256, 44]);
    expect(inLists('sqlite', ['a', 'b'], 5000)).toEqual([['a', 'b']]);
    expect(inLists('pg', values, 5000)).toEqual([values]);
  });
});
