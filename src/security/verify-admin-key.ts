// Presented admin key (`b2x-admin.{secret}`) → AdminPrincipal, or undefined for every failure
// (malformed, unknown, revoked), answered like every other failure with the one 401.
import type { Database } from '../data/db';
import { findAdminKey } from '../data/accounts/find-admin-key';
import { parseApiKey } from './api-key';
import { hashApiKey, verifyKeyHash } from './key-hash';
import { adminPrincipal, adminUsable } from './key-principal';
import type { AdminPrincipal } from './principal';

export async function verifyAdminKey(db: Database, hashKey: Uint8Array, presentedKey: unknown): Promise<AdminPrincipal | undefined> {
  const parsed = parseApiKey(presentedKey);
  if (parsed?.kind !== 'admin') return undefined;
  const row = await findAdminKey(db.knex, { key_hash: await hashApiKey(parsed.key, hashKey) });
  if (!row || !(await verifyKeyHash(parsed.key, row.key_hash, hashKey))) return undefined;
  return adminUsable(row) ? adminPrincipal(row, 'key') : undefined;
}
