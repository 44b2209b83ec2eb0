// All tenants, for `GET /api/admin/tenants`.
import type { Database } from '../../data/db';
import { listTenantRows } from '../../data/accounts/list-tenants';
import type { Tenant } from './tenant';

export async function listTenants(db: Database): Promise<Tenant[]> {
  const rows = await listTenantRows(db.knex);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}
