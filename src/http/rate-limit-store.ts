// The hit-count stores behind both limiters: express-rate-limit's in-process MemoryStore by
// default, or (REDIS_URL) rate-limit-redis shared by every instance (redis-stores.ts, loaded only
// then: ioredis and its dependencies are ~1.6 MiB of heap a single-machine gateway never uses).
// Both gain `incrementBy`, so a $batch can charge one unit per operation in a single step.
import { MemoryStore, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';

/** A Store that can also charge several units at once and read a count without charging. */
export interface UnitStore extends Store {
  incrementBy(key: string, units: number): Promise<ClientRateLimitInfo>;
  get(key: string): Promise<ClientRateLimitInfo | undefined>;
}

/** Fixed one-minute windows: limits are "per minute" (contract.md "Rate limiting"). */
export const WINDOW_MS = 60_000;

class MemoryUnitStore extends MemoryStore implements UnitStore {
  async incrementBy(key: string, units: number): Promise<ClientRateLimitInfo> {
    let info = await this.increment(key);
    for (let i = 1; i < units; i++) info = await this.increment(key);
    return { totalHits: info.totalHits, resetTime: info.resetTime };
  }
}

/** The stores of one gateway instance: one per limiter (express-rate-limit wants them unshared). */
export interface RateLimitStores {
  readonly account: UnitStore;
  readonly authFailures: UnitStore;
  /** 'memory' or 'redis' (for the start-up log) */
  readonly kind: 'memory' | 'redis';
  close(): Promise<void>;
}

export interface RedisStoreOptions {
  readonly url: string;
  /** key prefix, default `b2x:rl:`; tests give each run its own */
  readonly prefix?: string;
  readonly onError?: (err: Error) => void;
}

/** Initialises a store for direct use (express-rate-limit does this for the stores it is given). */
export function initStore(store: UnitStore): UnitStore {
  void Promise.resolve(store.init?.({ windowMs: WINDOW_MS } as Options)).catch(() => undefined);
  return store;
}

export function memoryStores(): RateLimitStores {
  const account = new MemoryUnitStore();
  const authFailures = new MemoryUnitStore();
  return {
    account,
    authFailures,
    kind: 'memory',
    close: async () => {
      account.shutdown();
      authFailures.shutdown();
    },
  };
}

/** Redis stores when a URL is configured, else in-process stores. */
export async function createRateLimitStores(redis: RedisStoreOptions | undefined): Promise<RateLimitStores> {
  if (!redis) return memoryStores();
  const { redisStores } = await import('./redis-stores.js');
  return redisStores(redis);
}
