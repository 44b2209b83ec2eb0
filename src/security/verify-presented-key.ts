// Any presented key, ERP or admin, → Principal (contract.md "Credentials"); what the
// authentication middleware calls. Undefined for every failure.
import type { Database } from '../data/db';
import { parseApiKey } from './api-key';
import type { Principal } from './principal';
import { verifyAdminKey } from './verify-admin-key';
import { verifyApiKey } from './verify-api-key';

export async function verifyPresentedKey(db: Database, hashKey: Uint8Array, presentedKey: unknown, now = new Date()): Promise<Principal | undefined> {
  const parsed = parseApiKey(presentedKey);
  if (parsed?.kind === 'erp') return verifyApiKey(db, hashKey, parsed.key, now);
  if (parsed?.kind === 'admin') return verifyAdminKey(db, hashKey, parsed.key);
  return undefined;
}
