// The chain hash covers every stored field, its position and its predecessor.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, linkEntries, rowHash } from '../../../src/audit/chain-hash';
import type { AuditEntry } from '../../../src/audit/audit-entry';

const entry = (i: number): AuditEntry => ({
  atMs: Date.UTC(2026, 2, 1, 12) + i, requestId: `r${i}`, tenantId: 'acme', principalKind: 'erp', accountId: 'sa_1',
  operation: 'customers.read', target: null, method: 'GET', status: 200, rowsRead: i, rowsWritten: 0, durationMs: 1, clientAddress: null,
});

describe('audit hash chain', () => {
  const rows = linkEntries({ seq: 0, hash: GENESIS_HASH }, [entry(1), entry(2), entry(3)]);

  it('links each row to its predecessor, from the genesis hash', () => {
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(rows[0]?.at).toBe('2026-03-01T12:00:00.001Z');
  });

  it('continues an existing chain after its head', () => {
    const more = linkEntries({ seq: 3, hash: rows[2]!.hash }, [entry(4)]);
    expect(more[0]).toMatchObject({ seq: 4, prev_hash: rows[2]!.hash });
  });

  it('changes with any field, the position or the predecessor', () => {
    const row = rows[1]!;
    const base = rowHash(row);
    expect(base).toBe(row.hash);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [{ status: 204 }, { rows_read: 3 }, { target: 'x' }, { seq: 5 }, { prev_hash: GENESIS_HASH }, { client_address: '10.0.0.1' }, { at_ms: row.at_ms + 1 }]) {
      expect(rowHash({ ...row, ...change }), JSON.stringify(change)).not.toBe(base);
    }
  });
});
