// Presented key → Principal, or undefined for every kind of failure (malformed, unknown, wrong
// secret, revoked, expired, inactive account, tenant mismatch): the caller answers all of them
// with the same 401 (contract.md "Credentials").
import type { Database } from '../data/db';
import { findKeyByHash, type KeyWithAccount } from '../data/accounts/find-key-by-hash';
import { parseApiKey } from './api-key';
import { hashApiKey, verifyKeyHash } from './key-hash';
import type { ErpPrincipal } from './principal';
import { parseOperationsColumn } from './accounts/operations-column';

function usable(row: KeyWithAccount, tenant: string, nowIso: string): boolean {
  if (row.revoked_at !== null) return false;
  if (row.expires_at !== null && row.expires_at <= nowIso) return false; // fixed-width ISO: text order = time order
  return Number(row.active) === 1 && row.tenant_id === tenant;
}

export async function verifyApiKey(
  db: Database,
  masterKey: Uint8Array,
  presentedKey: unknown,
  now: Date = new Date(),
): Promise<ErpPrincipal | undefined> {
  const parsed = parseApiKey(presentedKey);
  if (parsed?.kind !== 'erp') return undefined; // admin keys: verified elsewhere (not yet stored)
  const row = await findKeyByHash(db.knex, await hashApiKey(parsed.key, masterKey));
  if (!row) return undefined;
  // the lookup matched on the hash already; the constant-time compare guards against a DB
  // collation or driver ever matching loosely
  if (!(await verifyKeyHash(parsed.key, row.key_hash, masterKey))) return undefined;
  if (!usable(row, parsed.tenant, now.toISOString())) return undefined;
  return {
    kind: 'erp',
    tenantId: row.tenant_id,
    accountId: row.account_id,
    operations: new Set(parseOperationsColumn(row.operations)),
    rateLimitPerMinute: Number(row.rate_limit_per_minute),
  };
}
