// `demo` set-up: on a new database, create tenant "demo" with deterministic sample data and one
// ERP key (shown once). On an existing one nothing is changed — a key can't be shown twice.
import type { Config } from './config';
import { openDatabase } from '../data/db';
import { migrateLatest } from '../data/migrations';
import { seedTenant } from '../data/seed/seed-tenant';
import { ensureTenant } from '../security/accounts/ensure-tenant';
import { createServiceAccount } from '../security/accounts/create-service-account';
import { loadMasterKey } from '../security/master-key';
import { loadGatewaySecrets } from '../security/gateway-secrets';

export const DEMO_TENANT = 'demo';
// Big enough that Customers('10042') and paging are real, small enough to seed in about a second.
const DEMO_DATA = { customers: 2000, products: 10_000, seed: 42 } as const;

export interface DemoSetup {
  readonly created: boolean;
  /** only when created */
  readonly apiKey?: string;
}

export async function prepareDemoTenant(config: Config): Promise<DemoSetup> {
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateLatest(db.knex);
    const { keyHashKey } = await loadGatewaySecrets(db, await loadMasterKey(config));
    const { created } = await ensureTenant(db, DEMO_TENANT, 'Demo tenant');
    if (!created) return { created: false };
    await seedTenant(db, DEMO_TENANT, DEMO_DATA);
    const account = await createServiceAccount(db, keyHashKey, { tenant: DEMO_TENANT, name: 'demo ERP connector' });
    return { created: true, apiKey: account.apiKey };
  } finally {
    await db.close();
  }
}
