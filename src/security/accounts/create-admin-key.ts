// A platform admin key `b2x-admin.{secret}` (CLI `admin create-key`, POST /api/admin/keys):
// returned exactly once, stored only as its keyed hash.
import type { Database } from '../../data/db';
import { insertAdminKey } from '../../data/accounts/insert-admin-key';
import { formatAdminKey, generateKeySecret } from '../api-key';
import { hashApiKey } from '../key-hash';
import { assertName } from './create-tenant';
import { newId } from './new-id';

export interface CreatedAdminKey {
  readonly id: string;
  readonly name: string;
  /** shown once; never stored */
  readonly apiKey: string;
}

export async function createAdminKey(db: Database, hashKey: Uint8Array, name = 'admin key'): Promise<CreatedAdminKey> {
  assertName(name);
  const id = await newId('adm');
  const apiKey = formatAdminKey(await generateKeySecret());
  await insertAdminKey(db.knex, { id, name, key_hash: await hashApiKey(apiKey, hashKey), created_at: new Date().toISOString(), revoked_at: null });
  return { id, name, apiKey };
}
