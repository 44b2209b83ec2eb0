// Turns a stored key row into a Principal, and decides whether the key is usable now. Shared by
// key verification (by hash) and token verification (by key id), so both apply the same rules.
import type { KeyWithAccount } from '../data/accounts/find-key-by-hash';
import type { AdminKeyRow } from '../data/accounts/rows';
import { parseOperationsColumn } from './accounts/operations-column';
import type { AdminPrincipal, ErpPrincipal } from './principal';

/** Not revoked, not expired, account active. Timestamps are fixed-width ISO: text order = time order. */
export function keyUsable(row: KeyWithAccount, nowIso: string): boolean {
  if (row.revoked_at !== null) return false;
  if (row.expires_at !== null && row.expires_at <= nowIso) return false;
  return Number(row.active) === 1;
}

export function erpPrincipal(row: KeyWithAccount, via: 'key' | 'token'): ErpPrincipal {
  return {
    kind: 'erp',
    tenantId: row.tenant_id,
    accountId: row.account_id,
    operations: new Set(parseOperationsColumn(row.operations)),
    rateLimitPerMinute: Number(row.rate_limit_per_minute),
    keyId: row.key_id,
    via,
  };
}

export const adminUsable = (row: AdminKeyRow): boolean => row.revoked_at === null;

export function adminPrincipal(row: AdminKeyRow, via: 'key' | 'token'): AdminPrincipal {
  return { kind: 'admin', adminKeyId: row.id, via };
}
