// Master-key rotation: re-seal every sealed secret under the new key, all in one transaction.
// Nothing else depends on the master key (API-key hashes are keyed with the sealed hash key), so
// no key stops working. Values already sealed under the new key are left alone: re-running a
// rotation that was interrupted, or run twice, is harmless.
import type { Database } from '../data/db';
import { listSealedSecrets } from '../data/secrets/list-sealed-secrets';
import { replaceSealedSecrets, type SealedSecretChange } from '../data/secrets/replace-sealed-secrets';
import { BadRequestError } from '../errors/catalogue';
import { masterKeyId, seal, sealedKeyId, unseal } from './seal';

export interface MasterKeyRotation {
  readonly oldKeyId: string;
  readonly newKeyId: string;
  /** names of the secrets re-sealed now */
  readonly resealed: readonly string[];
  /** names already sealed under the new key */
  readonly alreadyCurrent: readonly string[];
}

export async function rotateMasterKey(db: Database, oldKey: Uint8Array, newKey: Uint8Array): Promise<MasterKeyRotation> {
  const [oldKeyId, newKeyId] = [await masterKeyId(oldKey), await masterKeyId(newKey)];
  if (oldKeyId === newKeyId) throw new BadRequestError('the new master key is the configured master key');
  const rows = await listSealedSecrets(db.knex);
  const changes: SealedSecretChange[] = [];
  const alreadyCurrent: string[] = [];
  for (const row of rows) {
    if (sealedKeyId(row.sealed) === newKeyId) {
      alreadyCurrent.push(row.name);
      continue;
    }
    // unseal throws SealError for a value under neither key: nothing is changed then
    changes.push({ name: row.name, from: row.sealed, to: await seal(await unseal(row.sealed, oldKey), newKey) });
  }
  await replaceSealedSecrets(db.knex, changes, new Date().toISOString());
  return { oldKeyId, newKeyId, resealed: changes.map((c) => c.name), alreadyCurrent };
}
