// Child process of kill-during-sync.test.ts: runs a 1,000-customer sync against DATABASE_URL.
// HOLD=1: just before the transaction commits it prints BEFORE_COMMIT and waits (to be SIGKILLed
// there); otherwise it commits and prints DONE.
import { openDatabase } from '../../../src/data/db';
import { createCommandBus } from '../../../src/commands/bus';
import { syncCustomers } from '../../../src/commands/sync/sync-customers';

const url = process.env.DATABASE_URL ?? '';
const tenantId = process.env.TENANT ?? 'kill';
const hold = process.env.HOLD === '1';

async function main(): Promise<void> {
  const db = openDatabase(url);
  const customers = Array.from({ length: 1000 }, (_, i) => ({
    ID: `K${i}`, Name: `Customer ${i}`, Contacts: [{ ID: `K${i}-A`, LastName: 'A', Email: `k${i}@example.com` }],
  }));
  const beforeCommit = async () => {
    process.stdout.write('BEFORE_COMMIT\n');
    await new Promise(() => undefined); // never resolves: the parent kills us inside the transaction
  };
  const out = await syncCustomers(createCommandBus(db), db, { tenantId }, { customers }, hold ? { beforeCommit } : {});
  process.stdout.write(`DONE ${JSON.stringify(out.body).slice(0, 80)}\n`);
  await db.close();
}

void main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
