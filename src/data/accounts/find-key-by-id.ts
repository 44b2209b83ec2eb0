// SELECT an API key by id joined with its account: how a bearer token, which names the key it was
// issued with, re-checks that key and its account on every (uncached) verification.
import type { Knex } from 'knex';
import type { KeyWithAccount } from './find-key-by-hash';

export async function findKeyById(knex: Knex, keyId: string): Promise<KeyWithAccount | undefined> {
  const row = (await knex({ k: 'api_keys' })
    .join({ a: 'service_accounts' }, 'a.id', 'k.account_id')
    .select(
      'k.id as key_id', 'k.key_hash', 'k.expires_at', 'k.revoked_at',
      'a.id as account_id', 'a.tenant_id', 'a.operations', 'a.rate_limit_per_minute', 'a.active',
    )
    .where('k.id', keyId)
    .first()) as KeyWithAccount | undefined;
  return row;
}
