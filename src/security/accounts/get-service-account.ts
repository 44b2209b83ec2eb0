// One service account for `GET /api/admin/service-accounts/{id}`; NotFoundError when missing.
import type { Database } from '../../data/db';
import { findServiceAccount } from '../../data/accounts/find-service-account';
import { NotFoundError } from '../../errors/catalogue';
import { toAccountSummary } from './account-summary';
import type { ServiceAccountSummary } from './tenant';

export const accountNotFound = (id: string): NotFoundError =>
  new NotFoundError(`service account '${id.slice(0, 64)}' does not exist`, { target: 'id' });

export async function getServiceAccount(db: Database, id: string): Promise<ServiceAccountSummary> {
  const row = await findServiceAccount(db.knex, id);
  if (!row) throw accountNotFound(id);
  return toAccountSummary(row);
}
