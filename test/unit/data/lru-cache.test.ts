// The bounded LRU behind the statement and shape caches: it never holds more than its capacity and
// evicts the entry used least recently.
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/data/read/lru-cache';

describe('LruCache', () => {
  it('given a full cache, when a new key is set, then the least recently used key is evicted', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect([c.get('a'), c.get('b'), c.get('c'), c.size]).toEqual([1, undefined, 3, 2]);
  });

  it('given an existing key, when it is set again, then the value is replaced without growing', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('a', 2);
    expect([c.get('a'), c.size]).toEqual([2, 1]);
  });
});
