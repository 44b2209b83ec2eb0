// A real gateway for tests: the full Express pipeline on a loopback port, over a fresh migrated
// database of the given dialect, with helpers to mint tenants, ERP keys and admin keys. A second
// instance on the same database (`sameDatabaseAs`) shares its master key, like a scaled-out deployment.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Dialect } from '../../src/data/db';
import { createApp } from '../../src/server/app';
import { expressServerClasses } from '../../src/http/express-server-classes';
import { createLogger } from '../../src/observability/logger';
import { createMetrics } from '../../src/observability/metrics';
import { loadGatewaySecrets, type GatewaySecrets } from '../../src/security/gateway-secrets';
import { credentialServices } from '../../src/security/credentials';
import { accountAdmin } from '../../src/security/accounts/account-admin';
import { createAdminKey } from '../../src/security/accounts/create-admin-key';
import { ensureTenant } from '../../src/security/accounts/ensure-tenant';
import { createServiceAccount, type CreatedServiceAccount } from '../../src/security/accounts/create-service-account';
import { createAuditRecorder, type AuditRecorder } from '../../src/audit/record-operation';
import { createRateLimitStores } from '../../src/http/rate-limit-store';
import { webhookAdmin } from '../../src/events/webhook-admin';
import { secretBox } from '../../src/security/secret-box';
import { createLegacyStore, type LegacyControlStore } from '../../src/legacy/legacy-store';
import { migrationReporter } from '../../src/legacy/report/migration-report';
import { legacyGateServices } from '../../src/server/legacy-gate-services';
import type { BreakerOptions } from '../../src/legacy/upstream-breaker';
import type { Metrics } from '../../src/observability/metrics';
import { createTestDatabase, type TestDatabase } from './databases';
import { loadNameMapping } from '../../src/edm/load-name-mapping';
import { createNaming, type Naming } from '../../src/edm/naming';

