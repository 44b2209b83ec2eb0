// Removes what W8 added (customers S<block>-<k> and their contacts) from a fixture that outlives
// the run (BENCH_KEEP / BENCH_REUSE_DIR): the next run checks for exactly 10,000 customers, and
// the read workloads must see the seeded data set. W6/W7 only change prices, which no read checks.
import Database from 'better-sqlite3';

export function removeSyncRows(dbFile: string, tenant: string): number {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Seeded ids are digits ('10001', '10001-1'); only the bench's sync ids start with S.
    return db.transaction(() => {
      db.prepare(`DELETE FROM contacts WHERE tenant_id = ? AND customer_id LIKE 'S%'`).run(tenant);
      return db.prepare(`DELETE FROM customers WHERE tenant_id = ? AND id LIKE 'S%'`).run(tenant).changes;
    })();
  } finally {
    db.close();
  }
}
