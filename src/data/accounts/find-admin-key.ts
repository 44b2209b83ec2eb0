// SELECT one admin key by its keyed hash (key authentication) or by id (bearer-token re-check).
import type { Knex } from 'knex';
import type { AdminKeyRow } from './rows';

export async function findAdminKey(knex: Knex, by: { readonly id: string } | { readonly key_hash: string }): Promise<AdminKeyRow | undefined> {
  return (await knex('admin_keys').select('id', 'name', 'key_hash', 'created_at', 'revoked_at').where(by).first()) as
    | AdminKeyRow
    | undefined;
}
