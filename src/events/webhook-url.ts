// Which receiver URLs a subscription may name. http(s) only, no credentials in the URL. In
// production (NODE_ENV=production) only https, and no loopback, private, link-local or
// unspecified address literals, nor localhost names, so an admin cannot point the gateway at its
// own network (SSRF). Host names are resolved only when a delivery connects (guarded-lookup.ts),
// so a DNS record that later points inside is refused too.
import { isIP } from 'node:net';

const PRIVATE_V4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];
const PRIVATE_V6 = [/^::1?$/, /^f[cd]/i, /^fe[89ab]/i, /^::ffff:/i];

/** A loopback, private, link-local, shared or unspecified IP address (false for anything not an IP). */
export function isInternalAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(a);
  if (family === 4) return PRIVATE_V4.some((r) => r.test(a));
  if (family === 6) return PRIVATE_V6.some((r) => r.test(a));
  return false;
}

function isInternalHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  return isInternalAddress(h);
}

/** Why `url` is not an acceptable receiver, or undefined when it is. */
export function webhookUrlProblem(url: string, production: boolean): string | undefined {
  if (!URL.canParse(url)) return 'url must be an absolute http(s) URL';
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'url must use http or https';
  if (u.username !== '' || u.password !== '') return 'url must not contain credentials';
  if (u.hash !== '') return 'url must not contain a fragment';
  if (!production) return undefined;
  if (u.protocol !== 'https:') return 'url must use https in production';
  if (isInternalHost(u.hostname)) return 'url must not target loopback, private or link-local hosts in production';
  return undefined;
}
