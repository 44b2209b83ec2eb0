// The admin operations in the CLI (contract: "same operations in the CLI"): tenant list, account
// show / update / delete, audit list — run as real child processes on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialects } from '../../helpers/databases';
import { cliJson, freshDatabaseUrl, runCli } from '../../helpers/run-cli';

describe.each(testDialects())('admin commands on %s', (dialect) => {
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let accountId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'b2x-cli-admin-'));
    const db = await freshDatabaseUrl(dialect, dir);
    drop = db.drop;
    env = { DATABASE_URL: db.url, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key') };
    expect((await runCli(['tenant', 'create', 'acme', '--name', 'ACME AG', '--json'], env)).code).toBe(0);
    const created = cliJson(await runCli(['account', 'create', '--tenant', 'acme', '--json'], env));
    accountId = created.id as string;
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tenant list shows the tenants', async () => {
    const out = cliJson(await runCli(['tenant', 'list', '--json'], env));
    expect(out.tenants).toEqual([expect.objectContaining({ id: 'acme', name: 'ACME AG' })]);
  });

  it('account show prints the account without any key or hash', async () => {
    const r = await runCli(['account', 'show', accountId, '--json'], env);
    expect(r.code).toBe(0);
    expect(cliJson(r)).toMatchObject({ id: accountId, tenant: 'acme', active: true });
    expect(r.stdout).not.toMatch(/erp-service\.|apiKey|hash/i);
  });

  it('account update changes grants, limit and state, and refuses an empty change', async () => {
    const out = cliJson(await runCli(['account', 'update', accountId, '--ops', 'customers.read', '--rate', '42', '--active', 'false', '--json'], env));
    expect(out).toMatchObject({ operations: ['customers.read'], rateLimitPerMinute: 42, active: false });
    expect((await runCli(['account', 'update', accountId], env)).code).toBe(2);
    expect((await runCli(['account', 'update', accountId, '--ops', 'no.such.op', '--json'], env)).code).toBe(1);
  });

  it('audit list answers with rows (empty here) and refuses a bad date', async () => {
    expect(cliJson(await runCli(['audit', 'list', '--tenant', 'acme', '--json'], env))).toEqual({ value: [] });
    expect((await runCli(['audit', 'list', '--from', 'yesterday'], env)).code).toBe(2);
  });

  it('account delete removes the account', async () => {
    expect((await runCli(['account', 'delete', accountId, '--json'], env)).code).toBe(0);
    expect((await runCli(['account', 'show', accountId, '--json'], env)).code).toBe(1);
  });
});
