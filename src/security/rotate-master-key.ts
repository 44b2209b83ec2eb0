// Master-key rotation: re-seal every sealed value under the new key — the shared secrets and the
// legacy upstream credentials (sealed_secrets) and the webhook signing secrets — in one transaction.
// Nothing else depends on the master key (API-key hashes are keyed with the sealed hash key), so
// no key stops working. Values already sealed under the new key are left alone: re-running a
// rotation that was interrupted, or run twice, is harmless.
import type { Database } from '../data/db';
import { listSealedSecrets } from '../data/secrets/list-sealed-secrets';
import { listWebhookSecrets } from '../data/webhooks/list-webhook-secrets';
import { replaceSealedSecrets, type SealedSecretChange } from '../data/secrets/replace-sealed-secrets';
import { BadRequestError } from '../errors/catalogue';
import { ConfigError } from '../errors/config-error';
import { masterKeyId, seal, SealError, sealedKeyId, unseal } from './seal';

export interface MasterKeyRotation {
  readonly oldKeyId: string;
  readonly newKeyId: string;
  /** names of the secrets re-sealed now (webhook signing secrets as `webhook:<subscription id>`) */
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

interface SealedValue {
  readonly place: SealedSecretChange['place'];
  readonly name: string;
  readonly sealed: string;
}

async function sealedValues(db: Database): Promise<SealedValue[]> {
  const secrets = (await listSealedSecrets(db.knex)).map((r) => ({ place: 'sealed_secrets' as const, name: r.name, sealed: r.sealed }));
  const webhooks = (await listWebhookSecrets(db.knex)).map((r) => ({ place: 'webhook_subscriptions' as const, name: r.id, sealed: r.secret_sealed }));
  return [...secrets, ...webhooks];
}

const shownName = (v: SealedValue): string => (v.place === 'sealed_secrets' ? v.name : `webhook:${v.name}`);

export async function rotateMasterKey(db: Database, oldKey: Uint8Array, newKey: Uint8Array): Promise<MasterKeyRotation> {
  const [oldKeyId, newKeyId] = [await masterKeyId(oldKey), await masterKeyId(newKey)];
  if (oldKeyId === newKeyId) throw new BadRequestError('the new master key is the configured master key');
  const changes: SealedSecretChange[] = [];
  const alreadyCurrent: string[] = [];
  for (const v of await sealedValues(db)) {
    if (sealedKeyId(v.sealed) === newKeyId) {
      alreadyCurrent.push(shownName(v));
      continue;
    }
    changes.push({ place: v.place, name: v.name, from: v.sealed, to: await seal(await openWithOldKey(shownName(v), v.sealed, oldKey), newKey) });
  }
  await replaceSealedSecrets(db.knex, changes, new Date().toISOString());
  return { oldKeyId, newKeyId, resealed: changes.map((c) => (c.place === 'sealed_secrets' ? c.name : `webhook:${c.name}`)), alreadyCurrent };
}
