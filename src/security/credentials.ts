// The credential services one gateway instance runs with: key and token verification behind
// short caches, and token issuing. The cache TTL bounds how long a revocation takes to reach
// this instance (contract: at most 5 s); 0 disables the caches.
import type { Database } from '../data/db';
import type { GatewaySecrets } from './gateway-secrets';
import type { Principal } from './principal';
import { issueToken, TOKEN_TTL_SECONDS } from './token';
import { cachedVerifier } from './verified-key-cache';
import { verifyPresentedKey } from './verify-presented-key';
import { tokenVerifier } from './verify-token';

/** Verified keys and key states are reused for at most this long. */
export const CREDENTIAL_CACHE_TTL_MS = 2000;

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

export interface CredentialServices {
  verifyKey(presentedKey: string): Promise<Principal | undefined>;
  verifyToken(token: string): Promise<Principal | undefined>;
  /** a token for a principal that authenticated with a key; undefined otherwise (no token from a token) */
  issueToken(principal: Principal): Promise<IssuedToken | undefined>;
}

export function credentialServices(db: Database, secrets: GatewaySecrets, cacheTtlMs = CREDENTIAL_CACHE_TTL_MS): CredentialServices {
  return {
    verifyKey: cachedVerifier((key) => verifyPresentedKey(db, secrets.keyHashKey, key), cacheTtlMs),
    verifyToken: tokenVerifier(db, secrets.tokenSigningKey, cacheTtlMs),
    async issueToken(p) {
      if (p.via !== 'key') return undefined;
      const subject = p.kind === 'admin'
        ? { typ: 'admin' as const, kid: p.adminKeyId, sub: p.adminKeyId }
        : p.keyId === undefined ? undefined : { typ: 'erp' as const, kid: p.keyId, sub: p.accountId, ten: p.tenantId };
      if (!subject) return undefined;
      return { accessToken: await issueToken(subject, secrets.tokenSigningKey), expiresIn: TOKEN_TTL_SECONDS };
    },
  };
}
