// The benchmark database: a fresh SQLite file in a temp dir, migrated and seeded through the CLI
// (10,000 customers × 3 contacts, 100,000 products), plus an ERP key — then counted, because a
// benchmark over the wrong data set is as worthless as one over wrong answers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCliJson } from './cli-command';

export const TENANT = 'bench';
const CUSTOMERS = 10_000;
const CONTACTS_PER_CUSTOMER = 3;
const PRODUCTS = 100_000;

export interface Fixture {
  readonly dir: string;
  readonly dbFile: string;
  readonly tenant: string;
  readonly apiKey: string;
  readonly cliPath: string;
  /** environment for CLI commands and `serve` */
  readonly cliEnv: NodeJS.ProcessEnv;
  /** seconds spent migrating + seeding (0 when reused) */
  readonly seedSeconds: number;
}

function cliEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'gateway.db')}`, GATEWAY_MASTER_KEY_FILE: join(dir, 'master.key'), LOG_LEVEL: 'warn' };
}

async function seedWithCli(dir: string, cliPath: string, cwd: string): Promise<{ apiKey: string; seedSeconds: number }> {
  const env = cliEnv(dir);
  const started = Date.now();
  const minutes = (n: number) => n * 60_000;
  await runCliJson(cliPath, ['migrate', '--json'], env, cwd, minutes(2));
  await runCliJson(cliPath, ['seed', '--tenant', TENANT, '--customers', String(CUSTOMERS), '--products', String(PRODUCTS),
    '--contacts-per-customer', String(CONTACTS_PER_CUSTOMER), '--json'], env, cwd, minutes(10));
  const seedSeconds = (Date.now() - started) / 1000;
  // A rate far above what loopback load reaches: the limiter still runs on every request, it just never says 429.
  const rate = process.env.BENCH_ACCOUNT_RATE ?? '1000000'; // the CLI's maximum (per minute)
  const account = await runCliJson(cliPath, ['account', 'create', '--tenant', TENANT, '--rate', rate, '--json'], env, cwd, minutes(1));
  if (typeof account.apiKey !== 'string') throw new Error(`account create: no apiKey in ${JSON.stringify(Object.keys(account))}`);
  return { apiKey: account.apiKey, seedSeconds };
}

/** Counts the seeded rows (read-only) and fails unless they are exactly the data set asked for. */
export function verifyFixture(dbFile: string, tenant: string): { berlinOver1000: number; bolt: number } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string, tenantParams = 1) => db.prepare(sql).pluck().get(...Array<string>(tenantParams).fill(tenant)) as number;
    const customers = one('SELECT count(*) FROM customers WHERE tenant_id = ?');
    const products = one('SELECT count(*) FROM products WHERE tenant_id = ?');
    const offCount = one(`SELECT count(*) FROM customers c WHERE c.tenant_id = ? AND
      (SELECT count(*) FROM contacts k WHERE k.tenant_id = ? AND k.customer_id = c.id) <> ${CONTACTS_PER_CUSTOMER}`, 2);
    const contacts = one('SELECT count(*) FROM contacts WHERE tenant_id = ?');
    const problems = [
      customers !== CUSTOMERS && `${customers} customers (want ${CUSTOMERS})`,
      products !== PRODUCTS && `${products} products (want ${PRODUCTS})`,
      (offCount !== 0 || contacts !== CUSTOMERS * CONTACTS_PER_CUSTOMER) &&
        `${contacts} contacts, ${offCount} customers without exactly ${CONTACTS_PER_CUSTOMER}`,
    ].filter(Boolean);
    if (problems.length) throw new Error(`fixture in ${dbFile} is not the benchmark data set: ${problems.join('; ')}`);
    return {
      berlinOver1000: one(`SELECT count(*) FROM customers WHERE tenant_id = ? AND address_city = 'Berlin' AND credit_limit > 100000`),
      bolt: one(`SELECT count(*) FROM products WHERE tenant_id = ? AND instr(name, 'bolt') > 0`),
    };
  } finally {
    db.close();
  }
}

/**
 * Fresh fixture via the CLI; or, with BENCH_REUSE_DIR, the directory a previous run kept
 * (BENCH_KEEP=1), which holds gateway.db, master.key and fixture.json — to iterate without reseeding.
 */
export async function prepareFixture(repoRoot: string): Promise<Fixture> {
  const cliPath = join(repoRoot, 'dist', 'src', 'server', 'cli.js');
  const reuse = process.env.BENCH_REUSE_DIR;
  if (reuse) {
    const saved = JSON.parse(readFileSync(join(reuse, 'fixture.json'), 'utf8')) as { apiKey: string };
    return { dir: reuse, dbFile: join(reuse, 'gateway.db'), tenant: TENANT, apiKey: saved.apiKey, cliPath, cliEnv: cliEnv(reuse), seedSeconds: 0 };
  }
  const dir = mkdtempSync(join(tmpdir(), 'b2x-bench-'));
  try {
    const { apiKey, seedSeconds } = await seedWithCli(dir, cliPath, repoRoot);
    writeFileSync(join(dir, 'fixture.json'), JSON.stringify({ apiKey }), { mode: 0o600 });
    return { dir, dbFile: join(dir, 'gateway.db'), tenant: TENANT, apiKey, cliPath, cliEnv: cliEnv(dir), seedSeconds };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Removes the temp dir unless BENCH_KEEP=1 (then says where it is) or it was a reused one. */
export function disposeFixture(fx: Fixture): void {
  if (process.env.BENCH_REUSE_DIR) return;
  if (process.env.BENCH_KEEP === '1') {
    console.log(`fixture kept: BENCH_REUSE_DIR=${fx.dir}`);
    return;
  }
  rmSync(fx.dir, { recursive: true, force: true });
}
