// SELECT service accounts (optionally of one tenant). Deliberately never touches api_keys, so no
// caller can leak a hash through a listing.
import type { Knex } from 'knex';
import type { ServiceAccountRow } from './rows';

export async function listServiceAccountRows(knex: Knex, tenantId?: string): Promise<ServiceAccountRow[]> {
  const q = knex('service_accounts')
    .select('id', 'tenant_id', 'name', 'operations', 'rate_limit_per_minute', 'active', 'created_at', 'last_used_at')
    .orderBy([{ column: 'tenant_id' }, { column: 'created_at' }, { column: 'id' }]);
  if (tenantId !== undefined) q.where('tenant_id', tenantId);
  return (await q) as ServiceAccountRow[];
}
