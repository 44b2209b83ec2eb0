// The two API-key formats of contract.md "Credentials", parsed strictly and without throwing:
// ERP `erp-service.{tenant}.{secret}` and admin `b2x-admin.{secret}`, secret = 32 random bytes
// as 43 base64url characters. Anything else is "no key", which the caller turns into the one 401.
import { sodiumReady } from './sodium';

export const ERP_KEY_PREFIX = 'erp-service';
export const ADMIN_KEY_PREFIX = 'b2x-admin';
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** 32 bytes in unpadded base64url: the 43rd character carries 4 data bits, its 2 low bits are 0 */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const SECRET_BYTES = 32;
const MAX_KEY_LENGTH = ERP_KEY_PREFIX.length + 1 + 32 + 1 + 43;

export type ParsedApiKey =
  | { readonly kind: 'erp'; readonly tenant: string; readonly secret: string; readonly key: string }
  | { readonly kind: 'admin'; readonly secret: string; readonly key: string };

export const isTenantId = (s: string): boolean => TENANT_ID_PATTERN.test(s);
export const isKeySecret = (s: string): boolean => SECRET_PATTERN.test(s);

/** Parses a presented key; undefined for anything malformed (never throws, whatever the input). */
export function parseApiKey(input: unknown): ParsedApiKey | undefined {
  if (typeof input !== 'string' || input.length > MAX_KEY_LENGTH) return undefined;
  const parts = input.split('.');
  if (parts.length === 3 && parts[0] === ERP_KEY_PREFIX) {
    const [, tenant = '', secret = ''] = parts;
    if (isTenantId(tenant) && isKeySecret(secret)) return { kind: 'erp', tenant, secret, key: input };
  } else if (parts.length === 2 && parts[0] === ADMIN_KEY_PREFIX) {
    const secret = parts[1] ?? '';
    if (isKeySecret(secret)) return { kind: 'admin', secret, key: input };
  }
  return undefined;
}

/**
 * The ERP key carried by legacy Basic credentials: user `erp-service.{tenant}`, password `{secret}`.
 * Undefined when they do not form a well-formed ERP key.
 */
export function parseBasicCredentials(user: string, password: string): ParsedApiKey | undefined {
  const key = parseApiKey(`${user}.${password}`);
  return key?.kind === 'erp' ? key : undefined;
}

export function formatErpKey(tenant: string, secret: string): string {
  if (!isTenantId(tenant) || !isKeySecret(secret)) throw new Error('formatErpKey: invalid tenant or secret');
  return `${ERP_KEY_PREFIX}.${tenant}.${secret}`;
}

export function formatAdminKey(secret: string): string {
  if (!isKeySecret(secret)) throw new Error('formatAdminKey: invalid secret');
  return `${ADMIN_KEY_PREFIX}.${secret}`;
}

/** A fresh secret: 32 bytes from libsodium's CSPRNG as unpadded base64url (43 characters). */
export async function generateKeySecret(): Promise<string> {
  const sodium = await sodiumReady();
  return sodium.to_base64(sodium.randombytes_buf(SECRET_BYTES), sodium.base64_variants.URLSAFE_NO_PADDING);
}
