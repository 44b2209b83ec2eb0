// Bearer token → Principal. The signature and expiry are checked on every request (cheap); the
// state of the key the token was issued with (revoked? expired? account deactivated or deleted?)
// is read from the database through a short cache, so a revocation reaches tokens as fast as keys.
import type { Database } from '../data/db';
import { findAdminKey } from '../data/accounts/find-admin-key';
import { findKeyById } from '../data/accounts/find-key-by-id';
import { adminPrincipal, adminUsable, erpPrincipal, keyUsable } from './key-principal';
import type { Principal } from './principal';
import { readToken, type TokenClaims } from './token';
import { cachedVerifier } from './verified-key-cache';

type KeyState = (typeAndKeyId: string) => Promise<Principal | undefined>;

/** Current principal of a key, by `erp:<keyId>` or `admin:<keyId>`. */
function keyStateReader(db: Database): KeyState {
  return async (typeAndKeyId) => {
    const [typ, kid = ''] = typeAndKeyId.split(':', 2);
    if (typ === 'admin') {
      const row = await findAdminKey(db.knex, { id: kid });
      return row && adminUsable(row) ? adminPrincipal(row, 'token') : undefined;
    }
    const row = await findKeyById(db.knex, kid);
    return row && keyUsable(row, new Date().toISOString()) ? erpPrincipal(row, 'token') : undefined;
  };
}

function matches(claims: TokenClaims, p: Principal): boolean {
  if (p.kind === 'admin') return claims.typ === 'admin' && claims.sub === p.adminKeyId;
  return claims.typ === 'erp' && claims.sub === p.accountId && claims.ten === p.tenantId;
}

export function tokenVerifier(db: Database, signingKey: Uint8Array, cacheTtlMs: number): (token: string) => Promise<Principal | undefined> {
  const keyState = cachedVerifier(keyStateReader(db), cacheTtlMs);
  return async (token) => {
    const claims = await readToken(token, signingKey);
    if (!claims) return undefined;
    const principal = await keyState(`${claims.typ}:${claims.kid}`);
    return principal && matches(claims, principal) ? principal : undefined;
  };
}
