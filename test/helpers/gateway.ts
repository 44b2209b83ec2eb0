// A real gateway for tests: the full Express pipeline on a loopback port, over a fresh migrated
// database of the given dialect, with helpers to mint tenants and ERP keys.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Dialect } from '../../src/data/db';
import { createApp } from '../../src/server/app';
import { createLogger } from '../../src/observability/logger';
import { createMetrics } from '../../src/observability/metrics';
import { verifyApiKey } from '../../src/security/verify-api-key';
import { ensureTenant } from '../../src/security/accounts/ensure-tenant';
import { createServiceAccount } from '../../src/security/accounts/create-service-account';
import { createTestDatabase, type TestDatabase } from './databases';

export interface TestGateway {
  readonly url: string;
  readonly dialect: Dialect;
  readonly database: TestDatabase;
  /** a fresh ERP key for the tenant (created if missing), optionally with only some grants */
  keyFor(tenant: string, operations?: readonly string[]): Promise<string>;
  /** GET/any request with the key in X-API-Key */
  request(path: string, key: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestGateway(dialect: Dialect, opts: { metricsToken?: string } = {}): Promise<TestGateway> {
  const database = await createTestDatabase(dialect);
  const db = database.db;
  const masterKey = new Uint8Array(randomBytes(32));
  const app = createApp({
    db,
    log: createLogger('silent'),
    metrics: createMetrics({ defaultMetrics: false }),
    verifyKey: (key) => verifyApiKey(db, masterKey, key),
    fallbackHost: '127.0.0.1',
    metricsToken: opts.metricsToken,
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dialect,
    database,
    async keyFor(tenant, operations) {
      await ensureTenant(db, tenant);
      const created = await createServiceAccount(db, masterKey, { tenant, ...(operations ? { operations } : {}) });
      return created.apiKey;
    },
    request: (path, key, init = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { 'X-API-Key': key, ...(init.headers as Record<string, string> | undefined) } }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.dispose();
    },
  };
}

/** Parsed JSON body, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (res: Response): Promise<any> => res.json();
