// Adds one shadow comparison to its hourly counter: an upsert that increments in the database
// (INSERT … ON CONFLICT DO UPDATE, the same SQL on SQLite ≥ 3.24 and PostgreSQL), so instances
// counting at once never lose an increment.
import type { Knex } from 'knex';

export interface ComparisonCount {
  readonly tenantId: string;
  readonly entitySet: string;
  readonly bucketMs: number;
  readonly differed: boolean;
}

export async function countComparison(knex: Knex, c: ComparisonCount): Promise<void> {
  const differed = c.differed ? 1 : 0;
  await knex('shadow_comparison_counts')
    .insert({ tenant_id: c.tenantId, entity_set: c.entitySet, bucket_ms: c.bucketMs, compared: 1, differed })
    .onConflict(['tenant_id', 'entity_set', 'bucket_ms'])
    .merge({
      compared: knex.raw('shadow_comparison_counts.compared + 1'),
      differed: knex.raw(`shadow_comparison_counts.differed + ${differed}`),
    });
}
