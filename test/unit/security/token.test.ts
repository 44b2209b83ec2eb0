import { describe, expect, it } from 'vitest';
import { issueToken, readToken, TOKEN_TTL_SECONDS } from '../../../src/security/token';

const KEY = new Uint8Array(32).fill(3);
const SUBJECT = { typ: 'erp' as const, kid: 'key_1', sub: 'sa_1', ten: 'acme' };
const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function flipAt(s: string, index: number): string {
  return `${s.slice(0, index)}${s[index] === 'A' ? 'B' : 'A'}${s.slice(index + 1)}`;
}

describe('bearer tokens', () => {
  it('issues a compact token whose claims read back with iat and a 900 s expiry', async () => {
    const token = await issueToken(SUBJECT, KEY, T0);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const iat = T0.getTime() / 1000;
    expect(await readToken(token, KEY, at(10))).toEqual({ ...SUBJECT, iat, exp: iat + TOKEN_TTL_SECONDS });
  });

  it('stops working at its expiry', async () => {
    const token = await issueToken(SUBJECT, KEY, T0);
    expect(await readToken(token, KEY, at(TOKEN_TTL_SECONDS - 1))).toBeDefined();
    expect(await readToken(token, KEY, at(TOKEN_TTL_SECONDS))).toBeUndefined();
  });

  it('refuses a token altered anywhere, signed with another key, or issued in the future', async () => {
    const token = await issueToken(SUBJECT, KEY, T0);
    const [, payload = '', mac = ''] = token.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ ...SUBJECT, ten: 'other', iat: 1, exp: 9e9 })).toString('base64url');
    for (const bad of [`v1.${flipAt(payload, 4)}.${mac}`, `v1.${payload}.${flipAt(mac, 7)}`, `v1.${forgedClaims}.${mac}`, `v2.${payload}.${mac}`]) {
      expect(await readToken(bad, KEY, at(1))).toBeUndefined();
    }
    expect(await readToken(token, new Uint8Array(32).fill(4), at(1))).toBeUndefined();
    expect(await readToken(await issueToken(SUBJECT, KEY, at(3600)), KEY, T0)).toBeUndefined();
  });

  it('answers undefined, never throws, for garbage', async () => {
    for (const bad of [undefined, 42, '', 'v1..', 'v1.a.b', `v1.${'A'.repeat(2000)}.${'A'.repeat(43)}`, 'erp-service.acme.x']) {
      expect(await readToken(bad, KEY, T0)).toBeUndefined();
    }
  });
});
