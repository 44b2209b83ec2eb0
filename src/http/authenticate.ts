// Credential check in front of /odata and /api: X-API-Key, Basic (erp-service.{tenant} as user,
// the secret as password) or a Bearer token. Every failure — missing, malformed, unknown, revoked,
// expired, wrong tenant, bad token, a credential in the query string — is the same 401, so a
// caller learns nothing about which part was wrong.
import type { NextFunction, Request, Response } from 'express';
import { UnauthorizedError } from '../errors/catalogue';
import type { Principal } from '../security/principal';
import { hasCredentialInQuery } from './credential-in-query';
import { presentedCredential } from './presented-credential';
import { setPrincipal } from './request-context';

export { presentedKey } from './presented-credential';

/** Verifies a presented key string; undefined for anything not a valid, active key. */
export type KeyVerifier = (presentedKey: string) => Promise<Principal | undefined>;
/** Verifies a bearer token; undefined for anything not an authentic, live token. */
export type TokenVerifier = (token: string) => Promise<Principal | undefined>;

// Two challenges (RFC 9110 §11.6.1): Basic for the legacy ERP client, Bearer for token users.
const CHALLENGE = 'Basic realm="b2x-erp-gateway", charset="UTF-8", Bearer realm="b2x-erp-gateway"';

export const unauthorized = (): UnauthorizedError =>
  new UnauthorizedError('Missing or invalid credentials.', { headers: { 'WWW-Authenticate': CHALLENGE } });

/** The verified principal of a request, or undefined (no, bad, or query-string credential). */
export async function resolvePrincipal(req: Request, verifyKey: KeyVerifier, verifyToken?: TokenVerifier): Promise<Principal | undefined> {
  if (hasCredentialInQuery(req)) return undefined;
  const credential = presentedCredential(req);
  if (credential?.kind === 'key') return verifyKey(credential.key);
  if (credential?.kind === 'token' && verifyToken) return verifyToken(credential.token);
  return undefined;
}

export function authenticate(verifyKey: KeyVerifier, verifyToken?: TokenVerifier) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const principal = await resolvePrincipal(req, verifyKey, verifyToken);
    if (!principal) throw unauthorized();
    setPrincipal(res, principal);
    next();
  };
}
