// Service accounts for `account list` and the admin API: grants, limit and state, never a key,
// secret or hash (the query does not even read api_keys).
import type { Database } from '../../data/db';
import { listServiceAccountRows } from '../../data/accounts/list-service-accounts';
import { toAccountSummary } from './account-summary';
import type { ServiceAccountSummary } from './tenant';

export async function listAccounts(db: Database, filter: { tenant?: string } = {}): Promise<ServiceAccountSummary[]> {
  const rows = await listServiceAccountRows(db.knex, filter.tenant);
  return rows.map(toAccountSummary);
}
