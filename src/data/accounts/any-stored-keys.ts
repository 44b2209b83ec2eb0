// Whether any API or admin key hash is stored yet: decides how the key-hash key is bootstrapped
// (security/gateway-secrets.ts).
import type { Knex } from 'knex';

export async function anyStoredKeys(knex: Knex): Promise<boolean> {
  const api = await knex('api_keys').first('id');
  if (api) return true;
  return (await knex('admin_keys').first('id')) !== undefined;
}
