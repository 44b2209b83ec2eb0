// A per-key promise cache with a time to live: concurrent misses share one load, a failed load is
// not kept, and `invalidate` drops a key so the next read loads afresh — a load already under way
// when it was dropped cannot put its (older) answer back.
export interface TtlCache<V> {
  /** `load(key)` runs on a miss (a shared function, so a hit allocates nothing) */
  get(key: string, load: (key: string) => Promise<V>): Promise<V>;
  invalidate(key: string): void;
}

interface Entry<V> {
  readonly until: number;
  readonly value: Promise<V>;
}

export function ttlCache<V>(ttlMs: number, now: () => number = Date.now): TtlCache<V> {
  const entries = new Map<string, Entry<V>>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      const t = now(); // one clock read per lookup: this runs on every /odata request
      if (hit && hit.until > t) return hit.value;
      const entry: Entry<V> = { until: t + ttlMs, value: load(key) };
      entries.set(key, entry);
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.value;
    },
    invalidate: (key) => void entries.delete(key),
  };
}
