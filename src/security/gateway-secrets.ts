// The secrets every instance must share, kept sealed in the database and unsealed at start-up:
// the token signing key (generated on first use) and the API-key hash key. Hashes are keyed with
// the hash key, not the master key, so rotating the master key only re-seals (rotate-master-key.ts).
import type { Database } from '../data/db';
import { anyStoredKeys } from '../data/accounts/any-stored-keys';
import { findSealedSecret } from '../data/secrets/find-sealed-secret';
import { insertSealedSecretIfAbsent } from '../data/secrets/insert-sealed-secret';
import { ConfigError } from '../errors/config-error';
import { masterKeyId, seal, SealError, sealedKeyId, unseal } from './seal';
import { sodiumReady } from './sodium';

export interface GatewaySecrets {
  /** HMAC-SHA512-256 key of bearer tokens (crypto_auth) */
  readonly tokenSigningKey: Uint8Array;
  /** BLAKE2b key of the stored API-key and admin-key hashes */
  readonly keyHashKey: Uint8Array;
}

export const SECRET_NAMES = { tokenSigningKey: 'token-signing-key', keyHashKey: 'api-key-hash-key' } as const;

async function open(name: string, sealed: string, masterKey: Uint8Array): Promise<Uint8Array> {
  try {
    return await unseal(sealed, masterKey);
  } catch (err) {
    if (!(err instanceof SealError)) throw err;
    const hint = err.reason === 'wrong-key'
      ? `it is sealed under master key id ${sealedKeyId(sealed) ?? '?'} but the configured GATEWAY_MASTER_KEY has id ${await masterKeyId(masterKey)}`
      : err.message;
    throw new ConfigError(`sealed secret '${name}' cannot be opened: ${hint}`);
  }
}

/** Reads a sealed secret, creating it first (race-free: first insert wins) when it is missing. */
async function ensureSecret(db: Database, masterKey: Uint8Array, name: string, generate: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let row = await findSealedSecret(db.knex, name);
  if (!row) {
    const now = new Date().toISOString();
    await insertSealedSecretIfAbsent(db.knex, { name, sealed: await seal(await generate(), masterKey), created_at: now, updated_at: now });
    row = await findSealedSecret(db.knex, name);
    if (!row) throw new Error(`sealed secret '${name}' vanished after insert`);
  }
  return open(name, row.sealed, masterKey);
}

/**
 * Unseals (creating on first use) the shared secrets. ConfigError (one line) when they were
 * sealed under another master key. A database that already holds key hashes from before
 * migration 0003 (keyed with the master key itself) adopts the master key as its hash key, so
 * those keys keep working.
 */
export async function loadGatewaySecrets(db: Database, masterKey: Uint8Array): Promise<GatewaySecrets> {
  const sodium = await sodiumReady();
  const tokenSigningKey = await ensureSecret(db, masterKey, SECRET_NAMES.tokenSigningKey, async () => sodium.crypto_auth_keygen());
  const keyHashKey = await ensureSecret(db, masterKey, SECRET_NAMES.keyHashKey, async () =>
    (await anyStoredKeys(db.knex)) ? masterKey.slice() : sodium.randombytes_buf(32),
  );
  return { tokenSigningKey, keyHashKey };
}
