import { describe, expect, it } from 'vitest';
import {
  formatAdminKey, formatErpKey, generateKeySecret, parseApiKey, parseBasicCredentials,
} from '../../../src/security/api-key';

const SECRET = 'A'.repeat(42) + 'E';

describe('API key format (contract.md Credentials)', () => {
  it('parses an ERP key into tenant and secret', () => {
    const key = `erp-service.acme-gmbh.${SECRET}`;
    expect(parseApiKey(key)).toEqual({ kind: 'erp', tenant: 'acme-gmbh', secret: SECRET, key });
  });

  it('parses an admin key', () => {
    expect(parseApiKey(`b2x-admin.${SECRET}`)).toEqual({ kind: 'admin', secret: SECRET, key: `b2x-admin.${SECRET}` });
  });

  it.each([
    ['empty', ''],
    ['no secret', 'erp-service.acme.'],
    ['short secret', `erp-service.acme.${SECRET.slice(1)}`],
    ['long secret', `erp-service.acme.${SECRET}A`],
    ['secret with padding', `erp-service.acme.${SECRET.slice(0, 42)}=`],
    ['secret with non-url base64', `erp-service.acme.${'+'.repeat(42)}A`],
    ['last char encodes bits beyond 32 bytes', `erp-service.acme.${'A'.repeat(42)}B`],
    ['upper-case tenant', `erp-service.Acme.${SECRET}`],
    ['tenant starting with a dash', `erp-service.-acme.${SECRET}`],
    ['tenant of 33 characters', `erp-service.${'a'.repeat(33)}.${SECRET}`],
    ['tenant with a dot', `erp-service.ac.me.${SECRET}`],
    ['wrong prefix', `erp-services.acme.${SECRET}`],
    ['admin key with tenant', `b2x-admin.acme.${SECRET}`],
    ['surrounding space', ` erp-service.acme.${SECRET}`],
    ['huge input', 'x'.repeat(100_000)],
  ])('rejects a malformed key (%s)', (_, key) => {
    expect(parseApiKey(key)).toBeUndefined();
  });

  it('never throws on non-string input', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('k')]) expect(parseApiKey(v)).toBeUndefined();
  });

  it('accepts a 32-character tenant id', () => {
    expect(parseApiKey(`erp-service.${'a'.repeat(32)}.${SECRET}`)?.kind).toBe('erp');
  });

  it('generates 43-character base64url secrets that round-trip through format and parse', async () => {
    const secrets = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const secret = await generateKeySecret();
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      expect(parseApiKey(formatErpKey('t1', secret))).toMatchObject({ kind: 'erp', tenant: 't1', secret });
      expect(parseApiKey(formatAdminKey(secret))).toMatchObject({ kind: 'admin', secret });
      secrets.add(secret);
    }
    expect(secrets.size).toBe(50);
  });

  it('reads legacy Basic credentials as the ERP key they spell', () => {
    expect(parseBasicCredentials('erp-service.acme', SECRET)).toMatchObject({ kind: 'erp', tenant: 'acme', secret: SECRET });
    expect(parseBasicCredentials('b2x-admin', SECRET)).toBeUndefined();
    expect(parseBasicCredentials('erp-service.acme', 'wrong')).toBeUndefined();
  });

  it('refuses to format an invalid key', () => {
    expect(() => formatErpKey('Bad', SECRET)).toThrow();
    expect(() => formatAdminKey('short')).toThrow();
  });
});
