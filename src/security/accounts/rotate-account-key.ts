// Key rotation (contract.md Admin API / `account rotate`): a new key, shown once; the account's
// previous keys keep working for the grace period (default 86400 s, 0 = they stop at once).
import type { Database } from '../../data/db';
import { addRotatedKey } from '../../data/accounts/add-rotated-key';
import { findServiceAccount } from '../../data/accounts/find-service-account';
import { BadRequestError } from '../../errors/catalogue';
import { formatErpKey, generateKeySecret } from '../api-key';
import { hashApiKey } from '../key-hash';
import { accountNotFound } from './get-service-account';
import { newId } from './new-id';

export const DEFAULT_GRACE_SECONDS = 86_400;
export const MAX_GRACE_SECONDS = 30 * 86_400;

export interface RotatedKey {
  readonly id: string;
  /** shown once; never stored */
  readonly apiKey: string;
  /** when the previous key(s) stop working; null when the account had no live key */
  readonly previousKeyExpiresAt: string | null;
}

export function assertGraceSeconds(grace: number): void {
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_SECONDS) {
    throw new BadRequestError(`graceSeconds must be an integer 0-${MAX_GRACE_SECONDS}`, { target: 'graceSeconds' });
  }
}

export async function rotateAccountKey(
  db: Database,
  hashKey: Uint8Array,
  id: string,
  opts: { graceSeconds?: number; now?: Date } = {},
): Promise<RotatedKey> {
  const grace = opts.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  assertGraceSeconds(grace);
  const account = await findServiceAccount(db.knex, id);
  if (!account) throw accountNotFound(id);
  const now = opts.now ?? new Date();
  const cutOff = new Date(now.getTime() + grace * 1000).toISOString();
  const apiKey = formatErpKey(account.tenant_id, await generateKeySecret());
  const key = { id: await newId('key'), account_id: id, key_hash: await hashApiKey(apiKey, hashKey), created_at: now.toISOString(), expires_at: null, revoked_at: null };
  const previous = await addRotatedKey(db.knex, key, cutOff);
  if (previous === undefined) throw accountNotFound(id); // deleted in between
  return { id, apiKey, previousKeyExpiresAt: previous > 0 ? cutOff : null };
}
