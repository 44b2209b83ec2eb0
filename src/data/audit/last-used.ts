// "Last used" of ERP service accounts, kept current by the audit writer: one UPDATE per account
// per flush instead of a write per request. It runs inside the audit transaction after the
// tenant's chain head is locked, and an account belongs to exactly one tenant, so two instances
// never update the same account row concurrently (no deadlock).
import type { Knex } from 'knex';
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditLogRow } from './audit-log-row';

/** account id → latest `at` among the ERP rows (ISO text sorts as time). */
export function lastUsedByAccount(rows: readonly AuditLogRow[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const r of rows) {
    if (r.principal_kind !== 'erp') continue;
    const seen = latest.get(r.account_id);
    if (seen === undefined || r.at > seen) latest.set(r.account_id, r.at);
  }
  return latest;
}

const UPDATE = 'UPDATE service_accounts SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)';

export async function touchLastUsedPg(trx: Knex.Transaction, latest: ReadonlyMap<string, string>): Promise<void> {
  for (const id of [...latest.keys()].sort()) {
    const at = latest.get(id) as string;
    await trx.raw(UPDATE, [at, id, at]);
  }
}

const touchStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

export function touchLastUsedSqlite(conn: BetterSqlite3.Database, latest: ReadonlyMap<string, string>): void {
  let stmt = touchStatements.get(conn);
  if (!stmt) touchStatements.set(conn, (stmt = conn.prepare(UPDATE)));
  for (const [id, at] of latest) stmt.run(at, id, at);
}
