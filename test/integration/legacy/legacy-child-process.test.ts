// End to end with a real second gateway PROCESS as the legacy RESTier service: `b2x-gateway serve`
// on its own SQLite file, seeded and given an ERP account through the CLI; its key becomes our
// tenant's upstream credential. Both sides hold the same deterministic seed, so they agree until a
// row is changed on the legacy side only. Both run under the same operator name mapping
// (ODATA_NAME_MAPPING_FILE), so they speak the same public names — which differ from our canonical ones.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant } from '../../../src/data/seed/seed-tenant';
import { testDialects } from '../../helpers/databases';
import { freePort } from '../../helpers/free-port';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { cliJson, runCli } from '../../helpers/run-cli';
import { writeClient, writerKey, type WriteClient } from '../odata-write/write-client';
import { eventually, TENANT } from './dual-running-setup';

const ROOT = resolve(__dirname, '../../..');
const SEED = { customers: 12, products: 12, seed: 7 };
// Customers are `Kunden` of type `Kunde` with a `Bezeichnung` instead of a `Name`
const MAPPING = { entitySets: { Customers: 'Kunden' }, types: { Customer: 'Kunde' }, properties: { Customer: { Name: 'Bezeichnung' } } };

/** `serve --json` as a child process; resolves with its URL once it listens. */
async function serveChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/cli.ts'), 'serve', '--json'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"listening"')) done((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => fail(new Error(`legacy child exited with ${code}`)));
  });
  return { child, url };
}

describe.each(testDialects())('a legacy gateway in a child process (our side on %s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'b2x-legacy-'));
  const mappingFile = join(dir, 'name-mapping.json');
  writeFileSync(mappingFile, JSON.stringify(MAPPING));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'legacy.db')}`, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key'), LOG_LEVEL: 'warn', ODATA_NAME_MAPPING_FILE: mappingFile };
  let legacy: { child: ChildProcess; url: string };
  let legacyClient: WriteClient;
  let gw: TestGateway;
  let client: WriteClient;
  let ids: string[];

  beforeAll(async () => {
    const seeded = await runCli(['seed', '--tenant', TENANT, '--customers', String(SEED.customers), '--products', String(SEED.products), '--seed', String(SEED.seed), '--json'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const account = cliJson(await runCli(['account', 'create', '--tenant', TENANT, '--json'], env));
    const legacyKey = account.apiKey as string;
    legacy = await serveChild({ ...env, PORT: String(await freePort()) });
    gw = await startTestGateway(dialect, { nameMappingFile: mappingFile, legacy: { upstreamUrl: `${legacy.url}/odata`, timeoutMs: 3000, breaker: { threshold: 2, halfOpenAfterMs: 60_000 } } });
    await seedTenant(gw.database.db, TENANT, SEED);
    client = writeClient(gw, await writerKey(gw, TENANT));
    // the write client only needs `request`: pointed at the legacy process, it talks to the legacy side directly
    const onLegacy = { request: (path: string, key: string, init: RequestInit = {}) => fetch(`${legacy.url}${path}`, { ...init, headers: { 'X-API-Key': key, ...(init.headers as Record<string, string>) } }) };
    legacyClient = writeClient(onLegacy as unknown as TestGateway, legacyKey);
    await gw.legacyStore.setUpstreamCredential(TENANT, { header: 'X-API-Key', value: legacyKey });
    ids = ((await client.get('Kunden?$select=ID&$orderby=ID&$top=3')).body.value as Array<{ ID: string }>).map((c) => c.ID);
    expect(ids).toHaveLength(3);
  }, 90_000);

  afterAll(async () => {
    legacy?.child.kill('SIGKILL');
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves an upstream set from the legacy process and sends writes there', async () => {
    const [first = ''] = ids;
    expect((await legacyClient.patch(`Kunden('${first}')`, { Bezeichnung: 'Only in the legacy database' })).status).toBe(204);
    await gw.legacyStore.setRoute(TENANT, { entitySet: 'Customers', mode: 'upstream', primary: 'upstream' });
    const res = await client.get(`Kunden('${first}')`);
    expect(res.body.Bezeichnung).toBe('Only in the legacy database');
    expect(res.body['@odata.context']).toBe(`${gw.url}/odata/$metadata#Kunden/$entity`);
    const created = await client.post('Kunden', { ID: 'E2E-1', Bezeichnung: 'Created through the gateway' }, { Prefer: 'return=minimal' });
    expect(created.status).toBe(204);
    expect(created.headers.get('odata-entityid')).toBe(`${gw.url}/odata/Kunden('E2E-1')`);
    expect((await legacyClient.get("Kunden('E2E-1')")).body.Bezeichnung).toBe('Created through the gateway');
    expect((await client.get('Products?$top=1')).status).toBe(200); // still ours
  });

  it('records the legacy-only change in shadow mode and agrees on an untouched customer', async () => {
    const [first = '', second = ''] = ids;
    await gw.legacyStore.setRoute(TENANT, { entitySet: 'Customers', mode: 'shadow', primary: 'local' });
    expect((await client.get(`Kunden('${second}')?$expand=Contacts`)).status).toBe(200);
    expect((await client.get(`Kunden('${first}')`)).status).toBe(200);
    const row = await eventually(async () => (await gw.database.db.knex('shadow_differences').where({ tenant_id: TENANT }))[0] as Record<string, string> | undefined);
    expect(row).toMatchObject({ entity_set: 'Customers', request: `GET /Kunden('${first}')`, first_path: '/Bezeichnung', secondary_value: '"Only in the legacy database"' });
    await eventually(async () => {
      const counts = await gw.database.db.knex('shadow_comparison_counts').where({ tenant_id: TENANT, entity_set: 'Customers' }).first();
      return counts && Number(counts.compared) >= 2 ? counts : undefined;
    });
    expect(await gw.database.db.knex('shadow_differences').where({ tenant_id: TENANT })).toHaveLength(1);
  });

  it('fails fast once the legacy process is gone, and local sets keep working', async () => {
    await gw.legacyStore.setRoute(TENANT, { entitySet: 'Customers', mode: 'upstream', primary: 'upstream' });
    legacy.child.kill('SIGKILL');
    await new Promise((r) => legacy.child.once('exit', r));
    expect((await client.get(`Kunden('${ids[0]}')`)).status).toBe(502);
    expect((await client.get(`Kunden('${ids[0]}')`)).status).toBe(502);
    const open = await client.get(`Kunden('${ids[0]}')`);
    expect(open.status).toBe(503);
    expect(open.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await client.get('Products?$top=1')).status).toBe(200);
  });
});