export interface TestGateway {
  readonly url: string;
  /** the Express app itself (route enumeration in the auth matrix) */
  readonly app: import('express').Express;
  readonly dialect: Dialect;
  readonly database: TestDatabase;
  readonly masterKey: Uint8Array;
  /** the unsealed shared secrets (API-key hash key, token signing key) */
  readonly secrets: GatewaySecrets;
  /** this instance's legacy settings store (routes, surface, upstream credential; 1 s cache) */
  readonly legacyStore: LegacyControlStore;
  /** this instance's metrics (legacy upstream, shadow comparisons …) */
  readonly metrics: Metrics;
  /** a fresh ERP key for the tenant (created if missing), optionally with only some grants */
  keyFor(tenant: string, operations?: readonly string[]): Promise<string>;
  /** a fresh platform admin key */
  adminKey(name?: string): Promise<string>;
  /** a fresh ERP service account (tenant created if missing) with its key and, optionally, its own rate */
  account(tenant: string, opts?: { operations?: readonly string[]; ratePerMinute?: number }): Promise<CreatedServiceAccount>;
  /** this instance's audit writer: `flush()` before reading audit_log */
  readonly audit: AuditRecorder;
  /** GET/any request with the key in X-API-Key */
  request(path: string, key: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  readonly metricsToken?: string;
  /** run as another instance on this gateway's database and master key; closing it leaves the database */
  readonly sameDatabaseAs?: TestGateway;
  /** credential cache TTL (default 0: every request re-checks the database; serve uses 2000) */
  readonly credentialCacheTtlMs?: number;
  /** rate-limit stores in this Redis under this key prefix (default: in-process stores) */
  readonly redis?: { readonly url: string; readonly prefix: string };
  /** failed authentications allowed per address per minute (default 30, as served) */
  readonly authFailuresPerMinute?: number;
  /** CORS_ORIGINS (default none: CORS off) */
  readonly corsOrigins?: readonly string[];
  /** the OData surface's limits; default DEFAULT_LIMITS */
  readonly limits?: import('../../src/odata/uri/limits').ODataLimits;
  /** Express's trust proxy setting (TRUST_PROXY); default none */
  readonly trustProxy?: boolean | number | string;
  /** ODATA_REQUIRE_IF_MATCH (default true) */
  readonly odataRequireIfMatch?: boolean;
  /** ODATA_NAME_MAPPING_FILE: serve /odata under this name mapping (default: canonical names) */
  readonly nameMappingFile?: string;
  /** or the Naming itself (wins over nameMappingFile) */
  readonly naming?: Naming;
  /** dual running (issue #5): LEGACY_UPSTREAM_URL, its timeout, shadow concurrency, breaker (defaults as served) */
  readonly legacy?: {
    readonly upstreamUrl?: string;
    readonly timeoutMs?: number;
    readonly shadowConcurrency?: number;
    readonly breaker?: BreakerOptions;
    readonly defaultMode?: 'local' | 'upstream';
  };
}

function namingOf(opts: TestGatewayOptions): Naming | undefined {
  if (opts.naming) return opts.naming;
  return opts.nameMappingFile === undefined ? undefined : createNaming(loadNameMapping(opts.nameMappingFile));
}

/** The other instance's database, opened through a pool of our own; dispose only closes it. */
async function sharedDatabase(other: TestGateway): Promise<TestDatabase> {
  const db = openDatabase(other.database.url);
  return { db, url: other.database.url, dispose: () => db.close() };
}

export async function startTestGateway(dialect: Dialect, opts: TestGatewayOptions = {}): Promise<TestGateway> {
  const database = opts.sameDatabaseAs ? await sharedDatabase(opts.sameDatabaseAs) : await createTestDatabase(dialect);
  const db = database.db;
  const masterKey = opts.sameDatabaseAs?.masterKey ?? new Uint8Array(randomBytes(32));
  const secrets = await loadGatewaySecrets(db, masterKey);
  const credentials = credentialServices(db, secrets, opts.credentialCacheTtlMs ?? 0);
  const log = createLogger('silent');
  const audit = createAuditRecorder({ db, log });
  const rateLimitStores = await createRateLimitStores(opts.redis);
  const legacyStore = createLegacyStore({ db, box: secretBox(masterKey), ...(opts.legacy?.defaultMode ? { defaultMode: opts.legacy.defaultMode } : {}) });
  const metrics = createMetrics({ defaultMetrics: false });
  const lo = opts.legacy ?? {};
  const naming = namingOf(opts);
  const legacy = legacyGateServices({ store: legacyStore, db, log, metrics, upstreamUrl: lo.upstreamUrl, timeoutMs: lo.timeoutMs ?? 5000, shadowConcurrency: lo.shadowConcurrency ?? 4, ...(lo.breaker ? { breaker: lo.breaker } : {}), ...(naming ? { naming } : {}) });
  const app = createApp({
    db,
    log,
    audit,
    rateLimitStores,
    ...(opts.authFailuresPerMinute !== undefined ? { authFailuresPerMinute: opts.authFailuresPerMinute } : {}),
    ...(opts.corsOrigins ? { corsOrigins: opts.corsOrigins } : {}),
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.odataRequireIfMatch !== undefined ? { odataRequireIfMatch: opts.odataRequireIfMatch } : {}),
    ...(naming ? { naming } : {}),
    metrics,
    legacy,
    verifyKey: credentials.verifyKey,
    verifyToken: credentials.verifyToken,
    api: { admin: accountAdmin(db, secrets.keyHashKey), issueToken: credentials.issueToken, webhooks: webhookAdmin(db, secretBox(masterKey), { production: false }), legacy: legacyStore, migrationReport: migrationReporter(db, legacyStore) },
    fallbackHost: '127.0.0.1',
    metricsToken: opts.metricsToken,
  });
  const server = http.createServer(expressServerClasses(app), app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    url,
    dialect,
    database,
    masterKey,
    secrets,
    legacyStore,
    metrics,
    adminKey: async (name) => (await createAdminKey(db, secrets.keyHashKey, name)).apiKey,
    audit,
    async account(tenant, o = {}) {
      await ensureTenant(db, tenant);
      return createServiceAccount(db, secrets.keyHashKey, { tenant, ...o });
    },
    async keyFor(tenant, operations) {
      await ensureTenant(db, tenant);
      const created = await createServiceAccount(db, secrets.keyHashKey, { tenant, ...(operations ? { operations } : {}) });
      return created.apiKey;
    },
    request: (path, key, init = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { 'X-API-Key': key, ...(init.headers as Record<string, string> | undefined) } }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await audit.close();
      await rateLimitStores.close();
      await database.dispose();
    },
  };
}

/** Parsed JSON body, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (res: Response): Promise<any> => res.json();
