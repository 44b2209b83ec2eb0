// UPDATE every not-yet-revoked key of an account to revoked now; resolves to the number revoked.
import type { Knex } from 'knex';

export async function revokeAccountKeys(knex: Knex, accountId: string, revokedAt: string): Promise<number> {
  return knex('api_keys').where({ account_id: accountId }).whereNull('revoked_at').update({ revoked_at: revokedAt });
}
