// Key rotation in one transaction: every live key of the account (not revoked, not expiring
// before the cut-off) gets expires_at = cut-off, then the new key is inserted. Resolves to the
// number of previous keys given the cut-off, or undefined when the account does not exist.
import type { Knex } from 'knex';
import type { ApiKeyRow } from './rows';

export async function addRotatedKey(knex: Knex, newKey: ApiKeyRow, previousExpireAt: string): Promise<number | undefined> {
  return knex.transaction(async (trx) => {
    // the account row lock serialises concurrent rotations of one account (SQLite: one writer anyway)
    const find = trx('service_accounts').where({ id: newKey.account_id }).first('id');
    const account = await (trx.client.config.client === 'pg' ? find.forUpdate() : find);
    if (!account) return undefined;
    const cut = await trx('api_keys')
      .where({ account_id: newKey.account_id })
      .whereNull('revoked_at')
      .andWhere((q) => q.whereNull('expires_at').orWhere('expires_at', '>', previousExpireAt))
      .update({ expires_at: previousExpireAt });
    await trx('api_keys').insert(newKey);
    return cut;
  });
}
