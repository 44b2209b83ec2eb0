import { afterEach, describe, expect, it, vi } from 'vitest';
import sodium = require('libsodium-wrappers');
import { hashApiKey, verifyKeyHash } from '../../../src/security/key-hash';

const KEY = `erp-service.acme.${'A'.repeat(42)}E`;
const master = (fill: number) => new Uint8Array(32).fill(fill);

describe('keyed API-key hash', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is 64 hex digits and stable for the same key and master key', async () => {
    const h = await hashApiKey(KEY, master(1));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashApiKey(KEY, master(1))).toBe(h);
  });

  it('is keyed: a different master key gives a different hash', async () => {
    expect(await hashApiKey(KEY, master(1))).not.toBe(await hashApiKey(KEY, master(2)));
  });

  it('differs for keys differing in one character', async () => {
    expect(await hashApiKey(KEY, master(1))).not.toBe(await hashApiKey(KEY.replace(/E$/, 'I'), master(1)));
  });

  it('verifies the right key and rejects a wrong key, a wrong master key and a malformed hash', async () => {
    const h = await hashApiKey(KEY, master(1));
    expect(await verifyKeyHash(KEY, h, master(1))).toBe(true);
    expect(await verifyKeyHash(`${KEY.slice(0, -1)}I`, h, master(1))).toBe(false);
    expect(await verifyKeyHash(KEY, h, master(2))).toBe(false);
    expect(await verifyKeyHash(KEY, 'zz', master(1))).toBe(false);
    expect(await verifyKeyHash(KEY, h.toUpperCase(), master(1))).toBe(false);
  });

  it('compares in constant time with sodium.memcmp', async () => {
    await sodium.ready;
    const spy = vi.spyOn(sodium, 'memcmp');
    const h = await hashApiKey(KEY, master(1));
    await verifyKeyHash(KEY, h, master(1));
    await verifyKeyHash(KEY, 'not-hex', master(1));
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls) expect(a.length).toBe(b.length);
  });
});
