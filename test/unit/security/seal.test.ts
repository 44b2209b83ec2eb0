import { describe, expect, it } from 'vitest';
import { masterKeyId, seal, SealError, sealedKeyId, unseal } from '../../../src/security/seal';

const key = (n: number) => new Uint8Array(32).fill(n);
const SECRET = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));

/** Replaces one character of a base64url part by another valid one. */
function flipAt(s: string, index: number): string {
  const c = s[index] === 'A' ? 'B' : 'A';
  return `${s.slice(0, index)}${c}${s.slice(index + 1)}`;
}

describe('sealing secrets at rest', () => {
  it('round-trips a secret and names the sealing master key in the value', async () => {
    const sealed = await seal(SECRET, key(1));
    expect(sealed).toMatch(/^v1\.[0-9a-f]{16}\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]+$/);
    expect(sealedKeyId(sealed)).toBe(await masterKeyId(key(1)));
    expect(Buffer.from(await unseal(sealed, key(1)))).toEqual(Buffer.from(SECRET));
  });

  it('uses a fresh nonce every time, so equal secrets never seal alike', async () => {
    expect(await seal(SECRET, key(1))).not.toBe(await seal(SECRET, key(1)));
  });

  it('derives distinct key ids that do not contain the key', async () => {
    const id = await masterKeyId(key(1));
    expect(id).not.toBe(await masterKeyId(key(2)));
    expect(Buffer.from(key(1)).toString('hex')).not.toContain(id);
  });

  it('detects tampering with the ciphertext or the nonce', async () => {
    const sealed = await seal(SECRET, key(1));
    const [v, id, nonce = '', box = ''] = sealed.split('.');
    for (const bad of [`${v}.${id}.${nonce}.${flipAt(box, 5)}`, `${v}.${id}.${flipAt(nonce, 3)}.${box}`]) {
      const err = await unseal(bad, key(1)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SealError);
      expect((err as SealError).reason).toBe('tampered');
    }
  });

  it('refuses another master key by its id, and malformed values', async () => {
    const sealed = await seal(SECRET, key(1));
    await expect(unseal(sealed, key(2))).rejects.toMatchObject({ reason: 'wrong-key' });
    // a forged key id does not help: the box still fails authentication
    const forged = sealed.replace(/^v1\.[0-9a-f]{16}/, `v1.${await masterKeyId(key(2))}`);
    await expect(unseal(forged, key(2))).rejects.toMatchObject({ reason: 'tampered' });
    for (const bad of ['', 'v1', 'v2.0011223344556677.x.y', sealed.replace(/^v1/, 'v0')]) {
      await expect(unseal(bad, key(1))).rejects.toMatchObject({ reason: 'malformed' });
    }
  });
});
