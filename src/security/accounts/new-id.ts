// Opaque random ids for accounts and keys (`sa_…`, `key_…`, admin keys `adm_…`): 12 CSPRNG bytes as hex, URL-safe.
import { sodiumReady } from '../sodium';

export async function newId(prefix: 'sa' | 'key' | 'adm'): Promise<string> {
  const sodium = await sodiumReady();
  return `${prefix}_${sodium.to_hex(sodium.randombytes_buf(12))}`;
}
