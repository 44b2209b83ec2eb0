// `audit verify`: walks every chain from its first row to its head, recomputing each hash, and
// names the first broken link — an edited row (hash mismatch), a deleted or inserted row (seq gap
// or prev_hash mismatch), or a cut-off tail (fewer rows than the head records).
import type { Database } from '../data/db';
import type { ChainHead, StoredAuditLogRow } from '../data/audit/audit-log-row';
import { listChains, readChainPage } from '../data/audit/read-chain';
import { GENESIS_HASH, rowHash } from './chain-hash';

export interface BrokenLink {
  /** audit_log id of the first row that fails (null when the break is a missing tail or head) */
  readonly id: number | null;
  readonly seq: number;
  readonly reason: string;
}

export interface ChainReport {
  readonly tenant: string;
  /** rows checked (up to the first break) */
  readonly rows: number;
  readonly ok: boolean;
  readonly head: ChainHead | null;
  readonly broken?: BrokenLink;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly chains: readonly ChainReport[];
}

const PAGE = 1000;

function checkRow(row: StoredAuditLogRow, seq: number, prevHash: string): BrokenLink | undefined {
  if (row.seq !== seq) return { id: row.id, seq: row.seq, reason: `rows ${seq}..${row.seq - 1} of the chain are missing` };
  if (row.prev_hash !== prevHash) return { id: row.id, seq, reason: 'prev_hash does not match the previous row (a row before it was changed or removed)' };
  if (rowHash(row) !== row.hash) return { id: row.id, seq, reason: 'row content does not match its hash (the row was edited)' };
  return undefined;
}

function checkTail(head: ChainHead | undefined, last: { seq: number; hash: string; id: number | null }): BrokenLink | undefined {
  if (!head) return { id: null, seq: last.seq, reason: 'the chain head record is missing' };
  if (last.seq < head.seq) return { id: null, seq: last.seq + 1, reason: `rows ${last.seq + 1}..${head.seq} at the end of the chain are missing` };
  if (last.hash !== head.hash) return { id: last.id, seq: last.seq, reason: 'the last row does not match the chain head' };
  return undefined;
}

/** Verifies one chain up to its head as read at the start (rows appended meanwhile are left for the next run). */
async function verifyChain(db: Database, tenant: string, head: ChainHead | undefined): Promise<ChainReport> {
  let last = { seq: 0, hash: GENESIS_HASH, id: null as number | null };
  let rows = 0;
  const report = (broken?: BrokenLink): ChainReport => ({ tenant, rows, ok: !broken, head: head ?? null, ...(broken ? { broken } : {}) });
  for (;;) {
    const page = await readChainPage(db.knex, tenant, last.seq, PAGE, head?.seq);
    for (const row of page) {
      const broken = checkRow(row, last.seq + 1, last.hash);
      if (broken) return report(broken);
      last = { seq: row.seq, hash: row.hash, id: row.id };
      rows++;
    }
    if (page.length < PAGE) break;
  }
  return report(checkTail(head, last));
}

export async function verifyChains(db: Database, opts: { tenant?: string } = {}): Promise<VerifyReport> {
  const chains: ChainReport[] = [];
  for (const [tenant, head] of await listChains(db.knex, opts.tenant)) chains.push(await verifyChain(db, tenant, head));
  return { ok: chains.every((c) => c.ok), chains };
}
