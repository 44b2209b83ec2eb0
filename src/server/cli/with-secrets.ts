// Opens the database (migrated) together with the unsealed shared secrets, for the commands that
// mint or check keys: they need the API-key hash key that is sealed in the database.
import type { Config } from '../config';
import type { Database } from '../../data/db';
import { loadGatewaySecrets, type GatewaySecrets } from '../../security/gateway-secrets';
import { loadMasterKey } from '../../security/master-key';
import { withDatabase } from './with-database';

export async function withSecrets<T>(config: Config, fn: (db: Database, secrets: GatewaySecrets) => Promise<T>): Promise<T> {
  const masterKey = await loadMasterKey(config);
  return withDatabase(config, async (db) => fn(db, await loadGatewaySecrets(db, masterKey)));
}
