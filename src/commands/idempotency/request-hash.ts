// The fingerprint an Idempotency-Key is bound to: sha256 over the route and the body as canonical
// JSON (object keys sorted), so a retry with re-ordered keys still counts as the same request.
import { createHash } from 'node:crypto';

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(JSON.stringify(canonical(body)) ?? 'null').digest('hex');
}
