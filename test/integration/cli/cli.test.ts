import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialects } from '../../helpers/databases';
import { cliJson, freshDatabaseUrl, runCli } from '../../helpers/run-cli';
import { openDatabase } from '../../../src/data/db';
import { loadMasterKey } from '../../../src/security/master-key';
import { verifyApiKey } from '../../../src/security/verify-api-key';
import { loadGatewaySecrets } from '../../../src/security/gateway-secrets';
import { migrationNames } from '../../../src/data/migrations';

const cli = runCli;
const json = cliJson;

describe.each(testDialects())('b2x-gateway CLI on %s', (dialect) => {
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'b2x-cli-'));
    const db = await freshDatabaseUrl(dialect, dir);
    drop = db.drop;
    env = { DATABASE_URL: db.url, GATEWAY_MASTER_KEY_FILE: join(dir, 'keys', 'master.key') };
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrate --json applies every migration, then reports none', async () => {
    const first = await cli(['migrate', '--json'], env);
    expect(first.code).toBe(0);
    expect(json(first)).toEqual({ applied: migrationNames() });
    expect(json(await cli(['--json', 'migrate'], env))).toEqual({ applied: [] });
  });

  it('tenant create, account create --json and the key verifies', async () => {
    const tenant = await cli(['tenant', 'create', 'acme', '--name', 'ACME & Söhne', '--json'], env);
    expect(tenant.code).toBe(0);
    expect(json(tenant)).toMatchObject({ id: 'acme', name: 'ACME & Söhne' });

    const created = await cli(['account', 'create', '--tenant', 'acme', '--ops', 'customers.read,products.read', '--rate', '120', '--json'], env);
    expect(created.code).toBe(0);
    const body = json(created);
    expect(Object.keys(body).sort()).toEqual(['apiKey', 'id']);
    expect(body.id).toMatch(/^sa_[0-9a-f]{24}$/);
    expect(body.apiKey).toMatch(/^erp-service\.acme\.[A-Za-z0-9_-]{43}$/);
    expect(statSync(env.GATEWAY_MASTER_KEY_FILE ?? '').mode & 0o777).toBe(0o600);

    const db = openDatabase(env.DATABASE_URL ?? '');
    try {
      const masterKey = await loadMasterKey({ masterKeyText: undefined, masterKeyFile: env.GATEWAY_MASTER_KEY_FILE ?? '', production: false });
      const { keyHashKey } = await loadGatewaySecrets(db, masterKey);
      const principal = await verifyApiKey(db, keyHashKey, body.apiKey);
      expect(principal).toMatchObject({ tenantId: 'acme', accountId: body.id, rateLimitPerMinute: 120 });
      expect([...(principal?.operations ?? [])]).toEqual(['customers.read', 'products.read']);
    } finally {
      await db.close();
    }

    const list = await cli(['account', 'list', '--tenant', 'acme', '--json'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(String(body.apiKey));
    expect(json(list)).toMatchObject({ accounts: [{ id: body.id, tenant: 'acme', rateLimitPerMinute: 120 }] });
  });

  it('seed --json creates the tenant if missing and reports counts; a second seed conflicts', async () => {
    const r = await cli(['seed', '--tenant', 'demo', '--customers', '20', '--products', '30', '--contacts-per-customer', '3', '--json'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(json(r)).toMatchObject({
      tenant: 'demo', tenantCreated: true, seed: 42, counts: { categories: 50, customers: 20, contacts: 60, products: 30 },
    });
    const again = await cli(['seed', '--tenant', 'demo', '--customers', '1', '--products', '1', '--json'], env);
    expect(again.code).toBe(1);
    expect(json(again)).toMatchObject({ error: { code: 'Conflict' } });
  });

  it('answers expected errors with one line on stderr, no stack trace, exit 1', async () => {
    const r = await cli(['tenant', 'create', 'acme'], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(["b2x-gateway: tenant 'acme' already exists"]);
    const prod = await cli(['seed', '--tenant', 'x'], { ...env, NODE_ENV: 'production' });
    expect(prod.code).toBe(1);
    expect(prod.stderr).toMatch(/production/);
    const badConfig = await cli(['migrate'], { ...env, PORT: 'abc' });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr.trim()).toBe('b2x-gateway: PORT must be an integer 1-65535 (got "abc")');
  });
});

describe.concurrent('b2x-gateway CLI usage', () => {
  const env = { DATABASE_URL: 'sqlite::memory:' };

  it.each([[['frob']], [['account', 'frob']], [['seed']], [['account', 'create', '--tenant', 'a', '--bogus']], [['seed', '--tenant', 'a', '--customers', 'ten']], [[]]])(
    'exits 2 on a usage error: %j',
    async (args) => {
      const r = await cli(args, env);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('prints help and exits 0', async () => {
    const r = await cli(['--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/account create --tenant T/);
  });
});
