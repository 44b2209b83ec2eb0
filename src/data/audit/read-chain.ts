// Reads for `audit verify`: the chain heads, and one chain's rows in seq order, a page at a time
// (a chain can hold millions of rows; verification streams it in constant memory).
import type { Knex } from 'knex';
import { AUDIT_CHAIN_HEADS, AUDIT_LOG, storedRow, type ChainHead, type StoredAuditLogRow } from './audit-log-row';

/** Every chain: its head (undefined when the head row is missing but rows exist). */
export async function listChains(knex: Knex, tenant?: string): Promise<Map<string, ChainHead | undefined>> {
  const heads = await knex(AUDIT_CHAIN_HEADS).select('tenant_id', 'seq', 'hash').modify((q) => {
    if (tenant !== undefined) void q.where({ tenant_id: tenant });
  });
  const withRows = await knex(AUDIT_LOG).distinct('tenant_id').modify((q) => {
    if (tenant !== undefined) void q.where({ tenant_id: tenant });
  });
  const chains = new Map<string, ChainHead | undefined>();
  for (const r of withRows as { tenant_id: string }[]) chains.set(r.tenant_id, undefined);
  for (const h of heads as { tenant_id: string; seq: number | string; hash: string }[]) {
    chains.set(h.tenant_id, { seq: Number(h.seq), hash: h.hash });
  }
  return new Map([...chains].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Rows of one chain with afterSeq < seq (≤ uptoSeq when given), in seq order. */
export async function readChainPage(
  knex: Knex,
  tenant: string,
  afterSeq: number,
  limit: number,
  uptoSeq?: number,
): Promise<StoredAuditLogRow[]> {
  const rows = await knex(AUDIT_LOG)
    .select('*')
    .where('tenant_id', tenant)
    .andWhere('seq', '>', afterSeq)
    .modify((q) => {
      if (uptoSeq !== undefined) void q.andWhere('seq', '<=', uptoSeq);
    })
    .orderBy('seq', 'asc')
    .limit(limit);
  return (rows as Record<string, unknown>[]).map(storedRow);
}
