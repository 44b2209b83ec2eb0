// The read side of GET /api/admin/audit: audit rows of one chain (a tenant, or '_platform' for
// admin requests) or of all, in a time range, newest first, as the admin API shows them.
import type { Database } from '../data/db';
import { selectAuditRows } from '../data/audit/select-audit-rows';
import type { StoredAuditLogRow } from '../data/audit/audit-log-row';
import type { AuditEntry } from '../audit/audit-entry';

export const MAX_AUDIT_LIMIT = 1000;
export const DEFAULT_AUDIT_LIMIT = 100;

export interface AuditQuery {
  readonly tenant?: string;
  /** inclusive */
  readonly from?: Date;
  /** exclusive */
  readonly to?: Date;
  /** 1..MAX_AUDIT_LIMIT, default DEFAULT_AUDIT_LIMIT */
  readonly limit?: number;
}

/** One audit row in the admin API (camelCase; the hash fields let a client check links itself). */
export interface AuditRecord extends Omit<AuditEntry, 'atMs' | 'tenantId'> {
  readonly id: number;
  readonly tenant: string;
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export type AuditLister = (query: AuditQuery) => Promise<AuditRecord[]>;

const record = (r: StoredAuditLogRow): AuditRecord => ({
  id: r.id, tenant: r.tenant_id, seq: r.seq, at: r.at, requestId: r.request_id, principalKind: r.principal_kind as AuditEntry['principalKind'], // only the writer's values are stored
  accountId: r.account_id, operation: r.operation, target: r.target, method: r.method, status: r.status,
  rowsRead: r.rows_read, rowsWritten: r.rows_written, durationMs: r.duration_ms, clientAddress: r.client_address,
  prevHash: r.prev_hash, hash: r.hash,
});

export function auditLister(db: Database): AuditLister {
  return async (q) => {
    const rows = await selectAuditRows(db.knex, {
      ...(q.tenant !== undefined ? { tenant: q.tenant } : {}),
      ...(q.from !== undefined ? { fromMs: q.from.getTime() } : {}),
      ...(q.to !== undefined ? { toMs: q.to.getTime() } : {}),
      limit: Math.min(Math.max(1, q.limit ?? DEFAULT_AUDIT_LIMIT), MAX_AUDIT_LIMIT),
    });
    return rows.map(record);
  };
}
