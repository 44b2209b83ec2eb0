// Migration 1: the entity-set tables of the EDM model.
import type { Knex } from 'knex';
import { modelDdl, modelTablesInDropOrder } from './model-ddl';

export const name = '0001-model';

export async function up(knex: Knex): Promise<void> {
  const dialect = knex.client.config.client === 'pg' ? 'pg' : 'sqlite';
  for (const sql of modelDdl(dialect)) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  for (const t of modelTablesInDropOrder()) await knex.schema.dropTableIfExists(t);
}
