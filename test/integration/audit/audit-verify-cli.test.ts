// `b2x-gateway audit verify --json` (run as a child process, like an operator's cron job) finds the
// first broken link of a chain: an edited row by its id, a deleted row, a cut-off tail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { testDialects } from '../../helpers/databases';
import { rowHash } from '../../../src/audit/chain-hash';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface VerifyOutput {
  ok: boolean;
  chains: Array<{ tenant: string; rows: number; ok: boolean; broken?: { id: number | null; seq: number; reason: string } }>;
}

function verify(databaseUrl: string, ...extra: string[]): Promise<{ code: number; out: VerifyOutput }> {
  return new Promise((done, fail) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' };
    execFile(TSX, ['src/server/cli.ts', 'audit', 'verify', '--json', ...extra], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) => {
      const lines = stdout.trim().split('\n');
      if (lines.length !== 1) return fail(new Error(`expected one JSON line, got: ${stdout}\n${stderr}`));
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: JSON.parse(lines[0] ?? '') as VerifyOutput });
    });
  });
}

describe.each(testDialects())('audit verify on %s', (dialect) => {
  let gw: TestGateway;
  const idOfSeq = async (tenant: string, seq: number) =>
    Number((await gw.database.db.knex('audit_log').where({ tenant_id: tenant, seq }).first('id')).id);
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    for (const tenant of ['acme', 'beta']) {
      const key = await gw.keyFor(tenant);
      for (let i = 0; i < 5; i++) await (await gw.request(i % 2 ? '/odata/$metadata' : '/odata/Customers', key)).arrayBuffer();
    }
    await gw.audit.flush();
  });
  afterAll(() => gw.close());

  it('reports intact chains with exit code 0', async () => {
    const { code, out } = await verify(gw.database.url);
    expect(code).toBe(0);
    expect(out).toEqual({ ok: true, chains: [expect.objectContaining({ tenant: 'acme', rows: 5, ok: true }), expect.objectContaining({ tenant: 'beta', rows: 5, ok: true })] });
  });

  it('names the edited row and exits non-zero', async () => {
    const edited = await idOfSeq('acme', 3);
    await gw.database.db.knex('audit_log').where({ id: edited }).update({ status: 204 });
    const { code, out } = await verify(gw.database.url);
    expect(code).toBe(1);
    expect(out.ok).toBe(false);
    const acme = out.chains.find((c) => c.tenant === 'acme');
    expect(acme).toMatchObject({ ok: false, rows: 2, broken: { id: edited, seq: 3 } });
    expect(acme?.broken?.reason).toMatch(/edited/);
    expect(out.chains.find((c) => c.tenant === 'beta')).toMatchObject({ ok: true });
    const onlyBeta = await verify(gw.database.url, '--tenant', 'beta');
    expect(onlyBeta.code).toBe(0);
    expect(onlyBeta.out.chains.map((c) => c.tenant)).toEqual(['beta']);
  });

  it('catches an edit that also recomputed the row hash, at the next link', async () => {
    const id = await idOfSeq('beta', 2);
    const row = await gw.database.db.knex('audit_log').where({ id }).first();
    const forged = { ...row, at_ms: Number(row.at_ms), seq: Number(row.seq), rows_read: 999 };
    await gw.database.db.knex('audit_log').where({ id }).update({ rows_read: 999, hash: rowHash(forged) });
    const { code, out } = await verify(gw.database.url, '--tenant', 'beta');
    expect(code).toBe(1);
    expect(out.chains[0]).toMatchObject({ ok: false, broken: { id: await idOfSeq('beta', 3), seq: 3 } });
  });

  it('notices deleted rows: in the middle and at the end', async () => {
    const key = await gw.keyFor('gamma');
    for (let i = 0; i < 4; i++) await (await gw.request('/odata', key)).arrayBuffer();
    await gw.audit.flush();
    await gw.database.db.knex('audit_log').where({ tenant_id: 'gamma', seq: 4 }).delete();
    const tail = await verify(gw.database.url, '--tenant', 'gamma');
    expect(tail.code).toBe(1);
    expect(tail.out.chains[0]?.broken).toMatchObject({ id: null, seq: 4 });
    const third = await idOfSeq('gamma', 3);
    await gw.database.db.knex('audit_log').where({ tenant_id: 'gamma', seq: 2 }).delete();
    const middle = await verify(gw.database.url, '--tenant', 'gamma');
    expect(middle.out.chains[0]?.broken).toMatchObject({ id: third, seq: 3 });
  });
});
