// Two real gateways for the dual-running tests: `legacy` (its own database) plays the legacy RESTier
// service; `gw` (another database) forwards to it with a stored upstream credential. Plus a switchable
// relay in front of the legacy side (to take it down and bring it back on the same port) and a few
// small helpers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dialect } from '../../../src/data/db';
import type { BreakerOptions } from '../../../src/legacy/upstream-breaker';
import type { RouteMode, Side } from '../../../src/legacy/legacy-settings';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { writeClient, writerKey, type WriteClient } from '../odata-write/write-client';

export const TENANT = 'acme';

export interface Pair {
  readonly legacy: TestGateway;
  readonly gw: TestGateway;
  /** an ERP key of ours (the client's) and a client on it */
  readonly key: string;
  readonly client: WriteClient;
  /** the legacy side's key, stored as the tenant's upstream credential */
  readonly legacyKey: string;
  readonly legacyClient: WriteClient;
  route(entitySet: string, mode: RouteMode, primary?: Side): Promise<void>;
  close(): Promise<void>;
}

export async function startPair(dialect: Dialect, o: { upstreamUrl?: (legacy: TestGateway) => string | Promise<string>; timeoutMs?: number; breaker?: BreakerOptions; shadowConcurrency?: number } = {}): Promise<Pair> {
  const legacy = await startTestGateway(dialect);
  const upstreamUrl = o.upstreamUrl ? await o.upstreamUrl(legacy) : `${legacy.url}/odata`;
  const gw = await startTestGateway(dialect, {
    legacy: { upstreamUrl, timeoutMs: o.timeoutMs ?? 3000, breaker: o.breaker ?? { threshold: 3, halfOpenAfterMs: 500 }, shadowConcurrency: o.shadowConcurrency ?? 8 },
  });
  const legacyKey = await writerKey(legacy, TENANT);
  const key = await writerKey(gw, TENANT);
  await gw.legacyStore.setUpstreamCredential(TENANT, { header: 'X-API-Key', value: legacyKey });
  return {
    legacy, gw, key, legacyKey,
    client: writeClient(gw, key),
    legacyClient: writeClient(legacy, legacyKey),
    route: (entitySet, mode, primary) => gw.legacyStore.setRoute(TENANT, { entitySet, mode, primary: primary ?? (mode === 'upstream' ? 'upstream' : 'local') }),
    async close() {
      await gw.close();
      await legacy.close();
    },
  };
}

/** Polls `probe` until it returns a value other than undefined (or fails after `ms`). */
export async function eventually<T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A raw relay on a fixed loopback port in front of `target`: stop() takes the upstream down, start() brings it back. */
export async function switchableRelay(target: string): Promise<{ url: string; start(): Promise<void>; stop(): Promise<void> }> {
  const t = new URL(target);
  const server = http.createServer((req, res) => {
    const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    start: () => new Promise<void>((r) => server.listen(port, '127.0.0.1', r)),
    stop: () => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())),
  };
}

export const customer = (ID: string, Name: string) => ({ ID, Name });
