// The hash chain: each row's hash is SHA-256 over a canonical serialisation of its fields, its seq
// and its predecessor's hash, so editing, deleting, inserting or reordering rows breaks a link.
import { hash } from 'node:crypto';
import type { AuditLogRow, ChainHead } from '../data/audit/audit-log-row';
import type { AuditEntry } from './audit-entry';

/** prev_hash of a chain's first row. */
export const GENESIS_HASH = '0'.repeat(64);
const VERSION = 'b2x-audit-v1';

/**
 * Canonical form: a JSON array of every stored column in a fixed order (strings, integers, null)
 * — JSON.stringify of an array is deterministic, and the version tag allows a future format.
 */
export function rowHash(row: Omit<AuditLogRow, 'hash'>): string {
  const fields = [
    VERSION, row.tenant_id, row.seq, row.prev_hash, row.at, row.at_ms, row.request_id, row.principal_kind,
    row.account_id, row.operation, row.target, row.method, row.status, row.rows_read, row.rows_written,
    row.duration_ms, row.client_address,
  ];
  // one-shot crypto.hash (Node ≥ 20.12): half the cost of createHash().update().digest() for a
  // string this short, and every request links one audit row
  return hash('sha256', JSON.stringify(fields), 'hex');
}

function toRow(e: AuditEntry, seq: number, prevHash: string): AuditLogRow {
  // One object, hash filled in last (rowHash never reads it), rather than a copy per row: the
  // audit writer links a row for every request.
  const row: { -readonly [K in keyof AuditLogRow]: AuditLogRow[K] } = {
    tenant_id: e.tenantId, seq, at: new Date(e.atMs).toISOString(), at_ms: e.atMs, request_id: e.requestId,
    principal_kind: e.principalKind, account_id: e.accountId, operation: e.operation, target: e.target,
    method: e.method, status: e.status, rows_read: e.rowsRead, rows_written: e.rowsWritten,
    duration_ms: e.durationMs, client_address: e.clientAddress, prev_hash: prevHash, hash: '',
  };
  row.hash = rowHash(row);
  return row;
}

/** Links entries (all of one chain, in order) after `head`. */
export function linkEntries(head: ChainHead, entries: readonly AuditEntry[]): AuditLogRow[] {
  const rows: AuditLogRow[] = [];
  let prev = head;
  for (const e of entries) {
    const row = toRow(e, prev.seq + 1, prev.hash);
    rows.push(row);
    prev = { seq: row.seq, hash: row.hash };
  }
  return rows;
}
