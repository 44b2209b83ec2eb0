// The admin audit listing: rows of one chain or all, in a time range, newest first — served by
// the (tenant_id, at_ms) and (at_ms) indexes.
import type { Knex } from 'knex';
import { AUDIT_LOG, storedRow, type StoredAuditLogRow } from './audit-log-row';

export interface AuditRowFilter {
  readonly tenant?: string;
  /** inclusive, epoch ms */
  readonly fromMs?: number;
  /** exclusive, epoch ms */
  readonly toMs?: number;
  readonly limit: number;
}

export async function selectAuditRows(knex: Knex, f: AuditRowFilter): Promise<StoredAuditLogRow[]> {
  const rows = await knex(AUDIT_LOG)
    .select('*')
    .modify((q) => {
      if (f.tenant !== undefined) void q.where('tenant_id', f.tenant);
      if (f.fromMs !== undefined) void q.andWhere('at_ms', '>=', f.fromMs);
      if (f.toMs !== undefined) void q.andWhere('at_ms', '<', f.toMs);
    })
    .orderBy([{ column: 'at_ms', order: 'desc' }, { column: 'id', order: 'desc' }])
    .limit(f.limit);
  return (rows as Record<string, unknown>[]).map(storedRow);
}
