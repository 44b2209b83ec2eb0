// Measures POST /api/erp/customers/sync below HTTP (not a test: timings depend on the machine):
// 1,000 customers × 3 contacts (4,000 rows) created, then all changed, then sent unchanged, on a
// fresh SQLite file and (when reachable) a fresh PostgreSQL schema; rows/s and SQL statements.
// Run: npx tsx scripts/measure-sync.ts   (MEASURE_PG_URL, default postgres://postgres@127.0.0.1:5432/test)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createCommandBus } from '../src/commands/bus';
import { syncCustomers } from '../src/commands/sync/sync-customers';
import { openDatabase, type Database } from '../src/data/db';
import { migrateLatest } from '../src/data/migrations';
import { ensureTenant } from '../src/security/accounts/ensure-tenant';

const CUSTOMERS = 1000;
const CONTACTS = 3;
const PG_URL = process.env.MEASURE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function payload(round: number) {
  const suffix = round === 0 ? '' : ' (changed)';
  return Array.from({ length: CUSTOMERS }, (_, i) => ({
    ID: `M${i}`, Name: `Customer ${i}${suffix}`, Address: { Street: `Street ${i}`, City: 'Bonn' }, CreditLimit: '1000.50',
    Contacts: Array.from({ length: CONTACTS }, (_, j) => ({ ID: `M${i}-${j}`, LastName: `Last ${j}${suffix}`, Email: `m${i}.${j}@example.com` })),
  }));
}

async function run(label: string, db: Database): Promise<void> {
  await migrateLatest(db.knex);
  await ensureTenant(db, 'measure');
  await ensureTenant(db, 'warm-up');
  const bus = createCommandBus(db);
  // one unmeasured create + update on another tenant first, so JIT compilation is not timed
  for (const round of [0, 1]) await syncCustomers(bus, db, { tenantId: 'warm-up' }, { customers: payload(round) });
  let statements = 0;
  const slow: Array<{ sql: string; ms: number }> = [];
  const started = new Map<string, number>();
  db.knex.on('query', (q: { __knexQueryUid: string }) => { statements++; started.set(q.__knexQueryUid, performance.now()); });
  db.knex.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => {
    slow.push({ sql: q.sql.slice(0, 60), ms: performance.now() - (started.get(q.__knexQueryUid) ?? 0) });
  });
  const steps: Array<[string, number]> = [['create', 0], ['update', 1], ['unchanged', 1]];
  for (const [step, round] of steps) {
    statements = 0;
    slow.length = 0;
    const t0 = performance.now();
    const out = await syncCustomers(bus, db, { tenantId: 'measure' }, { customers: payload(round) });
    const ms = performance.now() - t0;
    const rows = CUSTOMERS * (1 + CONTACTS);
    console.log(`${label.padEnd(7)} ${step.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round(rows / (ms / 1000)).toLocaleString('en').padStart(8)} rows/s  ${String(statements).padStart(6)} statements  ${JSON.stringify(out.body).slice(0, 70)}`);
    if (process.env.MEASURE_VERBOSE === '1') for (const x of slow) console.log(`        ${x.ms.toFixed(1).padStart(7)} ms  ${x.sql}`);
  }
}

async function sqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'measure-sync-'));
  const db = openDatabase(`sqlite:${join(dir, 'gateway.db')}`);
  try {
    await run('sqlite', db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<void> {
  const schema = `measure_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`pg      skipped: ${PG_URL} not reachable`);
    return;
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = openDatabase(`${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`);
  try {
    await run('pg', db);
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

void (async () => {
  await sqlite();
  await postgres();
})();
