// rate-limit-redis's RedisStore with an atomic INCRBY, so a $batch can charge N units in one round
// trip. Same keys and window semantics as the parent (PTTL, SET PX on a new window), and its own
// EVALSHA-with-EVAL-fallback, so a Redis that was down at start-up recovers without a restart.
import { createHash } from 'node:crypto';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { ClientRateLimitInfo, Options } from 'express-rate-limit';
import type { UnitStore } from './rate-limit-store';

const INCREMENT_BY = `
local ttl = redis.call("PTTL", KEYS[1])
if ttl <= 0 then
  redis.call("SET", KEYS[1], ARGV[2], "PX", ARGV[1])
  return { tonumber(ARGV[2]), tonumber(ARGV[1]) }
end
return { redis.call("INCRBY", KEYS[1], ARGV[2]), ttl }`;

const GET = `
local hits = redis.call("GET", KEYS[1])
return { hits, redis.call("PTTL", KEYS[1]) }`;

const sha1 = (script: string) => createHash('sha1').update(script).digest('hex');
const SHA = { incrementBy: sha1(INCREMENT_BY), get: sha1(GET) };

function parseReply(reply: RedisReply): ClientRateLimitInfo | undefined {
  if (!Array.isArray(reply) || reply.length !== 2) throw new TypeError('unexpected reply from Redis rate-limit script');
  const [hits, ttl] = reply.map((v) => (typeof v === 'number' ? v : Number.parseInt(String(v), 10)));
  if (hits === undefined || ttl === undefined || !Number.isFinite(hits) || ttl <= 0) return undefined;
  return { totalHits: hits, resetTime: new Date(Date.now() + ttl) };
}

export class RedisUnitStore extends RedisStore implements UnitStore {
  override async init(options: Options): Promise<void> {
    this.windowMs = options.windowMs; // scripts load lazily (EVALSHA → NOSCRIPT → EVAL)
  }

  private async run(script: string, sha: string, key: string, args: string[]): Promise<RedisReply> {
    const send = (command: string[]) => this.sendCommand({ key, isReadOnly: false, command });
    try {
      return await send(['EVALSHA', sha, '1', key, ...args]);
    } catch (err) {
      if (!(err instanceof Error) || !/^NOSCRIPT/.test(err.message)) throw err;
      return send(['EVAL', script, '1', key, ...args]);
    }
  }

  async incrementBy(key: string, units: number): Promise<ClientRateLimitInfo> {
    const reply = await this.run(INCREMENT_BY, SHA.incrementBy, this.prefixKey(key), [String(this.windowMs), String(units)]);
    const info = parseReply(reply);
    if (!info) throw new TypeError('Redis rate-limit script returned no count');
    return info;
  }

  override increment(key: string): Promise<ClientRateLimitInfo> {
    return this.incrementBy(key, 1);
  }

  override async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return parseReply(await this.run(GET, SHA.get, this.prefixKey(key), []));
  }
}
