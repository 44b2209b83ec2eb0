// Column shapes of audit_log and audit_chain_heads (migration 0004), shared by the append, read
// and list operations of the audit trail.

/** One audit_log row as written (id is assigned by the database). */
export interface AuditLogRow {
  readonly tenant_id: string;
  readonly seq: number;
  readonly at: string;
  readonly at_ms: number;
  readonly request_id: string;
  readonly principal_kind: string;
  readonly account_id: string;
  readonly operation: string;
  readonly target: string | null;
  readonly method: string;
  readonly status: number;
  readonly rows_read: number;
  readonly rows_written: number;
  readonly duration_ms: number;
  readonly client_address: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

/** A row as read back: with its id. PostgreSQL returns BIGINT as strings; readers normalise to numbers. */
export interface StoredAuditLogRow extends AuditLogRow {
  readonly id: number;
}

/** The last link of a chain: seq 0 and the genesis hash when the chain is empty. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const AUDIT_LOG = 'audit_log';
export const AUDIT_CHAIN_HEADS = 'audit_chain_heads';

const BIGINT_COLUMNS = ['id', 'seq', 'at_ms', 'status', 'rows_read', 'rows_written', 'duration_ms'] as const;

/** Normalises a row read from either dialect (pg's BIGINT strings → numbers). */
export function storedRow(raw: Record<string, unknown>): StoredAuditLogRow {
  const row: Record<string, unknown> = { ...raw };
  for (const c of BIGINT_COLUMNS) row[c] = Number(raw[c]);
  return row as unknown as StoredAuditLogRow;
}
