// SELECT the explicit routes of one tenant, or of every tenant, ordered by tenant and set.
import type { Knex } from 'knex';
import type { LegacyRouteRow } from './rows';

export async function selectRoutes(knex: Knex, tenantId?: string): Promise<LegacyRouteRow[]> {
  const q = knex('legacy_routes').select('tenant_id', 'entity_set', 'mode', 'primary_side', 'updated_at').orderBy(['tenant_id', 'entity_set']);
  if (tenantId !== undefined) void q.where({ tenant_id: tenantId });
  return (await q) as LegacyRouteRow[];
}
