// DELETE /api/admin/service-accounts/{id}: revoke and remove. Removing the key rows is itself the
// revocation (a key or token whose row is gone never verifies).
import type { Database } from '../../data/db';
import { deleteServiceAccount as deleteRows } from '../../data/accounts/delete-service-account';
import { accountNotFound } from './get-service-account';

export async function deleteServiceAccount(db: Database, id: string): Promise<void> {
  if (!(await deleteRows(db.knex, id))) throw accountNotFound(id);
}
