// SELECT the legacy surface setting of one tenant (undefined: never set, i.e. read-write).
import type { Knex } from 'knex';
import type { LegacySurfaceRow } from './rows';

export async function findSurface(knex: Knex, tenantId: string): Promise<LegacySurfaceRow | undefined> {
  return (await knex('legacy_surfaces').select('tenant_id', 'state', 'deprecation', 'sunset', 'link', 'updated_at').where({ tenant_id: tenantId }).first()) as
    | LegacySurfaceRow
    | undefined;
}
