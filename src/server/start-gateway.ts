// Opens the database, applies migrations, loads the master key and starts HTTP(S) with graceful
// shutdown. Shared by `serve`, `demo` and the end-to-end tests, so all three run the same stack.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { openDatabase, type Database } from '../data/db';
import { migrateLatest } from '../data/migrations';
import { loadMasterKey } from '../security/master-key';
import { cachedVerifier } from '../security/verified-key-cache';
import { verifyApiKey } from '../security/verify-api-key';
import { createLogger, type Logger } from '../observability/logger';
import { createMetrics } from '../observability/metrics';
import { createApp } from './app';

export interface RunningGateway {
  readonly url: string;
  readonly db: Database;
  readonly log: Logger;
  /** stop accepting, finish in-flight requests, close the database */
  close(): Promise<void>;
}

// Verified keys are reused for at most this long (revocation reaches every instance within it).
const KEY_CACHE_TTL_MS = 2000;

function createServer(config: Config, app: http.RequestListener): http.Server {
  const server = config.tls
    ? https.createServer({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, app)
    : http.createServer(app);
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
  const db = opts.db ?? openDatabase(config.databaseUrl);
  await migrateLatest(db.knex);
  const masterKey = await loadMasterKey(config);
  const verifyKey = cachedVerifier((key) => verifyApiKey(db, masterKey, key), KEY_CACHE_TTL_MS);
  const fallbackHost = `${config.host}:${config.port}`;
  const app = createApp({ db, log, metrics: createMetrics({ defaultMetrics: true }), verifyKey, fallbackHost, trustProxy: config.trustProxy, metricsToken: config.metricsToken, tls: config.tls !== undefined });
  const server = createServer(config, app);
  const addr = await listen(server, config.port, config.host);
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `${config.tls ? 'https' : 'http'}://${host}:${addr.port}`;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      if (!opts.db) await db.close();
    })();
    return closing;
  };
  return { url, db, log, close };
}
