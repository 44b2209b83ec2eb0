import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialects } from '../../helpers/databases';
import { cliJson, freshDatabaseUrl, runCli } from '../../helpers/run-cli';
import { openDatabase } from '../../../src/data/db';
import { loadMasterKey } from '../../../src/security/master-key';
import { loadGatewaySecrets } from '../../../src/security/gateway-secrets';
import { verifyPresentedKey } from '../../../src/security/verify-presented-key';

describe.each(testDialects())('key lifecycle commands on %s', (dialect) => {
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  /** what a running gateway with this master-key file would make of a key */
  const verify = async (key: unknown, keyFile = env.GATEWAY_MASTER_KEY_FILE ?? '') => {
    const db = openDatabase(env.DATABASE_URL ?? '');
    try {
      const master = await loadMasterKey({ masterKeyText: undefined, masterKeyFile: keyFile, production: false });
      return await verifyPresentedKey(db, (await loadGatewaySecrets(db, master)).keyHashKey, key);
    } finally {
      await db.close();
    }
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'b2x-cli-keys-'));
    const db = await freshDatabaseUrl(dialect, dir);
    drop = db.drop;
    env = { DATABASE_URL: db.url, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key') };
    expect((await runCli(['tenant', 'create', 'acme', '--json'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('admin create-key --json prints {id, apiKey} once; the key is an admin key', async () => {
    const r = await runCli(['admin', 'create-key', '--name', 'ops', '--json'], env);
    expect(r.code).toBe(0);
    const body = cliJson(r);
    expect(Object.keys(body).sort()).toEqual(['apiKey', 'id']);
    expect(body.apiKey).toMatch(/^b2x-admin\.[A-Za-z0-9_-]{43}$/);
    expect(await verify(body.apiKey)).toMatchObject({ kind: 'admin', adminKeyId: body.id });
  });

  it('account rotate and revoke --json, with account list never showing a key', async () => {
    const created = cliJson(await runCli(['account', 'create', '--tenant', 'acme', '--json'], env));
    const rotated = await runCli(['account', 'rotate', String(created.id), '--grace', '0', '--json'], env);
    expect(rotated.code).toBe(0);
    const r = cliJson(rotated);
    expect(Object.keys(r).sort()).toEqual(['apiKey', 'id', 'previousKeyExpiresAt']);
    expect(await verify(created.apiKey)).toBeUndefined();
    expect(await verify(r.apiKey)).toMatchObject({ kind: 'erp', accountId: created.id });

    const graced = cliJson(await runCli(['account', 'rotate', String(created.id), '--json'], env));
    expect(Date.parse(String(graced.previousKeyExpiresAt)) - Date.now()).toBeGreaterThan(86_000_000);
    expect(await verify(r.apiKey)).toBeDefined();

    const revoked = await runCli(['account', 'revoke', String(created.id), '--json'], env);
    expect(revoked.code).toBe(0);
    expect(cliJson(revoked)).toMatchObject({ id: created.id, keysRevoked: 3 });
    expect(await verify(r.apiKey)).toBeUndefined();
    expect(await verify(graced.apiKey)).toBeUndefined();

    const list = await runCli(['account', 'list', '--json'], env);
    for (const k of [created.apiKey, r.apiKey, graced.apiKey]) expect(list.stdout).not.toContain(String(k).split('.')[2]);
    expect(list.stdout).not.toMatch(/apiKey|key_hash/);
  });

  it('refuses a missing id, a bad --grace (exit 2) and an unknown account (exit 1, NotFound)', async () => {
    expect((await runCli(['account', 'rotate'], env)).code).toBe(2);
    expect((await runCli(['account', 'rotate', 'sa_x', '--grace', 'soon'], env)).code).toBe(2);
    const unknown = await runCli(['account', 'revoke', 'sa_000000000000000000000000', '--json'], env);
    expect(unknown.code).toBe(1);
    expect(cliJson(unknown)).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('master-key rotate re-seals under a new key file; keys keep working with it, the old key file is refused', async () => {
    const erp = cliJson(await runCli(['account', 'create', '--tenant', 'acme', '--json'], env));
    const newKeyFile = join(dir, 'master.key.new');
    const r = await runCli(['master-key', 'rotate', '--new-key-file', newKeyFile, '--json'], env);
    expect(r.code).toBe(0);
    const body = cliJson(r);
    expect(body).toMatchObject({ newKeyFile, alreadyCurrent: [] });
    expect((body.resealed as string[]).sort()).toEqual(['api-key-hash-key', 'token-signing-key']);
    expect(statSync(newKeyFile).mode & 0o777).toBe(0o600);
    expect(r.stdout).not.toContain(String(erp.apiKey));

    expect(await verify(erp.apiKey, newKeyFile)).toMatchObject({ accountId: erp.id });
    const withOld = await runCli(['account', 'create', '--tenant', 'acme'], env);
    expect(withOld.code).toBe(1);
    expect(withOld.stderr.trim().split('\n')).toHaveLength(1);
    expect(withOld.stderr).toMatch(/sealed secret .* cannot be opened/);
    const withNew = await runCli(['account', 'create', '--tenant', 'acme', '--json'], { ...env, GATEWAY_MASTER_KEY_FILE: newKeyFile });
    expect(await verify(cliJson(withNew).apiKey, newKeyFile)).toMatchObject({ kind: 'erp' });
  });
});
