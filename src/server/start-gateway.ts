// Opens the database, applies migrations, loads the master key, unseals the shared secrets and
// starts HTTP(S) with graceful shutdown. Shared by `serve`, `demo` and the end-to-end tests, so all three run the same stack.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Config } from './config';
import { openDatabase, type Database } from '../data/db';
import { migrateLatest } from '../data/migrations';
import { loadMasterKey } from '../security/master-key';
import { loadGatewaySecrets } from '../security/gateway-secrets';
import { credentialServices } from '../security/credentials';
import { accountAdmin } from '../security/accounts/account-admin';
import { createLogger, type Logger } from '../observability/logger';
import { createMetrics } from '../observability/metrics';
import { createApp } from './app';
import { expressServerClasses } from '../http/express-server-classes';
import { createGuardServices } from './guard-services';
import { secretBox } from '../security/secret-box';
import { webhookAdmin } from '../events/webhook-admin';
import { createOutboxDispatcher } from '../events/outbox-dispatcher';
import { loadWebhookConfig } from './webhook-config';
import { loadNameMapping } from '../edm/load-name-mapping';
import { createNaming } from '../edm/naming';
import { createLegacyStore } from '../legacy/legacy-store';
import { migrationReporter } from '../legacy/report/migration-report';
import { legacyGateServices } from './legacy-gate-services';

export interface RunningGateway {
  readonly url: string;
  readonly db: Database;
  readonly log: Logger;
  /** stop accepting, finish in-flight requests, close the database */
  close(): Promise<void>;
}


function createServer(config: Config, app: Express): http.Server {
  const classes = expressServerClasses(app);
  const server = config.tls
    ? https.createServer({ ...classes, cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, app)
    : http.createServer(classes, app);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

async function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server.address() as AddressInfo;
}

export async function startGateway(config: Config, opts: { log?: Logger; db?: Database } = {}): Promise<RunningGateway> {
  const log = opts.log ?? createLogger(config.logLevel);
  const webhookConfig = loadWebhookConfig(); // WEBHOOK_* env: refused before anything opens
  const naming = createNaming(loadNameMapping(config.odataNameMappingFile)); // a bad mapping stops start-up here
  const db = opts.db ?? openDatabase(config.databaseUrl);
  await migrateLatest(db.knex);
  const masterKey = await loadMasterKey(config);
  const secrets = await loadGatewaySecrets(db, masterKey);
  // verified keys and key states are cached 2 s: revocation reaches every instance within that
  const { verifyKey, verifyToken, issueToken } = credentialServices(db, secrets);
  const box = secretBox(masterKey);
  // legacy routes, surface and upstream credential (issue #5): read by the /odata gate, changed by the admin API and CLI
  const legacyStore = createLegacyStore({ db, box, defaultMode: config.legacyDefaultMode });
  const api = { admin: accountAdmin(db, secrets.keyHashKey), issueToken, webhooks: webhookAdmin(db, box, { production: config.production }), legacy: legacyStore, migrationReport: migrationReporter(db, legacyStore) };
  const fallbackHost = `${config.host}:${config.port}`;
  const metrics = createMetrics({ defaultMetrics: true });
  const guards = await createGuardServices(config, db, log, metrics);
  // always installed: the legacy surface lifecycle works without an upstream
  const legacy = legacyGateServices({ store: legacyStore, db, log, metrics, upstreamUrl: config.legacyUpstreamUrl, timeoutMs: config.legacyUpstreamTimeoutMs, shadowConcurrency: config.legacyShadowConcurrency, naming });
  const app = createApp({ db, log, metrics, verifyKey, verifyToken, api, fallbackHost, trustProxy: config.trustProxy, metricsToken: config.metricsToken, tls: config.tls !== undefined, odataRequireIfMatch: config.odataRequireIfMatch, rateLimitStores: guards.rateLimitStores, audit: guards.audit, corsOrigins: config.corsOrigins, legacy, naming });
  const server = createServer(config, app);
  const addr = await listen(server, config.port, config.host);
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `${config.tls ? 'https' : 'http'}://${host}:${addr.port}`;
  // webhook dispatcher: after listen; WEBHOOK_DISPATCH=off leaves delivery to other instances
  const dispatcher = webhookConfig.dispatch ? createOutboxDispatcher({ db, log, metrics, secrets: box, options: { ...webhookConfig.options, refuseInternalTargets: config.production } }) : undefined;
  if (dispatcher) dispatcher.start();
  else log.info('webhook dispatch off in this instance (WEBHOOK_DISPATCH=off)');
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const dispatcherStopped = dispatcher?.stop(); // in-flight deliveries get a few seconds; the rest stay due
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await dispatcherStopped;
      await guards.close(); // every response has finished: flush the audit rows before the database closes
      if (!opts.db) await db.close();
    })();
    return closing;
  };
  return { url, db, log, close };
}
