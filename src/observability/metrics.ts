// Prometheus metrics (prom-client) on a registry of our own, so tests can build several apps in
// one process without "metric already registered" clashes.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
  /** 429s by limiter: `account` (per-account budget) or `auth-failures` (failed logins per address) */
  readonly rateLimited: Counter<'route' | 'limiter'>;
  readonly dbPool: Gauge<'state'>;
  /** audit flushes that failed (rows stay queued and are retried) */
  readonly auditWriteFailures: Counter;
  /** audit rows not persisted because the queue overflowed (each is logged in full instead) */
  readonly auditRowsDropped: Counter;
  /** audit rows waiting to be written */
  readonly auditBacklog: Gauge;
  /** outbox rows not yet handed to webhook deliveries */
  readonly outboxBacklog: Gauge;
  /** webhook deliveries due now (pending or failed, next attempt reached) */
  readonly webhookDeliveriesDue: Gauge;
  /** webhook deliveries dead-lettered (waiting for an admin redelivery) */
  readonly webhookDeadLetters: Gauge;
  /** webhook delivery attempts by outcome: delivered, failed, dead, released (circuit open / shutdown) */
  readonly webhookDeliveries: Counter<'outcome'>;
  /** calls to the legacy upstream by outcome: ok (any answer below 500), error (5xx), network, timeout, rejected (circuit open) */
  readonly legacyUpstreamRequests: Counter<'outcome'>;
  /** the legacy upstream's circuit breaker: 0 closed, 1 open, 2 half-open */
  readonly legacyBreakerState: Gauge;
  /** shadow comparisons by result: equal, different, skipped (concurrency cap or breaker open), error */
  readonly legacyShadowComparisons: Counter<'result'>;
}

export function createMetrics(opts: { defaultMetrics: boolean }): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'gateway_http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'gateway_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'gateway_rate_limit_rejections_total',
      help: 'Requests rejected with 429, by route and limiter',
      labelNames: ['route', 'limiter'],
      registers: [registry],
    }),
    dbPool: new Gauge({
      name: 'gateway_db_pool_connections',
      help: 'Database pool connections by state (used, free, pending acquires)',
      labelNames: ['state'],
      registers: [registry],
    }),
    auditWriteFailures: new Counter({
      name: 'gateway_audit_write_failures_total',
      help: 'Audit flushes that failed; their rows stay queued and are retried',
      registers: [registry],
    }),
    auditRowsDropped: new Counter({
      name: 'gateway_audit_rows_dropped_total',
      help: 'Audit rows not persisted because the queue was full (each one is logged instead)',
      registers: [registry],
    }),
    auditBacklog: new Gauge({
      name: 'gateway_audit_backlog_rows',
      help: 'Audit rows queued in this process, not yet written',
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'gateway_outbox_backlog_events',
      help: 'Outbox rows (domain events) not yet fanned out to webhook deliveries',
      registers: [registry],
    }),
    webhookDeliveriesDue: new Gauge({
      name: 'gateway_webhook_deliveries_due',
      help: 'Webhook deliveries due now (pending or retrying)',
      registers: [registry],
    }),
    webhookDeadLetters: new Gauge({
      name: 'gateway_webhook_dead_letters',
      help: 'Webhook deliveries dead-lettered after the last attempt, waiting for a redelivery',
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'gateway_webhook_delivery_attempts_total',
      help: 'Webhook delivery attempts by outcome (delivered, failed, dead, released)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    legacyUpstreamRequests: new Counter({
      name: 'gateway_legacy_upstream_requests_total',
      help: 'Requests to the legacy upstream by outcome (ok, error, network, timeout, rejected)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    legacyBreakerState: new Gauge({
      name: 'gateway_legacy_breaker_state',
      help: 'Circuit breaker of the legacy upstream: 0 closed, 1 open, 2 half-open',
      registers: [registry],
    }),
    legacyShadowComparisons: new Counter({
      name: 'gateway_legacy_shadow_comparisons_total',
      help: 'Shadow comparisons by result (equal, different, skipped, error)',
      labelNames: ['result'],
      registers: [registry],
    }),
  };
}
