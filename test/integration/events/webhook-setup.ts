// Shared steps of the webhook tests: subscribe through the admin API, and run a dispatcher with
// short timeouts and backoff (config injection, so no test sleeps for real backoff times).
import { createLogger } from '../../../src/observability/logger';
import { createMetrics, type Metrics } from '../../../src/observability/metrics';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../../src/events/outbox-dispatcher';
import type { DispatcherOptions } from '../../../src/events/dispatcher-options';
import { secretBox } from '../../../src/security/secret-box';
import type { Database } from '../../../src/data/db';
import type { TestGateway } from '../../helpers/gateway';

export const FAST: Partial<DispatcherOptions> = {
  pollIntervalMs: 20,
  timeoutMs: 3000, // generous: a timeout racing a 2xx would be a (legitimate) duplicate
  backoff: { baseMs: 10, capMs: 40 },
  breaker: { threshold: 1000, halfOpenAfterMs: 100 },
  leaseMarginMs: 2000,
  stopGraceMs: 1000,
  gaugeIntervalMs: 0,
};

export interface Subscribed {
  readonly id: string;
  readonly secret: string;
}

export async function subscribe(gw: TestGateway, adminKey: string, url: string, eventTypes: readonly string[], tenant = 'acme'): Promise<Subscribed> {
  const res = await gw.request('/api/admin/webhooks', adminKey, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tenant, url, eventTypes }),
  });
  if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${await res.text()}`);
  return (await res.json()) as Subscribed;
}

export function dispatcherFor(gw: TestGateway, options: Partial<DispatcherOptions> = {}, db: Database = gw.database.db, metrics?: Metrics): OutboxDispatcher {
  return createOutboxDispatcher({
    db, log: createLogger(process.env.WEBHOOK_TEST_LOG ?? 'silent'), secrets: secretBox(gw.masterKey), metrics: metrics ?? createMetrics({ defaultMetrics: false }), options: { ...FAST, ...options },
  });
}
