// `b2x-gateway compat check` end to end (issue #5): exit codes 0/1/2, the --json shape, the URL
// form against a loopback server that wants a key, and against a running gateway's $metadata.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, runCli } from '../../helpers/run-cli';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

const FIXTURES = join(__dirname, '../../fixtures/legacy-metadata');
const EQUIVALENT = join(FIXTURES, 'restier-equivalent.xml');
const SPECIFIC = join(FIXTURES, 'specific-cases.xml');

describe('b2x-gateway compat check', () => {
  let dir: string;
  let env: Record<string, string>;
  let legacy: http.Server;
  let legacyUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'b2x-compat-cli-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'unused.db')}`, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key') };
    const body = readFileSync(EQUIVALENT);
    // a stand-in for the legacy RESTier service: its $metadata behind an API key
    legacy = http.createServer((req, res) => {
      if (req.headers['x-api-key'] !== 'legacy-key') return void res.writeHead(401).end();
      res.writeHead(200, { 'Content-Type': 'application/xml;charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => legacy.listen(0, '127.0.0.1', r));
    legacyUrl = `http://127.0.0.1:${(legacy.address() as AddressInfo).port}/odata/$metadata`;
  });
  afterAll(async () => {
    legacy.closeAllConnections();
    await new Promise<void>((r) => legacy.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 for an equivalent EdmLib document and prints the grouped list with a summary line', async () => {
    const r = await runCli(['compat', 'check', '--legacy-metadata', EQUIVALENT], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Legacy: .*restier-equivalent\.xml \(B2X\.Erp; container Default\.Container\)$/m);
    expect(r.stdout).toMatch(/^INFO \(\d+\)$/m);
    expect(r.stdout).not.toMatch(/^BREAKING/m);
    expect(r.stdout).toMatch(/^Summary: 0 breaking, \d+ info — compatible: no breaking differences$/m);
  });

  it('exits 1 with breaking differences; --json prints one object with counts, differences and both sources', async () => {
    const r = await runCli(['compat', 'check', '--legacy-metadata', SPECIFIC, '--json'], env);
    expect(r.code).toBe(1);
    const out = cliJson(r) as { breaking: number; info: number; differences: Array<Record<string, unknown>>; legacy: object; ours: object };
    expect(Object.keys(out).sort()).toEqual(['breaking', 'differences', 'info', 'legacy', 'ours']);
    expect(out.breaking).toBe(11);
    expect(out.differences.filter((d) => d.severity === 'info')).toHaveLength(out.info);
    for (const d of out.differences) expect(Object.keys(d).sort()).toEqual(['kind', 'legacy', 'ours', 'path', 'reason', 'severity']);
    expect(out.differences.find((d) => d.kind === 'concurrency-token-missing')).toMatchObject({
      severity: 'breaking', path: 'EntitySet Categories/OptimisticConcurrency', legacy: 'RowVersion', ours: null, reason: expect.stringContaining('If-Match'),
    });
    // breaking first, each group in document order: types before sets before operations
    const order = out.differences.map((d) => `${String(d.severity)} ${String(d.path).split(' ')[0]}`);
    expect(order.indexOf('breaking EnumType')).toBeLessThan(order.indexOf('breaking EntitySet'));
    expect(order.indexOf('breaking EntitySet')).toBeLessThan(order.indexOf('breaking Function'));
    expect(order.lastIndexOf('breaking FunctionImport')).toBeLessThan(order.indexOf('info EntityContainer'));
    expect(out.legacy).toEqual({ source: SPECIFIC, namespaces: ['B2X.Erp'], container: 'Default.Container' });
    expect(out.ours).toEqual({ source: '/odata/$metadata of this build', namespaces: ['B2X.Erp'], container: 'B2X.Erp.Container' });
  });

  it('exits 2 with one line (no stack trace) when the document cannot be read or is not CSDL XML', async () => {
    const missing = await runCli(['compat', 'check', '--legacy-metadata', join(dir, 'nope.xml')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`b2x-gateway: cannot read ${join(dir, 'nope.xml')} (ENOENT)\n`);
    const html = join(dir, 'login.html');
    writeFileSync(html, '<!DOCTYPE html><html><body>Sign in</body></html>');
    const notCsdl = await runCli(['compat', 'check', '--legacy-metadata', html, '--json'], env);
    expect(notCsdl.code).toBe(2);
    expect(cliJson(notCsdl)).toEqual({ error: { code: 'LegacyMetadataUnreadable', message: expect.stringMatching(/is not a CSDL XML document \(root element <html>/) } });
    expect(notCsdl.stderr.trim().split('\n')).toHaveLength(1);
    const usage = await runCli(['compat', 'check'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--legacy-metadata is required/);
  });

  it('reads a URL with repeatable --header credentials, and names the HTTP status without them', async () => {
    const ok = await runCli(['compat', 'check', '--legacy-metadata', legacyUrl, '--header', 'X-API-Key: legacy-key', '--header', 'Accept-Language: de', '--json'], env);
    expect(ok.code).toBe(0);
    expect(cliJson(ok)).toMatchObject({ breaking: 0, legacy: { source: legacyUrl } });
    const denied = await runCli(['compat', 'check', '--legacy-metadata', legacyUrl], env);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toBe(`b2x-gateway: ${legacyUrl} answered HTTP 401 (send a credential with --header)\n`);
    const bad = await runCli(['compat', 'check', '--legacy-metadata', legacyUrl, '--header', 'no colon'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--header needs 'Name: value'/);
  });

  describe('under a name mapping (ODATA_NAME_MAPPING_FILE)', () => {
    let gw: TestGateway;
    let mapping: string;
    beforeAll(async () => {
      mapping = join(dir, 'name-mapping.json');
      writeFileSync(mapping, JSON.stringify({ namespace: null, container: null, entitySets: { Customers: 'Kunden' }, types: {}, properties: { Customer: { Name: 'Name1' } } }));
      gw = await startTestGateway('sqlite', { nameMappingFile: mapping });
    });
    afterAll(async () => { await gw.close(); });

    it('compares with the mapped document serve would publish, so the legacy names show as renamed', async () => {
      const r = await runCli(['compat', 'check', '--legacy-metadata', EQUIVALENT, '--json'], { ...env, ODATA_NAME_MAPPING_FILE: mapping });
      expect(r.code).toBe(1);
      const out = cliJson(r) as { differences: Array<{ severity: string; kind: string; path: string; ours: string | null }> };
      expect(out.differences.filter((d) => d.severity === 'breaking').map((d) => `${d.kind} @ ${d.path} → ${d.ours ?? ''}`)).toEqual([
        'property-renamed @ EntityType B2X.Erp.Customer/Property Name → Name1',
        'entity-set-renamed @ EntitySet Customers → Kunden',
      ]);
    });

    it("finds no difference between the mapped gateway's $metadata and the same mapping's document", async () => {
      const key = await gw.keyFor('acme');
      const r = await runCli(['compat', 'check', '--legacy-metadata', `${gw.url}/odata/$metadata`, '--header', `X-API-Key: ${key}`, '--json'], { ...env, ODATA_NAME_MAPPING_FILE: mapping });
      expect(cliJson(r)).toMatchObject({ breaking: 0, info: 0 });
      expect(r.code).toBe(0);
    });
  });

  describe('against a running gateway', () => {
    let gw: TestGateway;
    beforeAll(async () => { gw = await startTestGateway('sqlite'); });
    afterAll(async () => { await gw.close(); });

    it("finds no difference at all between the gateway's served $metadata and this build's", async () => {
      const key = await gw.keyFor('acme');
      const r = await runCli(['compat', 'check', '--legacy-metadata', `${gw.url}/odata/$metadata`, '--header', `X-API-Key: ${key}`, '--json'], env);
      expect(r.code).toBe(0);
      expect(cliJson(r)).toMatchObject({ breaking: 0, info: 0, differences: [] });
    });
  });
});
