// The dual-running CLI (issue #5) as child processes against the database of a running test
// gateway, on both dialects: `legacy route|surface|credential …` and `migration report`. The
// running gateway picks every change up within its 1 s cache lifetime; a credential value is
// never printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { cliJson, runCli, type CliRun } from '../../helpers/run-cli';
import { createLegacyStore } from '../../../src/legacy/legacy-store';
import { secretBox } from '../../../src/security/secret-box';

const ROOT = resolve(__dirname, '../../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** runCli with `input` on stdin (run-cli.ts leaves stdin open). */
function runCliWithStdin(args: readonly string[], env: Record<string, string>, input: string): Promise<CliRun> {
  return new Promise((done) => {
    const child = execFile(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server/cli.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

describe.each(testDialects())('legacy CLI on %s', (dialect) => {
  let gw: TestGateway;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    await gw.keyFor('acme');
    dir = mkdtempSync(join(tmpdir(), 'b2x-cli-legacy-'));
    env = { DATABASE_URL: gw.database.url, GATEWAY_MASTER_KEY: Buffer.from(gw.masterKey).toString('hex') };
  });
  afterAll(async () => {
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const seen = async (check: () => Promise<boolean>): Promise<number> => {
    const t0 = Date.now();
    while (!(await check()) && Date.now() - t0 < 3000) await sleep(50);
    return Date.now() - t0;
  };

  it('legacy route set reaches the running gateway within 1 s', async () => {
    await gw.legacyStore.settingsFor('acme'); // cached before the change
    const r = await runCli(['legacy', 'route', 'set', '--tenant', 'acme', '--set', 'Products', '--mode', 'shadow', '--primary', 'local', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(cliJson(r)).toMatchObject({ tenant: 'acme', entitySet: 'Products', mode: 'shadow', primary: 'local', explicit: true });
    const waited = await seen(async () => (await gw.legacyStore.settingsFor('acme')).routes.get('Products')?.mode === 'shadow');
    expect(waited).toBeLessThanOrEqual(1200);
  });

  it('legacy route list shows explicit routes and defaults, as text and JSON', async () => {
    const listed = cliJson(await runCli(['legacy', 'route', 'list', '--tenant', 'acme', '--json'], env));
    expect(listed.value).toHaveLength(5);
    expect(listed.value).toContainEqual(expect.objectContaining({ tenant: 'acme', entitySet: 'Customers', mode: 'local', explicit: false }));
    const text = await runCli(['legacy', 'route', 'list'], env);
    expect(text.stdout).toMatch(/acme\s+Products\s+shadow\s+primary local\s+set /);
    expect(text.stdout).toMatch(/acme\s+Customers\s+local\s+primary local\s+\(default\)/);
  });

  it('refuses bad route input: usage errors exit 2, unknown set or tenant exits 1', async () => {
    expect((await runCli(['legacy', 'route', 'set', '--tenant', 'acme', '--set', 'Products', '--mode', 'remote'], env)).code).toBe(2);
    expect((await runCli(['legacy', 'route', 'set', '--tenant', 'acme', '--set', 'Products'], env)).code).toBe(2);
    const unknown = await runCli(['legacy', 'route', 'set', '--tenant', 'acme', '--set', 'Widgets', '--mode', 'local', '--json'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No entity set 'Widgets'");
    expect((await runCli(['legacy', 'route', 'set', '--tenant', 'nobody', '--set', 'Products', '--mode', 'local'], env)).code).toBe(1);
    expect((await runCli(['legacy', 'route'], env)).code).toBe(2);
  });

  it('legacy surface set replaces the surface; the gateway sees it within 1 s', async () => {
    const r = await runCli(['legacy', 'surface', 'set', '--tenant', 'acme', '--state', 'read-only', '--sunset', '2026-12-31T00:00:00Z', '--link', 'https://docs.example.com/migrate', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(cliJson(r)).toMatchObject({ tenant: 'acme', state: 'read-only', sunset: '2026-12-31T00:00:00.000Z', link: 'https://docs.example.com/migrate' });
    expect(await seen(async () => (await gw.legacyStore.settingsFor('acme')).surface.state === 'read-only')).toBeLessThanOrEqual(1200);
    expect((await runCli(['legacy', 'surface', 'set', '--tenant', 'acme', '--state', 'closed'], env)).code).toBe(2);
    expect((await runCli(['legacy', 'surface', 'set', '--tenant', 'acme', '--state', 'off', '--sunset', 'soon'], env)).code).toBe(1);
  });

  it('legacy credential set reads the value from a file or stdin, seals it and never prints it', async () => {
    const file = join(dir, 'upstream.secret');
    writeFileSync(file, 'Basic ZmlsZS1zZWNyZXQ=\n', { mode: 0o600 });
    const fromFile = await runCli(['legacy', 'credential', 'set', '--tenant', 'acme', '--header', 'Authorization', '--value-file', file, '--json'], env);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(cliJson(fromFile)).toEqual({ tenant: 'acme', header: 'Authorization', stored: true });
    expect(fromFile.stdout + fromFile.stderr).not.toContain('ZmlsZS1zZWNyZXQ');
    expect(await seen(async () => (await gw.legacyStore.settingsFor('acme')).credential?.value === 'Basic ZmlsZS1zZWNyZXQ=')).toBeLessThanOrEqual(1200);

    const fromStdin = await runCliWithStdin(['legacy', 'credential', 'set', '--tenant', 'acme', '--header', 'X-Legacy-Key', '--value-stdin'], env, 'stdin-secret-42\n');
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout + fromStdin.stderr).not.toContain('stdin-secret-42');
    expect(await seen(async () => (await gw.legacyStore.settingsFor('acme')).credential?.value === 'stdin-secret-42')).toBeLessThanOrEqual(1200);
    const raw = (await gw.database.db.knex('sealed_secrets').where({ name: 'legacy-upstream:acme' }).first()) as { sealed: string };
    expect(raw.sealed).not.toContain('stdin-secret-42');

    expect((await runCli(['legacy', 'credential', 'set', '--tenant', 'acme', '--header', 'X-Key'], env)).code).toBe(2);
    expect((await runCli(['legacy', 'credential', 'set', '--tenant', 'acme', '--header', 'X-Key', '--value-file', join(dir, 'missing')], env)).code).toBe(2);
    const badHeader = await runCliWithStdin(['legacy', 'credential', 'set', '--tenant', 'acme', '--header', 'Bad Header', '--value-stdin'], env, 'leak-me');
    expect(badHeader.code).toBe(1);
    expect(badHeader.stdout + badHeader.stderr).not.toContain('leak-me');
  });

  it('master-key rotate re-seals the upstream credential; the running gateway keeps using it', async () => {
    const newKeyFile = join(dir, 'new-master.key');
    const r = await runCli(['master-key', 'rotate', '--new-key-file', newKeyFile, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(cliJson(r).resealed).toContain('legacy-upstream:acme');
    const rotated = createLegacyStore({ db: gw.database.db, box: secretBox(new Uint8Array(readFileSync(newKeyFile))) });
    expect((await rotated.settingsFor('acme')).credential).toEqual({ header: 'X-Legacy-Key', value: 'stdin-secret-42' });
    await sleep(1050); // past the cache: the running instance re-reads a value sealed under a key it does not have
    expect((await gw.legacyStore.settingsFor('acme')).credential?.value).toBe('stdin-secret-42');
    env = { ...env, GATEWAY_MASTER_KEY: Buffer.from(readFileSync(newKeyFile)).toString('hex') };
  });

  it('legacy credential clear forgets the credential', async () => {
    const r = await runCli(['legacy', 'credential', 'clear', '--tenant', 'acme', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(cliJson(r)).toEqual({ tenant: 'acme', cleared: true });
    expect(await seen(async () => (await gw.legacyStore.settingsFor('acme')).credential === undefined)).toBeLessThanOrEqual(1200);
  });

  it('migration report prints readable text by default and exactly one JSON object with --json', async () => {
    const text = await runCli(['migration', 'report', '--tenant', 'acme'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Migration report /);
    expect(text.stdout).toMatch(/acme: legacy surface read-only \(sunset 2026-12-31T00:00:00.000Z, link https:\/\/docs.example.com\/migrate\)/);
    expect(text.stdout).toMatch(/Products\s+shadow\s+local/);
    expect(text.stdout).toContain('verdict: NOT ready to switch the legacy surface off');
    const json = cliJson(await runCli(['migration', 'report', '--tenant', 'acme', '--from', '2026-03-01T00:00:00Z', '--to', '2026-03-02T00:00:00Z', '--granularity', 'hour', '--json'], env));
    expect(json).toMatchObject({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z', granularity: 'hour' });
    expect((json.tenants as Array<{ verdict: { canSwitchOff: boolean } }>)[0]?.verdict.canSwitchOff).toBe(false);
    expect((await runCli(['migration', 'report', '--granularity', 'week'], env)).code).toBe(2);
    expect((await runCli(['migration', 'report', '--tenant', 'nobody'], env)).code).toBe(1);
  });
});
