// DELETE all but the newest `keep` differences of one tenant's entity set. The boundary id comes
// from a walk of `keep` + 1 entries of ix_shadow_differences_set, so each prune costs the same
// however many differences were ever recorded (usually it deletes the one row that fell off).
import type { Knex } from 'knex';

export async function pruneDifferences(knex: Knex, tenantId: string, entitySet: string, keep: number): Promise<number> {
  const boundary = knex('shadow_differences')
    .select('id')
    .where({ tenant_id: tenantId, entity_set: entitySet })
    .orderBy('id', 'desc')
    .offset(keep);
  const row = (await boundary.first()) as { id: number | string } | undefined;
  if (row === undefined) return 0;
  return knex('shadow_differences').where({ tenant_id: tenantId, entity_set: entitySet }).andWhere('id', '<=', row.id).delete();
}
