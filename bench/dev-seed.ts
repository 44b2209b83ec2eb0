// TEMPORARY developer seed (npx tsx bench/dev-seed.ts <file.db> [tenant]) to exercise the baselines
// while the CLI's `seed` command is being written. run-bench never uses it: the real run seeds via the CLI.
import Database from 'better-sqlite3';
import { openDatabase } from '../src/data/db';
import { migrateLatest } from '../src/data/migrations';

const CITIES = ['Berlin', 'Hamburg', 'München', 'Wien', 'Zürich', 'Köln'];
const NAMES = ['Müller GmbH', 'Schmidt & Söhne', 'Weber "Technik" AG', 'Fischer KG', 'Meyer OHG'];
const PRODUCT_WORDS = ['Hex bolt', 'Bolt cutter', 'Washer', 'Anchor bolt', 'Nut', 'Screw'];
const NOW = '2026-01-03T10:15:00.000Z';

function seed(file: string, tenant: string, customers: number, products: number): void {
  const db = new Database(file);
  const insC = db.prepare(`INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'EUR',?,?,?,?,1)`);
  const insK = db.prepare(`INSERT INTO contacts VALUES (?,?,?,?,?,?,?,?,?,?,?,1)`);
  const insP = db.prepare(`INSERT INTO products VALUES (?,?,?,?,?,'PCE',NULL,?,'EUR',?,1,?,1)`);
  db.transaction(() => {
    for (let i = 0; i < customers; i++) {
      const id = String(10001 + i);
      insC.run(tenant, id, `${NAMES[i % NAMES.length]} ${i % 97}`, i % 3 ? null : 'Filiale', `Hauptstr. ${i}`, '10115',
        CITIES[i % CITIES.length], 'DE', `c${i}@example.com`, null, null, null, (i * 7919) % 500000, i % 11 === 0 ? 1 : 0, NOW, NOW);
      for (let k = 0; k < 3; k++) {
        insK.run(tenant, `K${id}-${k}`, id, 'Anna', 'Schmidt', `k${id}-${k}@example.com`, null, k, k % 2, null, NOW);
      }
    }
    for (let i = 0; i < products; i++) {
      insP.run(tenant, `A-${100001 + i}`, `${PRODUCT_WORDS[i % PRODUCT_WORDS.length]} M${i % 20}`, null, null,
        (i * 104729) % 10000000, (i * 13) % 100000, NOW);
    }
  })();
  db.close();
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: dev-seed <file.db> [tenant]');
  const handle = openDatabase(`sqlite:${file}`);
  await migrateLatest(handle.knex);
  await handle.close();
  seed(file, process.argv[3] ?? 'bench', 10000, 100000);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
