// INSERT or UPDATE the legacy surface setting of a tenant (PK tenant).
import type { Knex } from 'knex';
import type { LegacySurfaceRow } from './rows';

export async function upsertSurface(knex: Knex, row: LegacySurfaceRow): Promise<void> {
  await knex('legacy_surfaces').insert(row).onConflict('tenant_id').merge(['state', 'deprecation', 'sunset', 'link', 'updated_at']);
}
