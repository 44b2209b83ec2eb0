// Revocation (contract.md): every key of the account stops working at once — here at the next
// uncached check, on every instance within the credential cache TTL; bearer tokens issued with
// those keys too, since token verification re-checks the key.
import type { Database } from '../../data/db';
import { findServiceAccount } from '../../data/accounts/find-service-account';
import { revokeAccountKeys } from '../../data/accounts/revoke-account-keys';
import { accountNotFound } from './get-service-account';

export interface RevokedAccount {
  readonly id: string;
  readonly revokedAt: string;
  /** keys revoked by this call (already revoked ones are not counted again) */
  readonly keysRevoked: number;
}

export async function revokeServiceAccount(db: Database, id: string, now = new Date()): Promise<RevokedAccount> {
  if (!(await findServiceAccount(db.knex, id))) throw accountNotFound(id);
  const revokedAt = now.toISOString();
  return { id, revokedAt, keysRevoked: await revokeAccountKeys(db.knex, id, revokedAt) };
}
