// Credentials in the query string are refused (contract.md "Credentials"): URLs end up in proxy
// logs, browser history and Referer headers, so a key sent there must be treated as leaked, and
// the request must not succeed — otherwise clients would keep doing it.
import type { Request } from 'express';

const CREDENTIAL_PARAMS = new Set(['api_key', 'apikey', 'api-key', 'key', 'access_token', 'token', 'x-api-key']);
const KEY_LIKE = /(?:erp-service|b2x-admin)[.:]/i;

/** The raw query string of the request ('' when none). */
function rawQuery(req: Request): string {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
}

/** True when any parameter is named like a credential or any name/value looks like an API key. */
export function hasCredentialInQuery(req: Request): boolean {
  const query = rawQuery(req);
  if (query === '') return false;
  // a key may also hide behind percent-encoding of its dot or prefix
  if (KEY_LIKE.test(query)) return true;
  for (const [name, value] of new URLSearchParams(query)) {
    if (CREDENTIAL_PARAMS.has(name.toLowerCase())) return true;
    if (KEY_LIKE.test(name) || KEY_LIKE.test(value)) return true;
  }
  return false;
}
