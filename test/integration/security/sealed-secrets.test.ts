import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { loadGatewaySecrets, SECRET_NAMES } from '../../../src/security/gateway-secrets';
import { rotateMasterKey } from '../../../src/security/rotate-master-key';
import { masterKeyId } from '../../../src/security/seal';
import { createTenant } from '../../../src/security/accounts/create-tenant';
import { createServiceAccount } from '../../../src/security/accounts/create-service-account';
import { createAdminKey } from '../../../src/security/accounts/create-admin-key';
import { verifyPresentedKey } from '../../../src/security/verify-presented-key';
import { hashApiKey } from '../../../src/security/key-hash';
import { ConfigError } from '../../../src/errors/config-error';
import { webhookAdmin } from '../../../src/events/webhook-admin';
import { secretBox } from '../../../src/security/secret-box';

const OLD = new Uint8Array(32).fill(11);
const NEW = new Uint8Array(32).fill(12);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe.each(testDialects())('sealed secrets and master-key rotation on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.dispose());

  it('creates the signing and hash keys once, sealed, and every instance unseals the same ones', async () => {
    const first = await loadGatewaySecrets(t.db, OLD);
    const again = await loadGatewaySecrets(t.db, OLD);
    expect(hex(again.tokenSigningKey)).toBe(hex(first.tokenSigningKey));
    expect(hex(again.keyHashKey)).toBe(hex(first.keyHashKey));
    expect(hex(first.keyHashKey)).not.toBe(hex(OLD));
    const rows = await t.db.knex('sealed_secrets').select('name', 'sealed').orderBy('name');
    expect(rows.map((r) => r.name)).toEqual([SECRET_NAMES.keyHashKey, SECRET_NAMES.tokenSigningKey]);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(hex(first.tokenSigningKey));
    expect(dump).not.toContain(Buffer.from(first.tokenSigningKey).toString('base64url'));
    for (const r of rows) expect(r.sealed.startsWith(`v1.${await masterKeyId(OLD)}.`)).toBe(true);
  });

  it('agrees on one set of secrets when instances start at once on a new database', async () => {
    const all = await Promise.all([1, 2, 3].map(() => loadGatewaySecrets(t.db, OLD)));
    expect(new Set(all.map((s) => hex(s.tokenSigningKey))).size).toBe(1);
    expect(new Set(all.map((s) => hex(s.keyHashKey))).size).toBe(1);
  });

  it('refuses to start with another master key, naming both key ids in one line', async () => {
    await loadGatewaySecrets(t.db, OLD);
    const err = await loadGatewaySecrets(t.db, NEW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(await masterKeyId(OLD));
    expect((err as Error).message).toContain(await masterKeyId(NEW));
    expect((err as Error).message).not.toMatch(/\n/);
  });

  it('rotating the master key re-seals every secret and leaves every key working', async () => {
    const before = await loadGatewaySecrets(t.db, OLD);
    await createTenant(t.db, 'acme');
    const erp = await createServiceAccount(t.db, before.keyHashKey, { tenant: 'acme' });
    const admin = await createAdminKey(t.db, before.keyHashKey, 'ops');
    const rotation = await rotateMasterKey(t.db, OLD, NEW);
    expect(rotation).toMatchObject({ oldKeyId: await masterKeyId(OLD), newKeyId: await masterKeyId(NEW), alreadyCurrent: [] });
    expect([...rotation.resealed].sort()).toEqual([SECRET_NAMES.keyHashKey, SECRET_NAMES.tokenSigningKey]);

    const after = await loadGatewaySecrets(t.db, NEW);
    expect(hex(after.keyHashKey)).toBe(hex(before.keyHashKey));
    expect(hex(after.tokenSigningKey)).toBe(hex(before.tokenSigningKey));
    expect(await verifyPresentedKey(t.db, after.keyHashKey, erp.apiKey)).toMatchObject({ kind: 'erp', accountId: erp.id });
    expect(await verifyPresentedKey(t.db, after.keyHashKey, admin.apiKey)).toMatchObject({ kind: 'admin', adminKeyId: admin.id });
    await expect(loadGatewaySecrets(t.db, OLD)).rejects.toBeInstanceOf(ConfigError);
  });

  it('re-seals webhook signing secrets too, so deliveries can still be signed after the rotation', async () => {
    await loadGatewaySecrets(t.db, OLD);
    await createTenant(t.db, 'acme');
    const created = await webhookAdmin(t.db, secretBox(OLD), { production: false }).create({ tenant: 'acme', url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] });
    const rotation = await rotateMasterKey(t.db, OLD, NEW);
    expect(rotation.resealed).toContain(`webhook:${created.id}`);
    const row = (await t.db.knex('webhook_subscriptions').where({ id: created.id }).first('secret_sealed')) as { secret_sealed: string };
    expect(row.secret_sealed.startsWith(`v1.${await masterKeyId(NEW)}.`)).toBe(true);
    expect(await secretBox(NEW).open(row.secret_sealed)).toBe(created.secret);
    expect((await rotateMasterKey(t.db, OLD, NEW)).alreadyCurrent).toContain(`webhook:${created.id}`);
  });

  it('a repeated rotation changes nothing; the same key twice or an unknown key is refused', async () => {
    await loadGatewaySecrets(t.db, OLD);
    await rotateMasterKey(t.db, OLD, NEW);
    const stored = await t.db.knex('sealed_secrets').select('sealed').orderBy('name');
    const again = await rotateMasterKey(t.db, OLD, NEW);
    expect(again.resealed).toEqual([]);
    expect(again.alreadyCurrent).toHaveLength(2);
    expect(await t.db.knex('sealed_secrets').select('sealed').orderBy('name')).toEqual(stored);
    await expect(rotateMasterKey(t.db, NEW, NEW)).rejects.toThrow(/is the configured master key/);
    await expect(rotateMasterKey(t.db, new Uint8Array(32).fill(99), OLD)).rejects.toBeInstanceOf(ConfigError);
  });

  it('adopts the master key as hash key on a database whose keys were hashed with it (before 0003)', async () => {
    await createTenant(t.db, 'acme');
    // what 0002-era code stored: the key hash keyed with the master key itself
    const legacy = await createServiceAccount(t.db, OLD, { tenant: 'acme' });
    const secrets = await loadGatewaySecrets(t.db, OLD);
    expect(hex(secrets.keyHashKey)).toBe(hex(OLD));
    expect((await t.db.knex('api_keys').where({ account_id: legacy.id }).first()).key_hash).toBe(await hashApiKey(legacy.apiKey, OLD));
    expect(await verifyPresentedKey(t.db, secrets.keyHashKey, legacy.apiKey)).toMatchObject({ accountId: legacy.id });
  });
});
