// Verified keys are cached for a few seconds so the hot path skips the database lookup; the TTL
// bounds how long a revoked key can keep working on an instance. Entries are keyed by a SHA-256
// of the presented key, so the cache never holds a usable secret.
import { hash } from 'node:crypto';
import type { Principal } from './principal';

type Verify = (key: string) => Promise<Principal | undefined>;

interface Entry {
  readonly principal: Principal | undefined;
  readonly expires: number;
}

export function cachedVerifier(verify: Verify, ttlMs: number, maxEntries = 10_000): Verify {
  const cache = new Map<string, Entry>();
  return async (key) => {
    // one-shot crypto.hash: this runs for every keyed request, and the streaming Hash object cost twice as much
    const id = hash('sha256', key, 'base64url');
    const now = Date.now();
    const hit = cache.get(id);
    if (hit && hit.expires > now) return hit.principal;
    const principal = await verify(key);
    // Only successes are cached: failures must not let a flood of garbage keys evict good ones.
    if (principal) {
      if (cache.size >= maxEntries) cache.clear();
      cache.set(id, { principal, expires: now + ttlMs });
    } else {
      cache.delete(id);
    }
    return principal;
  };
}
