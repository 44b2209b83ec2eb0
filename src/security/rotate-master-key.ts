// Master-key rotation: re-seal every sealed secret under the new key, all in one transaction.
// Nothing else depends on the master key (API-key hashes are keyed with the sealed hash key), so
// no key stops working. Values already sealed under the new key are left alone: re-running a
// rotation that was interrupted, or run twice, is harmless.
import type { Database } from '../data/db';
import { listSealedSecrets } from '../data/secrets/list-sealed-secrets';
import { replaceSealedSecrets, type SealedSecretChange } from '../data/secrets/replace-sealed-secrets';
import { BadRequestError } from '../errors/catalogue';
import { ConfigError } from '../errors/config-error';
import { masterKeyId, seal, SealError, sealedKeyId, unseal } from './seal';

export interface MasterKeyRotation {
  readonly oldKeyId: string;
  readonly newKeyId: string;
  /** names of the secrets re-sealed now */
  readonly resealed: readonly string[];
  /** names already sealed under the new key */
  readonly alreadyCurrent: readonly string[];
}

/** A value under neither key stops the rotation before anything is changed. */
async function openWithOldKey(name: string, sealed: string, oldKey: Uint8Array): Promise<Uint8Array> {
  try {
    return await unseal(sealed, oldKey);
  } catch (err) {
    if (err instanceof SealError) throw new ConfigError(`sealed secret '${name}' cannot be opened with the configured master key: ${err.message}`);
    throw err;
  }
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
    changes.push({ name: row.name, from: row.sealed, to: await seal(await openWithOldKey(row.name, row.sealed, oldKey), newKey) });
  }
  await replaceSealedSecrets(db.knex, changes, new Date().toISOString());
  return { oldKeyId, newKeyId, resealed: changes.map((c) => c.name), alreadyCurrent };
}
