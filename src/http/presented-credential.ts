// What credential a request presents (contract.md "Credentials"): `X-API-Key: <key>`,
// `Authorization: Basic base64("erp-service.{tenant}:{secret}")` (legacy .NET NetworkCredential),
// or `Authorization: Bearer <token>` from POST /api/auth/token. Parsing only; nothing is verified.
import type { Request } from 'express';

export type PresentedCredential =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'token'; readonly token: string };

const MAX_KEY_LENGTH = 256; // keys are at most ~120 characters; anything longer is not one

/** The key in X-API-Key or Basic credentials; Basic `erp-service.T:secret` becomes `erp-service.T.secret`. */
export function presentedKey(req: Request): string | undefined {
  const header = req.get('x-api-key');
  if (header !== undefined) return header.trim();
  const m = /^Basic\s+([A-Za-z0-9+/=]{1,512})$/i.exec((req.get('authorization') ?? '').trim());
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return `${decoded.slice(0, colon)}.${decoded.slice(colon + 1)}`;
}

export function presentedCredential(req: Request): PresentedCredential | undefined {
  const key = presentedKey(req);
  if (key !== undefined) return key.length > MAX_KEY_LENGTH ? undefined : { kind: 'key', key };
  const m = /^Bearer\s+(\S{1,1024})$/i.exec((req.get('authorization') ?? '').trim());
  return m?.[1] ? { kind: 'token', token: m[1] } : undefined;
}
