// Presented key → Principal, or undefined for every kind of failure (malformed, unknown, wrong
// secret, revoked, expired, inactive account, tenant mismatch): the caller answers all of them
// with the same 401 (contract.md "Credentials"). ERP keys only: verify-presented-key.ts also
// takes admin keys. `hashKey` is the sealed API-key hash key (gateway-secrets.ts).
import type { Database } from '../data/db';
import { findKeyByHash } from '../data/accounts/find-key-by-hash';
import { parseApiKey } from './api-key';
import { hashApiKey, verifyKeyHash } from './key-hash';
import type { ErpPrincipal } from './principal';
import { erpPrincipal, keyUsable } from './key-principal';

export async function verifyApiKey(
  db: Database,
  hashKey: Uint8Array,
  presentedKey: unknown,
  now: Date = new Date(),
): Promise<ErpPrincipal | undefined> {
  const parsed = parseApiKey(presentedKey);
  if (parsed?.kind !== 'erp') return undefined;
  const row = await findKeyByHash(db.knex, await hashApiKey(parsed.key, hashKey));
  if (!row) return undefined;
  // the lookup matched on the hash already; the constant-time compare guards against a DB
  // collation or driver ever matching loosely
  if (!(await verifyKeyHash(parsed.key, row.key_hash, hashKey))) return undefined;
  if (!keyUsable(row, now.toISOString()) || row.tenant_id !== parsed.tenant) return undefined;
  return erpPrincipal(row, 'key');
}
