// A sync is one transaction: a process killed (SIGKILL, no cleanup) inside it leaves none of its
// 1,000 customers, a process that gets to commit leaves all of them — never a part. The child
// announces the moment just before COMMIT (test hook), so the kill lands inside the transaction
// deterministically; a few kills after random delays check the invariant at other moments too.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';
import { ensureTenant } from '../../../src/security/accounts/ensure-tenant';

const CHILD = join(__dirname, 'sync-child.ts');

function startChild(db: TestDatabase, tenant: string, hold: boolean): { child: ChildProcess; output: Promise<string>; line: (text: string) => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, DATABASE_URL: db.url, TENANT: tenant, HOLD: hold ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters) if (out.includes(w.text)) w.resolve();
  });
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const output = new Promise<string>((resolve) => child.on('exit', () => resolve(out)));
  const line = (text: string) => new Promise<void>((resolve, reject) => {
    waiters.push({ text, resolve });
    child.on('exit', () => (out.includes(text) ? resolve() : reject(new Error(`child exited without ${text}: ${out}`))));
  });
  return { child, output, line };
}

async function counts(db: TestDatabase, tenant: string): Promise<{ customers: number; contacts: number; events: number }> {
  const n = async (table: string) => Number(((await db.db.knex(table).where({ tenant_id: tenant }).count({ n: '*' })) as Array<{ n: number | string }>)[0]?.n ?? 0);
  return { customers: await n('customers'), contacts: await n('contacts'), events: await n('domain_events') };
}

describe.each(testDialects())('kill during a customers sync on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    for (const t of ['killed', 'committed', 'random']) await ensureTenant(db.db, t);
  });
  afterAll(() => db.dispose());

  it('leaves none of the 1,000 customers when SIGKILLed just before COMMIT', async () => {
    const run = startChild(db, 'killed', true);
    await run.line('BEFORE_COMMIT');
    run.child.kill('SIGKILL');
    await run.output;
    expect(await counts(db, 'killed')).toEqual({ customers: 0, contacts: 0, events: 0 });
  }, 60_000);

  it('leaves all 1,000 when the process gets to commit', async () => {
    const run = startChild(db, 'committed', false);
    await run.line('DONE');
    await run.output;
    expect(await counts(db, 'committed')).toEqual({ customers: 1000, contacts: 1000, events: 2000 });
  }, 60_000);

  it('leaves all or none after kills at random moments', async () => {
    for (let i = 0; i < 3; i++) {
      const tenant = `random-${i}`;
      await ensureTenant(db.db, tenant);
      const run = startChild(db, tenant, false);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
      run.child.kill('SIGKILL');
      await run.output;
      const c = await counts(db, tenant);
      expect([0, 1000]).toContain(c.customers);
      expect(c).toEqual(c.customers === 0 ? { customers: 0, contacts: 0, events: 0 } : { customers: 1000, contacts: 1000, events: 2000 });
    }
  }, 60_000);
});
