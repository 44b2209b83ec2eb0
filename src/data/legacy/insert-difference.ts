// INSERT one shadow difference (values already cut to size by the caller).
import type { Knex } from 'knex';
import type { ShadowDifferenceRow } from './rows';

export async function insertDifference(knex: Knex, row: ShadowDifferenceRow): Promise<void> {
  await knex('shadow_differences').insert(row);
}
