// API keys are stored only as keyed hashes: BLAKE2b-256 (libsodium crypto_generichash) of the
// whole key string, keyed with the hash key (a random 32-byte secret sealed under the master key,
// see gateway-secrets.ts), so a leaked table cannot be brute-forced offline without that key.
// Comparison is constant-time (contract.md "Credentials").
import { sodiumReady } from './sodium';

const HASH_BYTES = 32;
const HEX_HASH = /^[0-9a-f]{64}$/;

/** Hex keyed hash of a whole API key (64 lower-case hex digits). */
export async function hashApiKey(key: string, hashKey: Uint8Array): Promise<string> {
  const sodium = await sodiumReady();
  return sodium.crypto_generichash(HASH_BYTES, key, hashKey, 'hex');
}

/** True when `key` hashes to `storedHashHex` under `hashKey`; compared with sodium.memcmp. */
export async function verifyKeyHash(key: string, storedHashHex: string, hashKey: Uint8Array): Promise<boolean> {
  const sodium = await sodiumReady();
  const actual = sodium.crypto_generichash(HASH_BYTES, key, hashKey);
  // a malformed stored value still costs one memcmp, against a zero buffer of the right length
  const expected = HEX_HASH.test(storedHashHex) ? sodium.from_hex(storedHashHex) : new Uint8Array(HASH_BYTES);
  const equal = sodium.memcmp(actual, expected);
  return equal && HEX_HASH.test(storedHashHex);
}
