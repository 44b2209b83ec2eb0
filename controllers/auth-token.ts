// POST /api/auth/token, sent with a key (X-API-Key or Basic): a short-lived bearer token for the
// same principal, `{"access_token","token_type":"Bearer","expires_in":900}` (RFC 6749 §5.1 shape,
// no-store). A token cannot be exchanged for another one, so a token never outlives its key.
import type { Request, Response } from 'express';
import { unauthorized } from '../src/http/authenticate';
import { principalOf } from '../src/http/request-context';
import type { IssuedToken } from '../src/security/credentials';
import type { Principal } from '../src/security/principal';

export type TokenIssuer = (principal: Principal) => Promise<IssuedToken | undefined>;

export function authToken(issue: TokenIssuer) {
  return async (_req: Request, res: Response): Promise<void> => {
    const principal = principalOf(res);
    const issued = principal ? await issue(principal) : undefined;
    if (!issued) throw unauthorized();
    res.setHeader('Pragma', 'no-cache');
    res.json({ access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn });
  };
}
