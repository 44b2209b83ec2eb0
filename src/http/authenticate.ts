// Credential check in front of /odata and /api: X-API-Key, or Basic with erp-service.{tenant} as
// user and the secret as password (legacy .NET NetworkCredential). Every failure is the same 401,
// so a caller learns nothing about which part was wrong.
import type { NextFunction, Request, Response } from 'express';
import { UnauthorizedError } from '../errors/catalogue';
import type { Principal } from '../security/principal';
import { setPrincipal } from './request-context';

/** Verifies a presented key string; undefined for anything not a valid, active key. */
export type KeyVerifier = (presentedKey: string) => Promise<Principal | undefined>;

const CHALLENGE = 'Basic realm="b2x-erp-gateway", charset="UTF-8"';

export const unauthorized = (): UnauthorizedError =>
  new UnauthorizedError('Missing or invalid credentials.', { headers: { 'WWW-Authenticate': CHALLENGE } });

/** The key the request presents, or undefined. Basic `erp-service.T:secret` becomes `erp-service.T.secret`. */
export function presentedKey(req: Request): string | undefined {
  const header = req.get('x-api-key');
  if (header !== undefined) return header.trim();
  const auth = req.get('authorization');
  if (auth === undefined) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]{1,512})$/i.exec(auth.trim());
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return `${decoded.slice(0, colon)}.${decoded.slice(colon + 1)}`;
}

export function authenticate(verify: KeyVerifier) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = presentedKey(req);
    const principal = key === undefined || key.length > 256 ? undefined : await verify(key);
    if (!principal) throw unauthorized();
    setPrincipal(res, principal);
    next();
  };
}
