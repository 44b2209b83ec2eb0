// Service accounts for `account list` and the admin API: grants, limit and state, never a key,
// secret or hash (the query does not even read api_keys).
import type { Database } from '../../data/db';
import { listServiceAccountRows } from '../../data/accounts/list-service-accounts';
import { parseOperationsColumn } from './operations-column';
import type { ServiceAccountSummary } from './tenant';

export async function listAccounts(db: Database, filter: { tenant?: string } = {}): Promise<ServiceAccountSummary[]> {
  const rows = await listServiceAccountRows(db.knex, filter.tenant);
  return rows.map((r) => ({
    id: r.id,
    tenant: r.tenant_id,
    name: r.name,
    operations: parseOperationsColumn(r.operations),
    rateLimitPerMinute: Number(r.rate_limit_per_minute),
    active: Number(r.active) === 1,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  }));
}
