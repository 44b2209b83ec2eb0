// Real Redis for the shared rate-limit store tests: TEST_REDIS_URL (default redis://127.0.0.1:6379).
// Unreachable → those tests skip, unless REQUIRE_PG=1 (CI), where they fail instead. Each test
// run gets its own key prefix and deletes its keys afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { REQUIRE_PG } from './databases';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let reachable: Promise<boolean> | undefined;

export function isRedisReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  })();
  return reachable;
}

/** True when Redis tests can run; throws (fails the test) when Redis is required (REQUIRE_PG=1) but missing. */
export async function redisForTests(): Promise<boolean> {
  const ok = await isRedisReachable();
  if (!ok && REQUIRE_PG) throw new Error(`Redis not reachable at ${REDIS_URL} (REQUIRE_PG=1 requires it)`);
  return ok;
}

export const uniqueRedisPrefix = (): string => `b2x-test:${process.pid}:${randomBytes(4).toString('hex')}:`;

/** Deletes every key under a test prefix. */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  if (!(await isRedisReachable())) return;
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
