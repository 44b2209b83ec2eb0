// A bounded least-recently-used map: caches keyed by SQL text or query shape must stay small however
// many distinct shapes clients send. Map keeps insertion order, so re-inserting on a hit is the LRU.

export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  /** the most recently used key: a repeated hit on it needs no reordering (the common case per request) */
  private newest: K | undefined;

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('LruCache: capacity must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined || key === this.newest) return v;
    this.entries.delete(key);
    this.entries.set(key, v);
    this.newest = key;
    return v;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
    this.newest = undefined;
  }
}
