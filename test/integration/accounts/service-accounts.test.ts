import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { createTenant } from '../../../src/security/accounts/create-tenant';
import { ensureTenant } from '../../../src/security/accounts/ensure-tenant';
import { createServiceAccount } from '../../../src/security/accounts/create-service-account';
import { listAccounts } from '../../../src/security/accounts/list-service-accounts';
import { listTenants } from '../../../src/security/accounts/list-tenants';
import { verifyApiKey } from '../../../src/security/verify-api-key';
import { hashApiKey } from '../../../src/security/key-hash';
import { ERP_OPERATIONS } from '../../../src/security/operations';
import { BadRequestError, ConflictError, ValidationError } from '../../../src/errors/catalogue';

const MASTER = new Uint8Array(32).fill(7);

describe.each(testDialects())('tenants and ERP service accounts on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await createTenant(t.db, 'acme', 'ACME & Söhne GmbH');
    await createTenant(t.db, 'other');
  });
  afterAll(() => t.dispose());

  it('creates tenants, validates ids and refuses duplicates', async () => {
    await expect(createTenant(t.db, 'acme')).rejects.toBeInstanceOf(ConflictError);
    await expect(createTenant(t.db, 'Bad_Id')).rejects.toBeInstanceOf(BadRequestError);
    expect((await listTenants(t.db)).map((x) => [x.id, x.name])).toEqual([['acme', 'ACME & Söhne GmbH'], ['other', 'other']]);
    expect(await ensureTenant(t.db, 'acme')).toMatchObject({ created: false, tenant: { id: 'acme' } });
  });

  it('creates an account whose key verifies to an ERP principal with all operations by default', async () => {
    const acc = await createServiceAccount(t.db, MASTER, { tenant: 'acme' });
    expect(acc.id).toMatch(/^sa_[0-9a-f]{24}$/);
    expect(acc.apiKey).toMatch(/^erp-service\.acme\.[A-Za-z0-9_-]{43}$/);
    const p = await verifyApiKey(t.db, MASTER, acc.apiKey);
    expect(p).toMatchObject({ kind: 'erp', tenantId: 'acme', accountId: acc.id, rateLimitPerMinute: 600 });
    expect([...(p?.operations ?? [])]).toEqual([...ERP_OPERATIONS]);
  });

  it('stores only the keyed hash of the key', async () => {
    const acc = await createServiceAccount(t.db, MASTER, { tenant: 'acme', name: 'hash check' });
    const rows = await t.db.knex('api_keys').where({ account_id: acc.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].key_hash).toBe(await hashApiKey(acc.apiKey, MASTER));
    const dump = JSON.stringify(await t.db.knex('api_keys')) + JSON.stringify(await t.db.knex('service_accounts'));
    expect(dump).not.toContain(acc.apiKey.split('.')[2]);
  });

  it('grants only the requested operations and rate', async () => {
    const acc = await createServiceAccount(t.db, MASTER, { tenant: 'acme', operations: ['products.read', 'customers.read', 'products.read'], ratePerMinute: 42 });
    const p = await verifyApiKey(t.db, MASTER, acc.apiKey);
    expect([...(p?.operations ?? [])]).toEqual(['customers.read', 'products.read']);
    expect(p?.rateLimitPerMinute).toBe(42);
  });

  it('rejects unknown operations, bad rates and unknown tenants', async () => {
    await expect(createServiceAccount(t.db, MASTER, { tenant: 'acme', operations: ['customers.delete'] })).rejects.toBeInstanceOf(BadRequestError);
    await expect(createServiceAccount(t.db, MASTER, { tenant: 'acme', operations: [] })).rejects.toBeInstanceOf(BadRequestError);
    await expect(createServiceAccount(t.db, MASTER, { tenant: 'acme', ratePerMinute: 0 })).rejects.toBeInstanceOf(BadRequestError);
    await expect(createServiceAccount(t.db, MASTER, { tenant: 'nobody' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('answers undefined for a wrong secret, another tenant prefix, malformed keys and another master key', async () => {
    const acc = await createServiceAccount(t.db, MASTER, { tenant: 'acme' });
    const secret = acc.apiKey.split('.')[2] ?? '';
    const flipped = `${secret.slice(0, 10)}${secret[10] === 'A' ? 'B' : 'A'}${secret.slice(11)}`;
    for (const key of [
      `erp-service.acme.${flipped}`,
      `erp-service.other.${secret}`,
      `erp-service.acme.${secret}x`,
      'garbage',
      `b2x-admin.${secret}`,
      undefined,
    ]) {
      expect(await verifyApiKey(t.db, MASTER, key)).toBeUndefined();
    }
    expect(await verifyApiKey(t.db, new Uint8Array(32).fill(8), acc.apiKey)).toBeUndefined();
  });

  it('answers undefined for a revoked key, an expired key and an inactive account', async () => {
    const revoked = await createServiceAccount(t.db, MASTER, { tenant: 'acme' });
    await t.db.knex('api_keys').where({ account_id: revoked.id }).update({ revoked_at: new Date().toISOString() });
    expect(await verifyApiKey(t.db, MASTER, revoked.apiKey)).toBeUndefined();

    const expiring = await createServiceAccount(t.db, MASTER, { tenant: 'acme' });
    await t.db.knex('api_keys').where({ account_id: expiring.id }).update({ expires_at: '2030-01-01T00:00:00.000Z' });
    expect(await verifyApiKey(t.db, MASTER, expiring.apiKey, new Date('2029-12-31T23:59:59.999Z'))).toBeDefined();
    expect(await verifyApiKey(t.db, MASTER, expiring.apiKey, new Date('2030-01-01T00:00:00.000Z'))).toBeUndefined();

    const inactive = await createServiceAccount(t.db, MASTER, { tenant: 'acme' });
    await t.db.knex('service_accounts').where({ id: inactive.id }).update({ active: 0 });
    expect(await verifyApiKey(t.db, MASTER, inactive.apiKey)).toBeUndefined();
  });

  it('keeps tenants apart: a key of one tenant is bound to that tenant', async () => {
    const acc = await createServiceAccount(t.db, MASTER, { tenant: 'other' });
    expect((await verifyApiKey(t.db, MASTER, acc.apiKey))?.tenantId).toBe('other');
  });

  it('lists accounts without any key, secret or hash, filtered by tenant', async () => {
    const acc = await createServiceAccount(t.db, MASTER, { tenant: 'other', name: 'list check' });
    const all = await listAccounts(t.db);
    const mine = await listAccounts(t.db, { tenant: 'other' });
    expect(mine.every((a) => a.tenant === 'other')).toBe(true);
    expect(mine.map((a) => a.id)).toContain(acc.id);
    expect(all.length).toBeGreaterThan(mine.length);
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/apiKey|key_hash|keyHash|secret|erp-service\./);
    for (const a of all) expect(Object.keys(a).sort()).toEqual(['active', 'createdAt', 'id', 'lastUsedAt', 'name', 'operations', 'rateLimitPerMinute', 'tenant']);
  });
});
