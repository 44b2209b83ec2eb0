// The baselines' API-key check: a constant-time compare against the one key given at start — the
// cheapest honest check. (Our service instead hashes the key with a keyed BLAKE2b, looks the hash up
// and caches the account, so part of any gap on small requests is that extra, deliberate work.)
import { timingSafeEqual } from 'node:crypto';

export function apiKeyChecker(expected: string): (header: string | string[] | undefined) => boolean {
  const want = Buffer.from(expected);
  return (header) => {
    if (typeof header !== 'string') return false;
    const got = Buffer.from(header);
    return got.length === want.length && timingSafeEqual(got, want);
  };
}

export const UNAUTHORIZED_BODY = '{"error":{"code":"Unauthorized","message":"A valid API key is required"}}';
