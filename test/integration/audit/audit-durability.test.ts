// Audit writes never fail a request, and are not silently lost: while the database refuses them
// the rows stay queued (write failures counted) and land, chain intact, once it accepts them again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder } from '../../../src/audit/record-operation';
import type { AuditEntry } from '../../../src/audit/audit-entry';
import { verifyChains } from '../../../src/audit/verify-chains';
import { createTestDatabase, testDialects, type TestDatabase } from '../../helpers/databases';

const entry = (i: number): AuditEntry => ({
  atMs: Date.UTC(2026, 0, 1) + i, requestId: `r-${i}`, tenantId: 'acme', principalKind: 'erp', accountId: 'sa_1',
  operation: 'customers.read', target: "Customers('1')\u0000\ud800", method: 'GET', status: 200, rowsRead: 1, rowsWritten: 0,
  durationMs: 3, clientAddress: '127.0.0.1',
});

describe.each(testDialects())('audit recorder durability on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.dispose());

  it('keeps rows queued while writes fail, counts the failures, and writes them once possible', async () => {
    const errors: string[] = [];
    let failures = 0;
    const recorder = createAuditRecorder({
      db: t.db,
      log: { error: (_o, msg) => errors.push(msg) },
      counters: { writeFailures: { inc: () => failures++ }, rowsDropped: { inc: () => undefined }, backlog: { set: () => undefined } },
      flushIntervalMs: 1,
    });
    await t.db.knex.schema.renameTable('audit_log', 'audit_log_away');
    for (let i = 0; i < 5; i++) recorder.record(entry(i));
    await recorder.flush();
    expect(failures).toBeGreaterThan(0);
    expect(recorder.backlog).toBe(5);
    expect(errors[0]).toMatch(/kept for retry/);
    await t.db.knex.schema.renameTable('audit_log_away', 'audit_log');
    for (let i = 5; i < 8; i++) recorder.record(entry(i));
    await recorder.flush();
    expect(recorder.backlog).toBe(0);
    const rows = await t.db.knex('audit_log').orderBy('seq').select('request_id', 'target');
    expect(rows.map((r: { request_id: string }) => r.request_id)).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6', 'r-7']);
    expect(rows[0].target).toBe("Customers('1')?\ufffd"); // storable and hash-stable on both databases
    expect((await verifyChains(t.db)).ok).toBe(true);
    await recorder.close();
  });

  it('logs every row it cannot keep in full instead of dropping it silently', async () => {
    const logged: object[] = [];
    let dropped = 0;
    const recorder = createAuditRecorder({
      db: t.db,
      log: { error: (o) => logged.push(o) },
      counters: { writeFailures: { inc: () => undefined }, rowsDropped: { inc: () => dropped++ }, backlog: { set: () => undefined } },
      maxQueuedRows: 2,
      flushIntervalMs: 60_000,
    });
    for (let i = 0; i < 3; i++) recorder.record(entry(100 + i));
    expect(dropped).toBe(1);
    expect(logged).toContainEqual({ audit: expect.objectContaining({ requestId: 'r-102' }) });
    await recorder.close();
    recorder.record(entry(200));
    expect(dropped).toBe(2);
  });
});
