// The webhook dispatcher (architecture: events/outbox-relay): polls the outbox, fans each event out
// to the matching subscriptions, claims due deliveries under a lease and POSTs them — one
// subscription's rows one after another (so its breaker can open before it is hammered), different
// subscriptions in parallel. Safe to run in several instances at once (see claim-deliveries.ts).
import type { Database } from '../data/db';
import { claimDeliveries, type ClaimedDelivery } from '../data/webhooks/claim-deliveries';
import { countBacklog } from '../data/webhooks/count-backlog';
import { fanOutOutbox } from '../data/webhooks/fan-out-outbox';
import { settleDelivery } from '../data/webhooks/settle-delivery';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { SecretBox } from '../security/secret-box';
import { deliverOne, type AttemptContext } from './deliver-one';
import { DEFAULT_DISPATCHER_OPTIONS, type DispatcherOptions } from './dispatcher-options';
import { matchSubscriptions } from './match-subscriptions';
import { secretCache } from './secret-cache';
import { subscriptionBreakers } from './subscription-breakers';

export interface OutboxDispatcher {
  /** starts the polling loop (idempotent) */
  start(): void;
  /** one poll: fan out, claim, deliver; resolves with the number of deliveries attempted */
  tick(): Promise<number>;
  /** stops polling; waits for in-flight deliveries up to `graceMs`, then aborts them (their rows stay due) */
  stop(graceMs?: number): Promise<void>;
}

export interface DispatcherDeps {
  readonly db: Database;
  readonly log: Logger;
  /** opens the sealed subscription secrets */
  readonly secrets: SecretBox;
  readonly metrics?: Metrics;
  readonly options?: Partial<DispatcherOptions>;
}

function groupBySubscription(rows: readonly ClaimedDelivery[]): ClaimedDelivery[][] {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const r of rows) groups.set(r.subscription_id, [...(groups.get(r.subscription_id) ?? []), r]);
  return [...groups.values()];
}

export function createOutboxDispatcher(deps: DispatcherDeps): OutboxDispatcher {
  const o: DispatcherOptions = { ...DEFAULT_DISPATCHER_OPTIONS, ...deps.options };
  const { db, log, metrics } = deps;
  const shutdown = new AbortController();
  const secrets = secretCache(deps.secrets);
  const breakers = subscriptionBreakers(o.breaker, (id) => log.warn({ subscription: id }, 'webhook circuit opened'));
  let lastGauges = 0;

  const context = async (d: ClaimedDelivery): Promise<AttemptContext> => ({
    secret: await secrets.secretOf(d.subscription_id, d.secret_sealed), breaker: breakers.policy(d.subscription_id),
    timeoutMs: o.timeoutMs, maxAttempts: o.maxAttempts, backoff: o.backoff, halfOpenAfterMs: o.breaker.halfOpenAfterMs, shutdown: shutdown.signal, refuseInternal: o.refuseInternalTargets,
  });

  const deliver = async (d: ClaimedDelivery, lease: string): Promise<void> => {
    const outcome = await deliverOne(d, await context(d));
    await settleDelivery(db.knex, d.id, lease, outcome);
    metrics?.webhookDeliveries.inc({ outcome: outcome.kind });
    if (outcome.kind === 'failed' || outcome.kind === 'dead') {
      log[outcome.kind === 'dead' ? 'error' : 'warn']({ subscription: d.subscription_id, eventId: d.event_id, attempts: outcome.attempts, error: outcome.error }, outcome.kind === 'dead' ? 'webhook delivery dead-lettered' : 'webhook delivery failed');
    }
  };

  const updateGauges = async (): Promise<void> => {
    if (!metrics || Date.now() - lastGauges < o.gaugeIntervalMs) return;
    lastGauges = Date.now();
    const b = await countBacklog(db.knex, new Date().toISOString());
    metrics.outboxBacklog.set(b.outboxPending);
    metrics.webhookDeliveriesDue.set(b.deliveriesDue);
    metrics.webhookDeadLetters.set(b.deadLetters);
  };

  const tick = async (): Promise<number> => {
    const now = new Date();
    await fanOutOutbox(db, matchSubscriptions, now.toISOString(), o.batchSize * 5);
    const lease = new Date(now.getTime() + o.timeoutMs * o.batchSize + o.leaseMarginMs).toISOString();
    const rows = await claimDeliveries(db, { now: now.toISOString(), leaseUntil: lease, limit: o.batchSize, skipSubscriptions: breakers.open(now.getTime()) });
    await Promise.all(groupBySubscription(rows).map(async (group) => {
      for (const d of group) await deliver(d, lease);
    }));
    await updateGauges();
    return rows.length;
  };

  let loop: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => (clearTimeout(timer), resolve());
  });
  const run = async (): Promise<void> => {
    while (!shutdown.signal.aborted && !stopping) {
      const n = await tick().catch((err: unknown) => (log.error({ err }, 'webhook dispatcher poll failed'), 0));
      if (n === 0 && !stopping) await sleep(o.pollIntervalMs);
    }
  };

  return {
    start: () => void (loop ??= run()),
    tick,
    async stop(graceMs = o.stopGraceMs) {
      stopping = true;
      wake?.();
      if (!loop) return;
      const finished = await Promise.race([loop.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref())]);
      if (!finished) {
        shutdown.abort(); // in-flight requests end now; their rows are released, due at once
        await loop;
      }
    },
  };
}
