// The limiter stores on Redis (REDIS_URL), shared by every instance. Loaded on demand by
// rate-limit-store.ts, so ioredis is only required when Redis is configured.
import { Redis } from 'ioredis';
import { RedisUnitStore } from './redis-unit-store';
import type { RateLimitStores, RedisStoreOptions } from './rate-limit-store';

export function redisStores(opts: RedisStoreOptions): RateLimitStores {
  // Short timeouts: while Redis is unreachable requests pass unlimited (fail open) instead of hanging.
  const client = new Redis(opts.url, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 });
  client.on('error', (err: Error) => opts.onError?.(err));
  const prefix = opts.prefix ?? 'b2x:rl:';
  const send = (command: string, ...args: string[]) => client.call(command, ...args) as Promise<never>;
  return {
    account: new RedisUnitStore({ sendCommand: send, prefix: `${prefix}acct:` }),
    authFailures: new RedisUnitStore({ sendCommand: send, prefix: `${prefix}auth:` }),
    kind: 'redis',
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
