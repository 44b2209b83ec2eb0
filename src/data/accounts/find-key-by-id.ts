// SELECT an API key by id joined with its account: how a bearer token, which names the key it was
// issued with, re-checks that key and its account on every (uncached) verification.
import type { Knex } from 'knex';
import { selectKeyWithAccount, type KeyWithAccount } from './find-key-by-hash';

export async function findKeyById(knex: Knex, keyId: string): Promise<KeyWithAccount | undefined> {
  return (await selectKeyWithAccount(knex).where('k.id', keyId).first()) as KeyWithAccount | undefined;
}
