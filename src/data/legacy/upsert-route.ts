// INSERT or UPDATE the route of one entity set of a tenant (PK tenant + set).
import type { Knex } from 'knex';
import type { LegacyRouteRow } from './rows';

export async function upsertRoute(knex: Knex, row: LegacyRouteRow): Promise<void> {
  await knex('legacy_routes').insert(row).onConflict(['tenant_id', 'entity_set']).merge(['mode', 'primary_side', 'updated_at']);
}
