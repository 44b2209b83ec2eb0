// Short-lived bearer tokens (contract.md "Credentials"): `v1.<claims>.<mac>`, claims as base64url
// JSON, MAC = libsodium crypto_auth (HMAC-SHA512-256) with the shared, sealed signing key. The
// token names the key it was issued with, so verify-token.ts can re-check that key's state.
import { z } from 'zod';
import { sodiumReady } from './sodium';

export const TOKEN_TTL_SECONDS = 900;
const PREFIX = 'v1.';
const MAX_TOKEN_LENGTH = 1024;
const TOKEN = /^v1\.([A-Za-z0-9_-]{2,900})\.([A-Za-z0-9_-]{43})$/;

const CLAIMS = z.strictObject({
  /** erp: an ERP service account's key; admin: a platform admin key */
  typ: z.enum(['erp', 'admin']),
  /** id of the key the token was issued with */
  kid: z.string().min(1).max(64),
  /** account id (erp) or admin key id (admin) */
  sub: z.string().min(1).max(64),
  /** tenant (erp only) */
  ten: z.string().min(1).max(32).optional(),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().nonnegative(),
});

export type TokenClaims = z.infer<typeof CLAIMS>;
export type TokenSubject = Omit<TokenClaims, 'iat' | 'exp'>;

const b64 = async (b: Uint8Array | string): Promise<string> => {
  const sodium = await sodiumReady();
  return sodium.to_base64(b, sodium.base64_variants.URLSAFE_NO_PADDING);
};

/** Signs a token for `subject`, valid from `now` for `ttlSeconds`. */
export async function issueToken(subject: TokenSubject, signingKey: Uint8Array, now = new Date(), ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
  const sodium = await sodiumReady();
  const iat = Math.floor(now.getTime() / 1000);
  const body = `${PREFIX}${await b64(JSON.stringify({ ...subject, iat, exp: iat + ttlSeconds }))}`;
  return `${body}.${await b64(sodium.crypto_auth(body, signingKey))}`;
}

function fromB64(sodium: Awaited<ReturnType<typeof sodiumReady>>, s: string): Uint8Array | undefined {
  try {
    return sodium.from_base64(s, sodium.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    return undefined;
  }
}

function parseClaims(json: string): TokenClaims | undefined {
  try {
    const claims = CLAIMS.safeParse(JSON.parse(json));
    return claims.success ? claims.data : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of an authentic, unexpired token; undefined for anything else (never throws). */
export async function readToken(token: unknown, signingKey: Uint8Array, now = new Date()): Promise<TokenClaims | undefined> {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const m = TOKEN.exec(token);
  if (!m?.[1] || !m[2]) return undefined;
  const sodium = await sodiumReady();
  const mac = fromB64(sodium, m[2]);
  // crypto_auth_verify compares in constant time; the claims are parsed only once authentic
  if (mac?.length !== sodium.crypto_auth_BYTES || !sodium.crypto_auth_verify(mac, `${PREFIX}${m[1]}`, signingKey)) return undefined;
  const payload = fromB64(sodium, m[1]);
  const claims = payload && parseClaims(sodium.to_string(payload));
  if (!claims) return undefined;
  const nowSeconds = now.getTime() / 1000;
  // a token "issued" more than a minute in the future is not ours to honour (clock skew allowance)
  return claims.exp > nowSeconds && claims.iat <= nowSeconds + 60 ? claims : undefined;
}
