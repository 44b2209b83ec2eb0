// SELECT the stored legacy surface settings of one tenant or of all (tenants without a row: read-write).
import type { Knex } from 'knex';
import type { LegacySurfaceRow } from './rows';

export async function selectSurfaces(knex: Knex, tenantId?: string): Promise<LegacySurfaceRow[]> {
  const q = knex('legacy_surfaces').select('tenant_id', 'state', 'deprecation', 'sunset', 'link', 'updated_at').orderBy('tenant_id');
  if (tenantId !== undefined) void q.where({ tenant_id: tenantId });
  return (await q) as LegacySurfaceRow[];
}
