// The SQL floor of the write targets: the statements the service's write path issues for W6 (one
// PATCH) and W7 (a change set of 50), replayed in-process on a copy of the bench database with
// prepared better-sqlite3 statements and nothing else — no HTTP, parsing, commands or JSON — next
// to the baselines' hand-written transactions. It answers "how close to the baselines could the
// service get if everything but its SQL were free?": the state row, its domain event and its
// outbox row are required by the CQRS issue, so the service's transaction can never be cheaper
// than this. SQL texts come from the service's own builders (write-sql.ts, insert-values.ts).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { selectByKeySql, selectByKeysSql, updateByKeySql } from '../src/data/write/write-sql';
import { EVENT_COLUMNS, OUTBOX_COLUMNS } from '../src/data/write/append-events';
import { insertValuesSql } from '../src/data/write/insert-values';
import { timeOrderedUuid } from '../src/commands/event-id';
import { prepareFixture, disposeFixture, TENANT } from './seed-fixture';
import { BATCH_SIZE } from './write-workloads';

type Tx = (ops: number) => void;

/** A ProductUpdated payload of the size the service writes (key, full entity, changed list). */
const payload = (id: string, price: number, version: number, now: string) => JSON.stringify({
  key: { ID: id },
  entity: { ID: id, Name: 'Hex bolt M8 x 40 galvanised', Description: 'DIN 933, steel 8.8, zinc plated', Gtin: '4006381333931', Unit: 'PCE', CategoryID: 7, ListPrice: String(price), Currency: 'EUR', StockQuantity: '100', IsActive: true, ModifiedAt: now, Version: String(version) },
  changed: ['ListPrice', 'ModifiedAt', 'Version'], replaced: false,
});

function transactions(db: Database.Database) {
  let next = 0;
  let price = 900_000_000;
  const productId = () => `A-${100_001 + (next++ % 100_000)}`;
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const baseUpdate = db.prepare('UPDATE products SET list_price = ?, version = version + 1, modified_at = ? WHERE tenant_id = ? AND id = ? RETURNING version');
  const selectOne = db.prepare(selectByKeySql('Products', 'sqlite', 'update'));
  const update = db.prepare(updateByKeySql('Products', ['list_price', 'modified_at', 'version'], 'version'));
  const stmts = new Map<number, { select: Database.Statement; events: Database.Statement; outbox: Database.Statement }>();
  const forSize = (n: number) => {
    let s = stmts.get(n);
    if (!s) {
      s = { select: db.prepare(selectByKeysSql('Products', 'sqlite', 'update', n)), events: db.prepare(insertValuesSql('domain_events', EVENT_COLUMNS, n)), outbox: db.prepare(insertValuesSql('outbox', OUTBOX_COLUMNS, n)) };
      stmts.set(n, s);
    }
    return s;
  };
  const baseline: Tx = (ops) => {
    const now = new Date().toISOString();
    begin.run();
    for (let i = 0; i < ops; i++) baseUpdate.get(price++, now, TENANT, productId());
    commit.run();
  };
  const service: Tx = (ops) => {
    const now = new Date().toISOString();
    const ids = Array.from({ length: ops }, productId);
    const s = forSize(ops);
    begin.run();
    const rows = (ops === 1 ? [selectOne.get(TENANT, ids[0])] : s.select.all(TENANT, ...ids)) as Array<{ id: string; version: string }>;
    const events: unknown[] = [];
    const outbox: unknown[] = [];
    for (const row of rows) {
      const version = Number(row.version) + 1;
      const p = price++;
      update.run(p, now, version, TENANT, row.id, row.version);
      const eventId = timeOrderedUuid();
      events.push(TENANT, eventId, 'ProductUpdated', 'Products', `('${row.id}')`, version, payload(row.id, p, version, now), now, randomUUID(), 'UpdateEntity', randomUUID(), 'floor');
      outbox.push(TENANT, eventId, 'pending', 0, now, now);
    }
    s.events.run(...events);
    s.outbox.run(...outbox);
    commit.run();
  };
  return { baseline, service };
}

/** Median µs per transaction over `rounds` rounds of `reps`, the two alternating. */
function measure(txs: Record<string, Tx>, ops: number, reps: number, rounds: number): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, tx] of Object.entries(txs)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) tx(ops);
      (samples[name] ??= []).push(Number(process.hrtime.bigint() - start) / reps / 1000);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

async function main(): Promise<void> {
  const fx = await prepareFixture(join(__dirname, '..', '..'));
  const dir = mkdtempSync(join(tmpdir(), 'b2x-floor-'));
  try {
    const file = join(dir, 'floor.db');
    copyFileSync(fx.dbFile, file); // the fixture stays as the benchmark left it
    const db = new Database(file);
    for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON', 'cache_size = -4000']) db.pragma(p);
    const txs = transactions(db);
    console.log('| Workload | baseline SQL µs/tx | service SQL µs/tx | baseline/service |\n|---|---:|---:|---:|');
    for (const [name, ops, reps] of [['W6 (1 PATCH)', 1, 2000], [`W7 (${BATCH_SIZE} PATCHes)`, BATCH_SIZE, 100]] as const) {
      measure(txs, ops, Math.ceil(reps / 10), 1); // warm-up
      const m = measure(txs, ops, reps, 5);
      const [b, s] = [m.baseline as number, m.service as number];
      console.log(`| ${name} | ${b.toFixed(0)} | ${s.toFixed(0)} | ${(b / s).toFixed(2)} |`);
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    disposeFixture(fx);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
