// SELECT the API key with a given keyed hash (unique index) joined with its account: the one
// query of every authentication that misses the verified-key cache.
import type { Knex } from 'knex';

export interface KeyWithAccount {
  readonly key_id: string;
  readonly key_hash: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
  readonly account_id: string;
  readonly tenant_id: string;
  readonly operations: string;
  readonly rate_limit_per_minute: number | string;
  readonly active: number | string;
}

/** An API key joined with its account, as every credential check reads it (filter added by the caller). */
export function selectKeyWithAccount(knex: Knex): Knex.QueryBuilder {
  return knex({ k: 'api_keys' })
    .join({ a: 'service_accounts' }, 'a.id', 'k.account_id')
    .select(
      'k.id as key_id', 'k.key_hash', 'k.expires_at', 'k.revoked_at',
      'a.id as account_id', 'a.tenant_id', 'a.operations', 'a.rate_limit_per_minute', 'a.active',
    );
}

export async function findKeyByHash(knex: Knex, keyHash: string): Promise<KeyWithAccount | undefined> {
  return (await selectKeyWithAccount(knex).where('k.key_hash', keyHash).first()) as KeyWithAccount | undefined;
}
