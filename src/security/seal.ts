// Secrets at rest are sealed with libsodium crypto_secretbox_easy (XSalsa20-Poly1305) under the
// master key. Every sealed value names the master key that sealed it (`v1.<keyId>.<nonce>.<box>`),
// so a rotation can tell what is still to re-seal and a wrong key fails clearly, not with garbage.
import { sodiumReady } from './sodium';

const VERSION = 'v1';
const KEY_ID_BYTES = 8;
const SEALED = /^v1\.([0-9a-f]{16})\.([A-Za-z0-9_-]{32})\.([A-Za-z0-9_-]{22,})$/;

/** Why a sealed value could not be opened; the message never contains secret material. */
export class SealError extends Error {
  constructor(message: string, readonly reason: 'malformed' | 'wrong-key' | 'tampered') {
    super(message);
    this.name = 'SealError';
  }
}

/** Public id of a master key: 8 bytes of a keyed BLAKE2b of a constant, as hex. Reveals nothing of the key. */
export async function masterKeyId(masterKey: Uint8Array): Promise<string> {
  const sodium = await sodiumReady();
  return sodium.to_hex(sodium.crypto_generichash(16, 'b2x-gateway master key id', masterKey).subarray(0, KEY_ID_BYTES));
}

/** The master-key id a sealed value names, or undefined when it is not a sealed value. */
export function sealedKeyId(sealed: string): string | undefined {
  return SEALED.exec(sealed)?.[1];
}

export async function seal(plain: Uint8Array, masterKey: Uint8Array): Promise<string> {
  const sodium = await sodiumReady();
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const box = sodium.crypto_secretbox_easy(plain, nonce, masterKey);
  const b64 = (b: Uint8Array) => sodium.to_base64(b, sodium.base64_variants.URLSAFE_NO_PADDING);
  return `${VERSION}.${await masterKeyId(masterKey)}.${b64(nonce)}.${b64(box)}`;
}

/** Opens a sealed value; SealError when malformed, sealed under another key, or altered. */
export async function unseal(sealed: string, masterKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await sodiumReady();
  const m = SEALED.exec(sealed);
  if (!m?.[1] || !m[2] || !m[3]) throw new SealError('not a sealed value', 'malformed');
  const expected = await masterKeyId(masterKey);
  if (m[1] !== expected) throw new SealError(`sealed under master key ${m[1]}, not the configured ${expected}`, 'wrong-key');
  try {
    const from = (s: string) => sodium.from_base64(s, sodium.base64_variants.URLSAFE_NO_PADDING);
    return sodium.crypto_secretbox_open_easy(from(m[3]), from(m[2]), masterKey);
  } catch {
    throw new SealError('sealed value fails authentication (altered or corrupt)', 'tampered');
  }
}
